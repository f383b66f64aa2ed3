import type { Rule } from '../src/engine/types.js';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const rule: Rule = {
  meta: {
    id: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    description: 'All instruction keywords of a Dockerfile use the same case: all upper-case or all lower-case, as the majority does.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'Mixed keyword casing (`Run`, or a `copy` among upper-case instructions) makes a Dockerfile harder to scan and to grep. BuildKit reports it as `ConsistentInstructionCasing`: the case the majority of instructions use wins.',
      bad: { code: 'FROM alpine:3.21\nrun apk add --no-cache curl\nCopy app.sh /usr/local/bin/app.sh\nCMD ["app.sh"]\n' },
      good: { code: 'FROM alpine:3.21\nRUN apk add --no-cache curl\nCOPY app.sh /usr/local/bin/app.sh\nCMD ["app.sh"]\n' },
      notes: 'Unlike BuildKit, ARGs before the first FROM are counted and checked too. The fix rewrites the keyword in the majority case.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      // Unknown words (template syntax, typos) are not instructions: BuildKit refuses them anyway.
      const instructions = dockerfile.instructions.filter((instruction) => KEYWORDS.has(instruction.keyword));
      let lower = 0;
      let upper = 0;
      for (const instruction of instructions) {
        const raw = instruction.keywordRaw;
        if (raw === raw.toLowerCase()) lower++;
        else if (raw === raw.toUpperCase()) upper++;
      }
      const majorityLower = lower > upper;
      for (const instruction of instructions) {
        const raw = instruction.keywordRaw;
        const wanted = majorityLower ? raw.toLowerCase() : raw.toUpperCase();
        if (raw === wanted || !raw) continue;
        const start = dockerfile.file.offsetAt(instruction.keywordRange.start);
        context.report({
          file: dockerfile.file,
          range: instruction.keywordRange,
          message: `Instruction "${raw}" should match the case of the majority of instructions (${majorityLower ? 'lowercase' : 'uppercase'}): write "${wanted}".`,
          fix: { description: `Write ${wanted}`, edits: [{ file: dockerfile.file.path, start, end: start + raw.length, text: wanted }] },
        });
      }
    }
  },
};

export default rule;
