import { ruleDocsUrl } from '../docs/rule-url.js';
import type { Rule, Severity } from '../engine/types.js';
import type { FormatInput } from './index.js';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, rules with help links, relative URIs. */
export function formatSarif({ result, rules, toolVersion }: FormatInput): string {
  const used = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const descriptors = used.map((id) => toDescriptor(id, byId.get(id), byId));
  const indexOf = new Map(used.map((id, index) => [id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-policy',
            version: toolVersion,
            informationUri: 'https://github.com/docker-policy/docker-policy',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(result.project.cwd)}/` } },
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: indexOf.get(finding.ruleId),
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column + 1 : 1),
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function toDescriptor(id: string, rule: Rule | undefined, byId: Map<string, Rule>) {
  // `shellcheck/SC2086`: a code reported by a rule; its help is the code's own page.
  const slash = id.indexOf('/');
  const parent = rule ? undefined : slash > 0 ? byId.get(id.slice(0, slash)) : undefined;
  if (parent) rule = parent;
  const codeUrl = parent?.meta.codeUrl?.replace('{code}', id.slice(slash + 1));
  return {
    id,
    name: id,
    shortDescription: { text: rule?.meta.description ?? id },
    helpUri: codeUrl ?? ruleDocsUrl(id),
    help: { text: rule?.meta.docs.rationale ?? rule?.meta.description ?? id },
    defaultConfiguration: { level: SARIF_LEVEL[rule?.meta.severity ?? 'warning'] },
    properties: { tags: rule?.meta.aliases ?? [] },
  };
}

function pathToUri(directory: string): string {
  return `file://${encodeURI(directory.split('\\').join('/'))}`;
}
