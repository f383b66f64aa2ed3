import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'copy-from-own-stage',
    aliases: ['DL3023'],
    description: '`COPY --from` cannot copy from the stage it is in.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A stage cannot copy from itself: its files are already there. `--from=<own alias>` is a mistake, usually a copy-paste of a line from another stage; the build fails with a circular dependency or copies from a different image than intended.',
      bad: { code: 'FROM node:22-alpine AS build\nCOPY --from=build /app/dist /srv/\n' },
      good: { code: 'FROM node:22-alpine AS build\nRUN npm run build\n\nFROM nginx:1.27-alpine AS web\nCOPY --from=build /app/dist /usr/share/nginx/html/\n' },
      notes: 'The alias is compared case-insensitively, as BuildKit does; `--from=N` with the stage\'s own index is reported too.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          const from = instruction.copy?.from;
          if (!from) continue;
          const own = stage.name !== null && from.value.toLowerCase() === stage.name.toLowerCase();
          if (!own && from.value !== String(stage.index)) continue;
          context.report({
            file: dockerfile.file,
            range: from.range,
            message: `\`--from=${from.value}\` is the stage this ${instruction.keyword} is in${stage.name ? ` (\`${stage.name}\`)` : ''}: copy from an earlier stage, or use a plain path.`,
          });
        }
      }
    }
  },
};

export default rule;
