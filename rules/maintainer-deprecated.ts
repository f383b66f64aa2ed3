import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'maintainer-deprecated',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    description: 'MAINTAINER is deprecated: name the author with `LABEL org.opencontainers.image.authors=…`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`MAINTAINER` has been deprecated since Docker 1.13; it only sets the image\'s legacy `Author` field. The OCI label `org.opencontainers.image.authors` is what registries and scanners read. BuildKit reports it as `MaintainerDeprecated`, hadolint as DL4000.',
      bad: { code: 'FROM alpine:3.21\nMAINTAINER Jane Doe <jane@example.com>\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
      notes: 'The fix rewrites the instruction as that LABEL.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'MAINTAINER') continue;
        const author = instruction.argsText.trim();
        const start = dockerfile.file.offsetAt(instruction.range.start);
        const end = dockerfile.file.offsetAt(instruction.range.end);
        const simple = author && !/["\\\n`]/.test(author);
        context.report({
          file: dockerfile.file,
          range: instruction.keywordRange,
          message: `MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="${author || '…'}" instead.`,
          ...(simple ? { fix: { description: 'Rewrite as an OCI authors label', edits: [{ file: dockerfile.file.path, start, end, text: `LABEL org.opencontainers.image.authors="${author}"` }] } } : {}),
        });
      }
    }
  },
};

export default rule;
