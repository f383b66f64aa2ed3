import type { DockerfileModel, Stage } from './dockerfile.js';
import type { BuildTarget } from './project.js';
import { finalStage, stageReferences } from './queries.js';

/**
 * Stages nothing uses: not the final stage, not built on, copied from or mounted by a later stage,
 * not a compose `build.target`, not listed in `allow` (stages CI builds with `--target`). The
 * `unused-stage` rule reports them and `docker-policy graph` draws them as dead ends.
 * Empty when the stage graph cannot be known: templates, or fewer than two stages.
 */
export function unusedStages(dockerfile: DockerfileModel, targets: BuildTarget[], allowed: Iterable<string> = []): Stage[] {
  const final = finalStage(dockerfile);
  if (!final || dockerfile.stages.length < 2) return [];
  // Templates (`{{ … }}`, `{% … %}`) are not Dockerfiles yet: their stage graph is unknown.
  if (dockerfile.stages.some((stage) => /\{\{|\{%/.test(stage.fromInstruction.argsText))) return [];
  const allow = new Set([...allowed].map((name) => name.toLowerCase()));
  const used = stageReferences(dockerfile);
  const dynamic = dynamicReferences(dockerfile);
  const targeted = new Set(targets.map((target) => target.target?.toLowerCase()).filter((name): name is string => !!name));
  return dockerfile.stages.filter((stage) => {
    if (stage === final || used.has(stage.index)) return false;
    const name = stage.name?.toLowerCase();
    if (name && (targeted.has(name) || allow.has(name) || dynamic.some((pattern) => pattern.test(name)))) return false;
    return !targeted.has(String(stage.index));
  });
}

/**
 * `FROM base-${TARGETARCH}`, `COPY --from=build-${VARIANT}`: any stage whose name fits the
 * pattern may be the one used. `FROM ${FLAVOR}` with no usable default may name any stage.
 */
function dynamicReferences(dockerfile: DockerfileModel): RegExp[] {
  const patterns: RegExp[] = [];
  const addPattern = (text: string) => {
    const pattern = variableReferencePattern(text);
    if (pattern) patterns.push(pattern);
  };
  for (const stage of dockerfile.stages) {
    if (stage.from.unresolvedVariables.length || stage.from.argsUsed.length) addPattern(stage.from.imageText);
    if ((stage.from.unresolvedVariables.length || stage.from.image.includes('$')) && /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(stage.from.imageText.trim())) patterns.push(/^/);
    for (const instruction of stage.instructions) {
      if (instruction.copy?.from) addPattern(instruction.copy.from.value);
      for (const mount of instruction.mounts) if (mount.options.from) addPattern(mount.options.from);
    }
  }
  return patterns;
}

/**
 * The stage names a reference with variables can stand for: `base-${TARGETARCH}` → /^base-.*$/i.
 * Null without variables, or when only variables are left (`${FLAVOR}` may name anything).
 */
export function variableReferencePattern(text: string): RegExp | null {
  if (!text.includes('$')) return null;
  const parts = text.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  if (!parts.join('').trim()) return null;
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
}

/** The stages before `before` whose names a reference with variables may name (`FROM base-${TARGETARCH}`). */
export function stagesMatchingReference(dockerfile: DockerfileModel, text: string, before: number): Stage[] {
  const pattern = variableReferencePattern(text);
  if (!pattern) return [];
  return dockerfile.stages.filter((stage) => stage.index < before && stage.name !== null && pattern.test(stage.name));
}
