import { finalStage, stageReferences } from '../src/model/queries.js';
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
    const allow = new Set((Array.isArray(context.options.allow) ? (context.options.allow as unknown[]) : []).filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase()));
    for (const dockerfile of context.project.dockerfiles) {
      const final = finalStage(dockerfile);
      if (!final || dockerfile.stages.length < 2) continue;
      // Templates (`{{ … }}`, `{% … %}`) are not Dockerfiles yet: their stage graph is unknown.
      if (dockerfile.stages.some((stage) => /\{\{|\{%/.test(stage.fromInstruction.argsText))) continue;
      const used = stageReferences(dockerfile);
      // `FROM base-${TARGETARCH}`, `COPY --from=build-${VARIANT}`: any stage whose name fits the pattern may be the one used.
      const dynamic: RegExp[] = [];
      const addPattern = (text: string) => {
        if (!text.includes('$')) return;
        const parts = text.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
        if (!parts.join('').trim()) return;
        dynamic.push(new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i'));
      };
      for (const stage of dockerfile.stages) {
        if (stage.from.unresolvedVariables.length || stage.from.argsUsed.length) addPattern(stage.from.imageText);
        // `FROM ${FLAVOR}` with no usable default may name any stage.
        if ((stage.from.unresolvedVariables.length || stage.from.image.includes('$')) && /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(stage.from.imageText.trim())) dynamic.push(/^/);
        for (const instruction of stage.instructions) {
          if (instruction.copy?.from) addPattern(instruction.copy.from.value);
          for (const mount of instruction.mounts) if (mount.options.from) addPattern(mount.options.from);
        }
      }
      const targets = new Set(context.project.targetsOf(dockerfile).map((target) => target.target?.toLowerCase()).filter((name): name is string => !!name));
      for (const stage of dockerfile.stages) {
        if (stage === final || used.has(stage.index)) continue;
        const name = stage.name?.toLowerCase();
        if (name && (targets.has(name) || allow.has(name) || dynamic.some((pattern) => pattern.test(name)))) continue;
        if (targets.has(String(stage.index))) continue;
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
