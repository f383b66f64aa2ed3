import type { Rule } from '../src/engine/types.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

const rule: Rule = {
  meta: {
    id: 'onbuild-trigger',
    aliases: ['DL3043'],
    description: '`ONBUILD` cannot trigger `ONBUILD`, `FROM` or `MAINTAINER`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Docker refuses these triggers: chaining `ONBUILD ONBUILD` is not allowed, and `FROM` or `MAINTAINER` make no sense inside a downstream build. The image builds, and every image built on it then fails.',
      bad: { code: 'FROM node:22-alpine\nONBUILD FROM node:22-alpine\nONBUILD ONBUILD RUN npm ci\n' },
      good: { code: 'FROM node:22-alpine\nWORKDIR /app\nONBUILD COPY package*.json ./\nONBUILD RUN npm ci\n' },
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'ONBUILD' || !instruction.triggerKeyword || !FORBIDDEN.has(instruction.triggerKeyword)) continue;
        const trigger = instruction.args[0];
        context.report({
          file: dockerfile.file,
          range: trigger?.range ?? instruction.keywordRange,
          message: `\`ONBUILD ${instruction.triggerKeyword}\` is not allowed: an ONBUILD trigger cannot be ONBUILD, FROM or MAINTAINER.`,
        });
      }
    }
  },
};

export default rule;
