import type { Rule } from '../src/engine/types.js';
import { isAlwaysDefined, PLATFORM_ARGS } from '../src/model/dockerfile-vars.js';
import { findStage } from '../src/model/dockerfile.js';
import { invalidReferenceReason } from '../src/model/image-spec.js';

const rule: Rule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    description: 'With only the global ARG defaults, every FROM must resolve to a valid image reference.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`ARG TAG` without a default makes `FROM alpine:${TAG}` resolve to `alpine:` when nobody passes `--build-arg TAG=…` (an editor, a CI job, `docker compose build` without args), and the build fails with an invalid reference error. A sensible default keeps the Dockerfile buildable on its own. BuildKit reports it as `InvalidDefaultArgInFrom`.',
      bad: { code: 'ARG TAG\nFROM alpine:${TAG}\n' },
      good: { code: 'ARG TAG=3.21\nFROM alpine:${TAG}\n' },
      notes:
        'Only FROM lines that use variables are checked, with the defaults as BuildKit does (build arguments are unknown). FROMs that use BuildKit\'s platform ARGs (`FROM base-$TARGETARCH`) are skipped: their values depend on the build.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const from = stage.from;
        if (!from.imageRange || !from.imageText.includes('$')) continue;
        if (from.unresolvedVariables.some((name) => PLATFORM_ARGS.includes(name) || isAlwaysDefined(name))) continue;
        const declared = new Set(dockerfile.globalArgs.map((arg) => arg.name));
        if (from.unresolvedVariables.some((name) => !declared.has(name))) continue; // undefined-arg-in-from reports those
        if (findStage(dockerfile, from.image)) continue;
        const reason = invalidReferenceReason(from.image);
        if (!reason) continue;
        const args = [...new Set([...from.argsUsed, ...from.unresolvedVariables])];
        context.report({
          file: dockerfile.file,
          range: from.imageRange,
          message: `Default value for ARG ${args.join(', ')} makes this FROM resolve to "${from.image}", which is not a valid image name (${reason}); give ${args.length > 1 ? 'the ARGs defaults' : `ARG ${args[0]} a default`} that names an image.`,
        });
      }
    }
  },
};

export default rule;
