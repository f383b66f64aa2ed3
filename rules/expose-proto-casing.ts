import type { Rule } from '../src/engine/types.js';
import { parsePortSpec } from '../src/model/image-spec.js';
import { exposedWords } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    description: 'The protocol in EXPOSE (`80/tcp`, `53/udp`) should be lowercase.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'Docker lowercases the protocol when it records the exposed port, so `EXPOSE 80/TCP` appears as `80/tcp` in the image: writing it as stored keeps Dockerfiles, compose files and `docker inspect` output matching. BuildKit reports it as `ExposeProtoCasing`.',
      bad: { code: 'FROM nginx:1.27\nEXPOSE 80/TCP 443/Tcp\n' },
      good: { code: 'FROM nginx:1.27\nEXPOSE 80/tcp 443/tcp\n' },
      notes: 'The fix lowercases the protocol.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      for (const { word, value } of exposedWords(dockerfile)) {
        const spec = parsePortSpec(value);
        if (!spec.proto || spec.proto === spec.proto.toLowerCase() || value !== word.value) continue;
        const protoStart = word.start + word.raw.lastIndexOf('/') + 1;
        context.report({
          file,
          range: file.rangeOf(word.start, word.end),
          message: `Defined protocol "${value}" in EXPOSE should be lowercase: write ${value.replace(/\/[^/]*$/, `/${spec.proto.toLowerCase()}`)}.`,
          fix: { description: 'Lowercase the protocol', edits: [{ file: file.path, start: protoStart, end: protoStart + spec.proto.length, text: spec.proto.toLowerCase() }] },
        });
      }
    }
  },
};

export default rule;
