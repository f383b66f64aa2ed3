import { isScalar, isSeq, type Scalar } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { composeFix, replaceNodeEdit } from '../src/model/compose-edits.js';
import type { Rule } from '../src/engine/types.js';

const QUOTES = { single: "'", double: '"' } as const;

const rule: Rule = {
  meta: {
    id: 'compose-port-quotes',
    aliases: ['require-quotes-in-ports'],
    description: 'Entries of `ports` and `expose` are quoted strings.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    fixable: true,
    options: {
      schema: {
        type: 'object',
        properties: {
          quoteType: { type: 'string', enum: ['any', 'single', 'double'], description: 'Which quotes to require: `any` accepts both.' },
        },
        additionalProperties: false,
      },
      defaults: { quoteType: 'any' },
    },
    docs: {
      rationale:
        'An unquoted `HOST:CONTAINER` pair is a YAML 1.1 sexagesimal number when both parts are below 60: `22:22` is read as 1342 by YAML 1.1 parsers, so the stack publishes the wrong port or fails to load. Docker\'s documentation recommends always writing port mappings as strings; quoting every entry means nobody has to remember which ones are dangerous.',
      bad: { filename: 'compose.yaml', code: 'services:\n  sftp:\n    image: atmoz/sftp:alpine\n    ports:\n      - 127.0.0.1:22:22\n    expose:\n      - 22\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  sftp:\n    image: atmoz/sftp:alpine\n    ports:\n      - "127.0.0.1:22:22"\n    expose:\n      - "22"\n' },
      notes: 'dclint requires single quotes by default; here `quoteType: any` (the default) accepts either and only unquoted entries are reported. Set `quoteType: single` or `double` to enforce one style. The fix adds (or swaps) the quotes.',
    },
  },
  check(context) {
    const quoteType = (context.options.quoteType as 'any' | 'single' | 'double' | undefined) ?? 'any';
    const wanted = quoteType === 'single' ? 'QUOTE_SINGLE' : quoteType === 'double' ? 'QUOTE_DOUBLE' : null;
    const quote = QUOTES[quoteType === 'single' ? 'single' : 'double'];
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        for (const section of ['ports', 'expose']) {
          const list = service.get(section);
          if (!isSeq(list)) continue;
          for (const item of list.items) {
            if (!isScalar(item) || item.value === null || !item.range) continue;
            const scalar = item as Scalar;
            const quoted = scalar.type === 'QUOTE_SINGLE' || scalar.type === 'QUOTE_DOUBLE';
            if (quoted && (wanted === null || scalar.type === wanted)) continue;
            const written = compose.file.text.slice(scalar.range![0], scalar.range![1]);
            const value = quoted ? String(scalar.value) : written;
            // Port entries hold digits, colons, dots, brackets and `${…}`: nothing that needs escaping.
            const fixable = !/["'\\\n]/.test(value);
            context.report({
              file: compose.file,
              range: rangeOfNode(compose.file, scalar),
              message: quoted
                ? `Use ${quoteType} quotes for the \`${section}\` entry ${written} of service "${service.name}".`
                : `Quote the \`${section}\` entry ${written} of service "${service.name}" (${quote}${value}${quote}): ${
                    section === 'ports' ? 'YAML 1.1 parsers read an unquoted `a:b` with numbers below 60 as one base-60 number' : 'keep every port entry a string'
                  }.`,
              fix: fixable ? composeFix(compose, 'Quote the port', [replaceNodeEdit(compose.file, scalar, `${quote}${value}${quote}`)]) : undefined,
            });
          }
        }
      }
    }
  },
};

export default rule;
