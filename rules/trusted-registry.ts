import type { DockerfileModel, Stage } from '../src/model/dockerfile.js';
import type { Range } from '../src/model/source.js';
import { formatImageRef, parseImageRef } from '../src/model/image-ref.js';
import { isTrustedRegistry, registryOf, trustedRegistries } from '../src/model/registries.js';
import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import type { Rule } from '../src/engine/types.js';

/** True when `--from=` / `from=` names a stage (alias or index) rather than an image. */
function isStageReference(model: DockerfileModel, stage: Stage, reference: string): boolean {
  if (/^\d+$/.test(reference)) return true;
  const lower = reference.toLowerCase();
  return model.stages.some((candidate) => candidate !== stage && candidate.name?.toLowerCase() === lower) || stage.name?.toLowerCase() === lower;
}

const rule: Rule = {
  meta: {
    id: 'trusted-registry',
    aliases: ['DL3026'],
    description: 'Images come only from the registries in `settings.trustedRegistries` (FROM, `COPY --from`, `RUN --mount=from=`).',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An image from an unvetted registry runs with your build secrets and ships to your users. Organisations that mirror and scan images in their own registry need every base image, and every image files are copied from, to come from there.',
      bad: { code: 'FROM docker.io/library/node:22-alpine\nCOPY --from=quay.io/someone/tools:1.0 /bin/tool /usr/local/bin/\n', filename: 'Dockerfile' },
      good: { code: 'FROM registry.example.com/mirror/node:22-alpine\nCOPY --from=registry.example.com/tools/tool:1.0 /bin/tool /usr/local/bin/\n', filename: 'Dockerfile' },
      notes:
        'Needs `settings.trustedRegistries` (hadolint: `trustedRegistries`), a list of registries; without it the rule does nothing. An entry is a host (`registry.example.com`, `localhost:5000`), a host with `*` wildcards (`*.artifactory.example.com`), or a host and path (`gcr.io/distroless`) to trust only part of a shared registry. Images without a registry come from Docker Hub: list `docker.io` to allow them. `scratch`, earlier stages, and images written with a variable that has no default are not checked. As in current hadolint, images used by `COPY --from` and `RUN --mount=from=` are checked too.',
    },
  },
  check(context) {
    const trusted = trustedRegistries(context.settings);
    if (!trusted) return;
    for (const dockerfile of context.project.dockerfiles) {
      const checkImage = (reference: string, range: Range, via: string) => {
        const ref = parseImageRef(reference);
        if (!ref || isTrustedRegistry(ref, trusted)) return;
        context.report({
          file: dockerfile.file,
          range,
          message: `${via} \`${formatImageRef(ref)}\` comes from \`${registryOf(ref)}\`, which is not a trusted registry (${trusted.join(', ')}): use an image from one of them.`,
        });
      };
      for (const stage of dockerfile.stages) {
        const from = stage.from;
        if (from.stageRef === null && !from.isScratch && !from.unresolvedVariables.length && from.imageRange) {
          checkImage(from.image, from.imageRange, 'Base image');
        }
        for (const instruction of stage.instructions) {
          const copyFrom = instruction.copy?.from;
          if (copyFrom && !hasVariableReference(copyFrom.value, dockerfile.escapeChar) && !isStageReference(dockerfile, stage, copyFrom.value)) checkImage(copyFrom.value, copyFrom.range, 'Image');
          for (const mount of instruction.mounts) {
            const source = mount.options.from;
            if (source && !hasVariableReference(source, dockerfile.escapeChar) && !isStageReference(dockerfile, stage, source)) checkImage(source, mount.flag.valueRange ?? mount.flag.range, 'Mounted image');
          }
        }
      }
    }
  },
};

export default rule;
