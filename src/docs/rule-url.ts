/** Where each built-in rule's generated page (docs/rules/<id>.md) is published. */
export const RULE_DOCS_BASE = 'https://github.com/docker-policy/docker-policy/blob/main/docs/rules';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${ruleId}.md`;
}
