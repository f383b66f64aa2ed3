import type { Rule } from '../src/engine/types.js';

/** Instructions Docker knows besides FROM; other words (template syntax, typos) are not an ordering problem. */
const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

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
      notes: 'Every instruction before the first FROM other than ARG is reported, at its keyword. A file without any FROM (a fragment or template) gets one finding at its first instruction rather than one per line, unlike hadolint. Words that are no Dockerfile instruction (template syntax such as `{{`) are left to the parser.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const misplaced = [];
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword === 'FROM') break;
        if (instruction.keyword !== 'ARG' && INSTRUCTIONS.has(instruction.keyword)) misplaced.push(instruction);
      }
      if (!dockerfile.stages.length) {
        // A file without any FROM (a fragment or template) gets one finding, not one per line.
        const first = misplaced[0];
        if (first) context.report({ file: dockerfile.file, range: first.keywordRange, message: 'This Dockerfile has no FROM: every build needs one; start with `FROM <image>` (ARG may come before it).' });
        continue;
      }
      for (const instruction of misplaced) {
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
