import type { Rule } from '../src/engine/types.js';

const RESERVED = new Set(['scratch', 'context']);

const rule: Rule = {
  meta: {
    id: 'reserved-stage-name',
    aliases: ['DL3063', 'ReservedStageName'],
    description: 'A stage must not be named `scratch` or `context`: those names are reserved.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`scratch` is the empty base image and `context` names the build context in `COPY --from=context` / named build contexts; a stage with one of those names makes `FROM scratch` or `--from=context` mean something else than every reader expects. BuildKit reports it as `ReservedStageName`, hadolint as DL3063.',
      bad: { code: 'FROM alpine:3.21 AS scratch\nRUN apk add --no-cache ca-certificates\n' },
      good: { code: 'FROM alpine:3.21 AS certs\nRUN apk add --no-cache ca-certificates\n' },
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const alias = stage.from.alias;
        if (!alias || !RESERVED.has(alias.value.toLowerCase())) continue;
        context.report({
          file: dockerfile.file,
          range: alias.range,
          message: `Stage name "${alias.value}" is reserved (${alias.value.toLowerCase() === 'scratch' ? 'the empty base image' : 'the build context'}); choose another name.`,
        });
      }
    }
  },
};

export default rule;
