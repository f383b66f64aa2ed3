import { unquoteWord } from '../src/model/dockerfile-words.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'copy-destination-slash',
    aliases: ['DL3021'],
    description: 'COPY or ADD with more than one source needs a destination folder ending in `/`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'With several sources the destination must be a folder, and Docker only accepts it as one when it ends with `/`: the build stops with "When using COPY with more than one source file, the destination must be a directory and end with a /". Catch it before the build does.',
      bad: { code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app\n' },
      good: { code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app/\n' },
      notes:
        'hadolint checks COPY only; ADD has the same restriction and is checked too. A destination written with a variable (`$APP_DIR`) is checked as written, because Docker checks the expanded value and it must end with `/` as well. The fix appends `/`. `.` and `..` (and paths ending in `/.`) are folders to BuildKit and accepted, unlike hadolint. A single glob source (`COPY *.json /app`) is not reported: whether it matches several files is only known at build time.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        const copy = instruction.copy;
        if (!copy?.destination || copy.sources.length < 2) continue;
        const destination = copy.destination;
        const path = unquoteWord(destination.value);
        // BuildKit treats `.` (the working directory) as a folder, like a path ending in `/`.
        if (/[/\\]$/.test(path) || path === '.' || path === '..' || /[/\\]\.\.?$/.test(path)) continue;
        // In exec form the range covers the JSON string: insert before its closing quote.
        const end = dockerfile.file.offsetAt(destination.range.end) - (instruction.jsonForm || path !== destination.value ? 1 : 0);
        context.report({
          file: dockerfile.file,
          range: destination.range,
          message: `${instruction.keyword} has ${copy.sources.length} sources, so the destination \`${path}\` must be a folder ending with \`/\`: write \`${path}/\`.`,
          fix: { description: 'Append / to the destination', edits: [{ file: dockerfile.file.path, start: end, end, text: '/' }] },
        });
      }
    }
  },
};

export default rule;
