import type { Rule } from '../src/engine/types.js';
import { keyValuePairs } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    description: 'ENV and LABEL take `key=value`, not the legacy whitespace-separated `key value` form.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`ENV NODE_ENV production` sets one variable to the whole rest of the line, spaces included: `ENV A 1 B 2` sets A to "1 B 2". The `key=value` form is unambiguous and sets several keys in one instruction. Docker documents the legacy form as deprecated; BuildKit reports it as `LegacyKeyValueFormat`.',
      bad: { code: 'FROM node:20-slim\nENV NODE_ENV production\nLABEL maintainer Jane\n' },
      good: { code: 'FROM node:20-slim\nENV NODE_ENV=production\nLABEL maintainer=Jane\n' },
      notes: 'The fix writes `key=value`, quoting the value when it contains spaces; values with quotes or escapes are left for you to rewrite.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
        const pair = keyValuePairs(dockerfile, instruction)[0];
        if (!pair?.legacy) continue;
        const end = file.offsetAt(instruction.range.end);
        const rest = file.text.slice(pair.valueStart, end).trim();
        const fixable = instruction.range.start.line === instruction.range.end.line && !/["'\\`]/.test(rest) && !rest.includes(dockerfile.escapeChar);
        const value = /\s/.test(rest) ? `"${rest}"` : rest;
        context.report({
          file,
          range: file.rangeOf(pair.word.start, pair.word.end),
          message: `"${instruction.keyword} key=value" should be used instead of the legacy "${instruction.keyword} key value" format: write ${instruction.keyword} ${pair.key}=${value}.`,
          ...(fixable ? { fix: { description: 'Use key=value', edits: [{ file: file.path, start: pair.word.end, end, text: `=${value}` }] } } : {}),
        });
      }
    }
  },
};

export default rule;
