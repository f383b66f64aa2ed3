import { isScalar, isSeq, parse, type Scalar } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { composeFix, replaceNodeEdit } from '../src/model/compose-edits.js';
import type { Rule } from '../src/engine/types.js';

/** Does `value` read back as the same string when written without quotes, in a block or flow list? */
function survivesUnquoted(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  try {
    const back = parse(flow ? `[${value}]` : `- ${value}`) as unknown;
    return Array.isArray(back) && back.length === 1 && back[0] === value;
  } catch {
    return false;
  }
}

const rule: Rule = {
  meta: {
    id: 'compose-volume-quotes',
    aliases: ['no-quotes-in-volumes'],
    description: 'Short-syntax `volumes` entries are written without quotes when they do not need them.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale: 'Quotes around `./data:/var/lib/data` add nothing, and a file that quotes some mounts and not others looks as if the quoted ones were special. Writing mounts plain keeps them uniform and easy to grep.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    volumes:\n      - "db-data:/var/lib/postgresql/data"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    volumes:\n      - db-data:/var/lib/postgresql/data\n' },
      notes: 'Entries that need their quotes in YAML (a `: ` or ` #` inside, a leading `*`, `&`, `!` or `{`, a value that would read as a number or boolean) are not reported. Long-syntax mounts are not checked. The fix removes the quotes.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const list = service.get('volumes');
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const scalar = item as Scalar<string>;
          if (scalar.type !== 'QUOTE_SINGLE' && scalar.type !== 'QUOTE_DOUBLE') continue;
          if (!survivesUnquoted(scalar.value, Boolean(list.flow))) continue;
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, scalar),
            message: `Drop the quotes around the volume ${scalar.value} of service "${service.name}": they are not needed.`,
            fix: composeFix(compose, 'Remove the quotes', [replaceNodeEdit(compose.file, scalar, scalar.value)]),
          });
        }
      }
    }
  },
};

export default rule;
