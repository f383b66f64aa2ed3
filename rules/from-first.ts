import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'from-first',
    aliases: ['DL3061'],
    description: 'A Dockerfile must begin with FROM, after parser directives, comments and ARG.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Only `ARG` (to parameterise the base image) may come before the first `FROM`. Anything else there has no stage to belong to, and the build fails with "no build stage in current context".',
      bad: { code: 'ENV NODE_ENV=production\nFROM node:22-alpine\n' },
      good: { code: '# syntax=docker/dockerfile:1\nARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\nENV NODE_ENV=production\n' },
      notes: 'Every instruction before the first FROM other than ARG is reported, at its keyword; a file without FROM has every instruction reported.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword === 'FROM') break;
        if (instruction.keyword === 'ARG') continue;
        context.report({
          file: dockerfile.file,
          range: instruction.keywordRange,
          message: `\`${instruction.keywordRaw}\` comes before the first FROM: only ARG may; move it into a stage.`,
        });
      }
    }
  },
};

export default rule;
