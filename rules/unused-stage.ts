import { unusedStages } from '../src/model/stage-usage.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'unused-stage',
    description: 'Every stage except the final one is used by a later stage, a compose `build.target`, or listed as built directly.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    options: {
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Stage names built directly (`docker build --target`), e.g. by CI.' } },
        additionalProperties: false,
      },
      defaults: { allow: [] },
    },
    docs: {
      rationale:
        'A stage that nothing copies from, builds on, or targets is dead code: BuildKit skips it, so it silently rots, and readers waste time working out what it is for. Left-over stages are also where outdated base images and secrets hide.',
      bad: { code: 'FROM node:20-slim AS worker-builder\nRUN echo build\n\nFROM node:20-slim AS runtime\nCMD ["node"]\n' },
      good: { code: 'FROM node:20-slim AS builder\nRUN echo build > /out\n\nFROM node:20-slim AS runtime\nCOPY --from=builder /out /out\nCMD ["node"]\n' },
      notes:
        'A stage is used when a later stage is `FROM` it, `COPY --from` it or `RUN --mount=from=` it, when a compose service builds it as `build.target`, or when it is listed in the option `allow` (stages CI builds with `--target`).',
    },
  },
  check(context) {
    const allow = (Array.isArray(context.options.allow) ? (context.options.allow as unknown[]) : []).filter((name): name is string => typeof name === 'string');
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of unusedStages(dockerfile, context.project.targetsOf(dockerfile), allow)) {
        const label = stage.name ? `"${stage.name}"` : `#${stage.index}`;
        context.report({
          file: dockerfile.file,
          range: stage.from.alias?.range ?? stage.fromInstruction.range,
          message: `Stage ${label} is never used: no later stage builds on or copies from it, it is not the final stage and no compose service targets it.`,
        });
      }
    }
  },
};

export default rule;
