import { findStage, targetStage, type DockerfileModel, type DockerInstruction, type Stage } from '../model/dockerfile.js';

/** Stages an instruction reads from: `COPY --from=stage`, `RUN --mount=from=stage`. */
function stagesReadBy(model: DockerfileModel, instruction: DockerInstruction): Stage[] {
  const references: string[] = [];
  if (instruction.copy?.from) references.push(instruction.copy.from.value);
  for (const mount of instruction.mounts) if (mount.options.from) references.push(mount.options.from);
  return references.map((reference) => findStage(model, reference)).filter((stage): stage is Stage => stage !== undefined);
}

/** The stages a build of `target` (default: the last stage) runs, in file order. */
export function stagesOfTarget(model: DockerfileModel, target?: string | null): Stage[] {
  const final = targetStage(model, target);
  if (!final) return [];
  const seen = new Set<Stage>();
  const visit = (stage: Stage) => {
    if (seen.has(stage)) return;
    seen.add(stage);
    if (stage.from.stageRef !== null) visit(model.stages[stage.from.stageRef]!);
    for (const instruction of stage.instructions) for (const read of stagesReadBy(model, instruction)) visit(read);
  };
  visit(final);
  return model.stages.filter((stage) => seen.has(stage));
}

/**
 * Every instruction whose result an instruction depends on: the earlier ones in its stage, the
 * whole chain of stages it builds on, and the stages those copy from. If any of them runs again,
 * BuildKit has to run this one again too.
 */
export function instructionsBefore(model: DockerfileModel, instruction: DockerInstruction): DockerInstruction[] {
  const stage = instruction.stageIndex !== null ? model.stages[instruction.stageIndex] : undefined;
  if (!stage) return [];
  const result: DockerInstruction[] = [];
  const seenStages = new Set<Stage>();
  const addStage = (current: Stage, upTo?: DockerInstruction) => {
    if (seenStages.has(current) && !upTo) return;
    seenStages.add(current);
    if (current.from.stageRef !== null) addStage(model.stages[current.from.stageRef]!);
    result.push(current.fromInstruction);
    for (const earlier of current.instructions) {
      if (earlier === upTo) break;
      for (const read of stagesReadBy(model, earlier)) addStage(read);
      result.push(earlier);
    }
  };
  addStage(stage, instruction);
  return [...new Set(result)];
}
