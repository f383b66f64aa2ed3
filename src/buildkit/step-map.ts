import type { DockerfileModel, DockerInstruction, Stage } from '../model/dockerfile.js';
import type { BuildStep } from './log-types.js';

/**
 * Instructions that become BuildKit steps: what `[deps 2/4]` counts. ENV, ARG, CMD, LABEL and the
 * like only change image config, so BuildKit gives them no step; FROM counts only for an image base.
 */
const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The instructions of a stage in BuildKit's step order (index 0 is step 1). */
export function stepInstructions(stage: Stage): DockerInstruction[] {
  const steps = stage.instructions.filter((instruction) => STEP_KEYWORDS.has(instruction.keyword));
  return stage.from.stageRef === null ? [stage.fromInstruction, ...steps] : steps;
}

/** Whitespace-collapsed instruction text, line continuations removed, to compare with BuildKit's step names. */
export function normalizeInstructionText(text: string): string {
  return text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** An instruction as BuildKit prints it: upper-case keyword, flags and arguments, one line. */
export function instructionText(model: DockerfileModel, instruction: DockerInstruction): string {
  const file = model.file;
  const written = file.text.slice(file.offsetAt(instruction.range.start), file.offsetAt(instruction.range.end));
  return normalizeInstructionText(`${instruction.keyword} ${written.slice(instruction.keywordRaw.length)}`);
}

function stageOfStep(model: DockerfileModel, step: BuildStep): Stage | undefined {
  if (step.stage === null) return model.stages.length === 1 ? model.stages[0] : undefined;
  const lower = step.stage.toLowerCase();
  const named = model.stages.find((stage) => stage.name?.toLowerCase() === lower);
  if (named) return named;
  const unnamed = /^stage-(\d+)$/.exec(lower);
  return unnamed ? model.stages[Number(unnamed[1])] : undefined;
}

function textMatches(model: DockerfileModel, instruction: DockerInstruction, step: BuildStep): boolean {
  const written = instructionText(model, instruction);
  const printed = normalizeInstructionText(step.instruction);
  if (written === printed) return true;
  if (printed.split(' ')[0]?.toUpperCase() !== instruction.keyword) return false;
  // BuildKit prints FROM with the resolved image (`FROM docker.io/local/busybox:1`) and expands variables.
  return instruction.keyword === 'FROM' || written.includes('$');
}

/**
 * The Dockerfile instruction a logged step ran, or null for internal steps and steps of another
 * Dockerfile. Matches by stage and position, checked against the printed instruction text.
 */
export function instructionOfStep(model: DockerfileModel, step: BuildStep): DockerInstruction | null {
  if (step.internal || step.index === null) return null;
  const stage = stageOfStep(model, step);
  if (!stage) return null;
  const ordered = stepInstructions(stage);
  const atPosition = ordered[step.index - 1];
  if (atPosition && ordered.length === step.total && textMatches(model, atPosition, step)) return atPosition;
  // Counting differs (another BuildKit version): fall back to the same text nearest the position.
  const candidates = ordered.filter((instruction) => textMatches(model, instruction, step));
  if (!candidates.length) return null;
  return candidates.reduce((best, current) => (Math.abs(ordered.indexOf(current) - (step.index! - 1)) < Math.abs(ordered.indexOf(best) - (step.index! - 1)) ? current : best));
}

/** Each step of a build mapped to its instruction (null when it has none). */
export function mapSteps(model: DockerfileModel, steps: BuildStep[]): Map<BuildStep, DockerInstruction | null> {
  return new Map(steps.map((step) => [step, instructionOfStep(model, step)]));
}

/** The log step that ran an instruction, if the build ran it. */
export function stepOfInstruction(mapping: Map<BuildStep, DockerInstruction | null>, instruction: DockerInstruction): BuildStep | undefined {
  for (const [step, mapped] of mapping) if (mapped === instruction) return step;
  return undefined;
}
