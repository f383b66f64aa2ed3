import { formatImageRef } from '../src/model/image-ref.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'pinned-base-image',
    aliases: ['DL3006', 'DL3007'],
    description: 'FROM must name a specific tag or digest: no untagged images and no `latest`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    options: {
      schema: {
        type: 'object',
        properties: { requireDigest: { type: 'boolean', description: 'Also require an `@sha256:` digest on every base image.' } },
        additionalProperties: false,
      },
      defaults: { requireDigest: false },
    },
    docs: {
      rationale:
        '`latest` (or no tag, which means `latest`) changes under you: the same Dockerfile builds a different image next week, the layer cache is invalidated whenever upstream moves, and a rollback cannot reproduce what shipped. A specific tag, or better a digest, makes builds repeatable.',
      bad: { code: 'FROM rust:latest AS builder\nFROM alpine\n' },
      good: { code: 'FROM rust:1.83-alpine AS builder\nFROM alpine:3.21\n' },
      notes:
        'Stage references (`FROM builder`) and `scratch` are fine. `FROM ${BASE}` is checked against the default of the global `ARG BASE`; an ARG default of `latest` is reported at the `FROM`. A variable with no default cannot be checked and is left alone.',
    },
  },
  check(context) {
    const requireDigest = context.options.requireDigest === true;
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const from = stage.from;
        if (from.stageRef !== null || from.isScratch || !from.imageRange) continue;
        if (from.unresolvedVariables.length) continue;
        const ref = from.imageRef;
        if (!ref) continue;
        const viaArg = from.argsUsed.length ? ` (from the default of ARG ${from.argsUsed.join(', ')})` : '';
        const shown = formatImageRef(ref);
        if (!ref.tag && !ref.digest) {
          context.report({ file: dockerfile.file, range: from.imageRange, message: `Base image "${shown}"${viaArg} has no tag, so it means "latest"; pin a version tag or a digest.` });
        } else if (ref.tag === 'latest' && !ref.digest) {
          context.report({ file: dockerfile.file, range: from.imageRange, message: `Base image "${shown}"${viaArg} uses the floating "latest" tag; pin a version tag or a digest.` });
        } else if (requireDigest && !ref.digest) {
          context.report({ file: dockerfile.file, range: from.imageRange, message: `Base image "${shown}"${viaArg} has no digest; add @sha256:… (option requireDigest).` });
        }
      }
    }
  },
};

export default rule;
