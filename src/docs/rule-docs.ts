import type { Rule } from '../engine/types.js';

/** Presets a rule is in: `recommended` implies `strict`; every rule is in `all`. */
export function presetsOf(rule: Rule): string[] {
  const presets = new Set<string>(rule.meta.presets);
  if (presets.has('recommended')) presets.add('strict');
  presets.add('all');
  return ['recommended', 'strict', 'all'].filter((name) => presets.has(name));
}

export function rulesTableMarkdown(rules: Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((rule) => {
      const aliases = (rule.meta.aliases ?? []).join(', ') || '—';
      return `| [\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md) | ${rule.meta.severity} | ${presetsOf(rule).filter((name) => name !== 'all').join(', ') || '—'} | ${rule.meta.fixable ? 'yes' : ''} | ${aliases} | ${escapeCell(rule.meta.description)} |`;
    });
  return ['| rule | severity | presets | fix | aliases | what it checks |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The docs page for one rule, generated from its metadata. */
export function ruleDocPage(rule: Rule): string {
  const meta = rule.meta;
  const lines = [
    `# ${meta.id}`,
    '',
    `> Generated from \`rules/${meta.id}.ts\` by \`npm run generate\`; edit the rule's metadata, not this file.`,
    '',
    meta.description,
    '',
    `- **Default severity:** ${meta.severity}`,
    `- **Presets:** ${presetsOf(rule).join(', ')}`,
    `- **Checks:** ${meta.fileKinds.join(', ')}`,
    `- **Aliases:** ${(meta.aliases ?? []).map((alias) => `\`${alias}\``).join(', ') || 'none'}`,
    `- **Fixable:** ${meta.fixable ? 'yes (`check --fix`)' : 'no'}`,
    '',
    '## Why',
    '',
    meta.docs.rationale,
    '',
    '## Bad',
    '',
    fence(meta.docs.bad.code, meta.docs.bad.filename),
    '',
    '## Good',
    '',
    fence(meta.docs.good.code, meta.docs.good.filename),
    '',
  ];
  if (meta.options) {
    lines.push('## Options', '', '| option | type | default | description |', '|---|---|---|---|');
    for (const [name, schema] of Object.entries(meta.options.schema.properties)) {
      lines.push(`| \`${name}\` | ${String(schema.type ?? '')} | \`${JSON.stringify(meta.options.defaults[name] ?? null)}\` | ${escapeCell(String(schema.description ?? ''))} |`);
    }
    lines.push('');
  }
  if (meta.docs.notes) lines.push('## Notes', '', meta.docs.notes, '');
  lines.push('## Suppressing', '', 'On the line before the finding:', '', '```', `# docker-policy ignore=${meta.id}`, '```', '');
  return lines.join('\n');
}

function fence(code: string, filename?: string): string {
  const language = !filename || /dockerfile|containerfile/i.test(filename) ? 'dockerfile' : /\.ya?ml$/.test(filename) ? 'yaml' : /\.sh$/.test(filename) ? 'sh' : '';
  return `${filename ? `\`${filename}\`\n\n` : ''}\`\`\`${language}\n${code.replace(/\n+$/, '')}\n\`\`\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
