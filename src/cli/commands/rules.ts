import { builtinRules } from '../../../rules/index.js';
import { presetsOf, rulesTableMarkdown } from '../../docs/rule-docs.js';

export async function runRules(options: { format: 'table' | 'json' | 'markdown' }): Promise<number> {
  const rules = [...builtinRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  if (options.format === 'json') {
    const list = rules.map((rule) => ({
      id: rule.meta.id,
      aliases: rule.meta.aliases ?? [],
      severity: rule.meta.severity,
      presets: presetsOf(rule),
      fileKinds: rule.meta.fileKinds,
      fixable: Boolean(rule.meta.fixable),
      description: rule.meta.description,
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  } else if (options.format === 'markdown') {
    process.stdout.write(`${rulesTableMarkdown(rules)}\n`);
  } else {
    const idWidth = Math.max(...rules.map((rule) => rule.meta.id.length));
    for (const rule of rules) {
      const aliases = rule.meta.aliases?.length ? ` (${rule.meta.aliases.join(', ')})` : '';
      process.stdout.write(`${rule.meta.id.padEnd(idWidth)}  ${rule.meta.severity.padEnd(7)}  ${presetsOf(rule).join(',').padEnd(22)}  ${rule.meta.description}${aliases}\n`);
    }
  }
  return 0;
}
