import type { DockerfileModel, Stage } from '../src/model/dockerfile.js';
import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import type { Rule } from '../src/engine/types.js';

/** `--from` text that is clearly an image reference rather than a stage name. */
function looksLikeImage(reference: string): boolean {
  return /[/:@]/.test(reference);
}

function problem(model: DockerfileModel, stage: Stage, reference: string): string | null {
  if (/^\d+$/.test(reference)) {
    const index = Number(reference);
    if (index < stage.index || index === stage.index) return null; // its own index: copy-from-own-stage
    return index < model.stages.length
      ? `\`--from=${reference}\` points at stage ${index}, which is not before this one: copy only from an earlier stage.`
      : `\`--from=${reference}\` names stage ${index}, but the Dockerfile has ${model.stages.length} stage${model.stages.length === 1 ? '' : 's'} (counted from 0).`;
  }
  const lower = reference.toLowerCase();
  if (model.stages.slice(0, stage.index).some((earlier) => earlier.name?.toLowerCase() === lower)) return null;
  const later = model.stages.slice(stage.index + 1).find((candidate) => candidate.name?.toLowerCase() === lower);
  if (later) return `\`--from=${reference}\` names a stage defined later (line ${later.fromInstruction.range.start.line}): define it before the stage that copies from it.`;
  if (stage.name?.toLowerCase() === lower) return null; // copy-from-own-stage reports this one
  if (looksLikeImage(reference)) return null;
  return `\`--from=${reference}\` is not an earlier stage, so it is pulled as the image \`${reference}:latest\`: use a stage alias defined above, or name the image with a tag.`;
}

const rule: Rule = {
  meta: {
    id: 'copy-from-known-stage',
    aliases: ['DL3022'],
    description: '`COPY --from` should name a stage defined earlier (or an image with a tag), not an unknown name.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A `--from` value that matches no earlier stage is not an error to Docker: it quietly pulls an image of that name from Docker Hub. A typo in a stage alias (`--from=buidler`) then copies from a stranger\'s image, or fails late with a confusing pull error.',
      bad: { code: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app ./...\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=buidler /out/app /app\n' },
      good: { code: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app ./...\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /out/app /app\nCOPY --from=busybox:1.37 /bin/busybox /busybox\n' },
      notes:
        'Aliases match case-insensitively, as in BuildKit. A numeric `--from=N` must name an earlier stage. Values with `/`, `:` or `@` are image references and accepted (copying from an image is legitimate); a bare name that is no stage is reported because it is almost always a typo. A value written with a variable is accepted. Copying from the stage itself is `copy-from-own-stage` (DL3023).',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          const from = instruction.copy?.from;
          if (!from || !from.value || hasVariableReference(from.value, dockerfile.escapeChar)) continue;
          const message = problem(dockerfile, stage, from.value);
          if (message) context.report({ file: dockerfile.file, range: from.range, message });
        }
      }
    }
  },
};

export default rule;
