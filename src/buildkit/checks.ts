import type { DockerfileModel, DockerInstruction } from '../model/dockerfile.js';
import { instructionsBefore } from './build-graph.js';
import { copiesFile } from './file-choice.js';
import type { BuildStep } from './log-types.js';
import type { Offender } from './scenario-types.js';
import { instructionText, mapSteps, stepOfInstruction } from './step-map.js';

/**
 * The checks each scenario makes on one parsed build. Pure functions of the Dockerfile model and
 * the log's steps, so they are unit-tested on recorded logs without an engine.
 */
export interface CheckContext {
  model: DockerfileModel;
  /** The Dockerfile path to show (as the user gave it). */
  file: string;
  target: string;
  steps: BuildStep[];
}

type Mapping = Map<BuildStep, DockerInstruction | null>;

const ran = (step: BuildStep | undefined) => step !== undefined && step.status !== 'cached';


function where(context: CheckContext, instruction: DockerInstruction): string {
  return `${context.file}:${instruction.range.start.line}`;
}

/** Why an instruction's step ran: the first step it depends on that ran, and what that one copied. */
export function explainRun(context: CheckContext, mapping: Mapping, instruction: DockerInstruction, changedFile: string | null, noChangeReason: string): string {
  const chain = [...instructionsBefore(context.model, instruction), instruction].filter((item) => item.keyword !== 'FROM');
  const first = chain.find((item) => ran(stepOfInstruction(mapping, item)));
  const copies = (item: DockerInstruction) => changedFile !== null && copiesFile(item, changedFile);
  if (!first || first === instruction) {
    return copies(instruction) ? `it copies the changed file ${changedFile}` : noChangeReason;
  }
  const cause = `its cache was invalidated by ${instructionText(context.model, first)} (${where(context, first)})`;
  return copies(first) ? `${cause}, which copies the changed file ${changedFile}` : cause;
}

function offenderOf(context: CheckContext, step: BuildStep | undefined, instruction: DockerInstruction | null, reason: string): Offender {
  return {
    target: context.target,
    instruction: instruction ? instructionText(context.model, instruction) : step?.instruction ?? '',
    file: instruction ? context.file : null,
    line: instruction ? instruction.range.start.line : null,
    status: step?.status ?? 'missing',
    reason,
  };
}

/** Steps that failed, or one offender for a build that failed without a failing step (timeout, bad flag). */
export function checkBuildSucceeded(context: CheckContext, exitCode: number, log: string, timedOut: boolean): Offender[] {
  const mapping = mapSteps(context.model, context.steps);
  const failed = context.steps.filter((step) => step.status === 'error');
  const offenders = failed.map((step) => offenderOf(context, step, mapping.get(step) ?? null, `the step failed: ${step.error ?? 'no message'}`));
  if (timedOut) offenders.push({ target: context.target, instruction: '(build)', file: null, line: null, status: 'canceled', reason: 'the build timed out (--timeout)' });
  else if (exitCode !== 0 && !offenders.length) {
    const tail = log.trim().split('\n').filter((line) => line.trim()).slice(-3).join(' / ');
    offenders.push({ target: context.target, instruction: '(build)', file: null, line: null, status: 'error', reason: `docker exited with code ${exitCode}: ${tail}` });
  }
  return offenders;
}

/** (b) and (e): every instruction step must be CACHED (FROM and internal steps are not build steps). */
export function checkAllCached(context: CheckContext, changedFile: string | null, noChangeReason: string): Offender[] {
  const mapping = mapSteps(context.model, context.steps);
  const offenders: Offender[] = [];
  for (const step of context.steps) {
    if (step.internal || step.status === 'cached') continue;
    const instruction = mapping.get(step) ?? null;
    if (instruction?.keyword === 'FROM' || /^FROM /i.test(step.instruction)) continue;
    const reason = instruction ? explainRun(context, mapping, instruction, changedFile, noChangeReason) : noChangeReason;
    offenders.push(offenderOf(context, step, instruction, `not CACHED: ${reason}`));
  }
  return offenders.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** (c): the install step and every step it depends on must be CACHED after a source edit. */
export function checkInstallCached(context: CheckContext, install: DockerInstruction, changedFile: string): Offender[] {
  const mapping = mapSteps(context.model, context.steps);
  const offenders: Offender[] = [];
  const noChange = `it does not copy ${changedFile} and nothing before it ran, yet it was not CACHED (cache pruned, or a cache key that changes every build)`;
  for (const instruction of [...instructionsBefore(context.model, install), install]) {
    if (instruction.keyword === 'FROM') continue;
    const step = stepOfInstruction(mapping, instruction);
    if (step === undefined && instruction === install) {
      offenders.push(offenderOf(context, undefined, instruction, 'the install step is not in the build log, so its caching cannot be shown'));
    } else if (ran(step)) {
      const what = instruction === install ? 'the dependency install ran again' : 'ran again';
      offenders.push(offenderOf(context, step, instruction, `${what}: ${explainRun(context, mapping, instruction, changedFile, noChange)}`));
    }
  }
  return offenders;
}

/** (d): after a manifest edit the install step must run, not come from the cache. */
export function checkInstallRebuilt(context: CheckContext, install: DockerInstruction, manifest: string): Offender[] {
  const mapping = mapSteps(context.model, context.steps);
  const step = stepOfInstruction(mapping, install);
  if (step === undefined) return [offenderOf(context, undefined, install, 'the install step is not in the build log, so it cannot be shown to have run')];
  if (step.status === 'cached') {
    const copied = [...instructionsBefore(context.model, install)].some((instruction) => copiesFile(instruction, manifest));
    const why = copied ? '' : `; no COPY before it brings in ${manifest}, so the install cannot see manifest changes`;
    return [offenderOf(context, step, install, `stayed CACHED although ${manifest} changed${why}`)];
  }
  if (step.status !== 'done') return [offenderOf(context, step, install, `did not complete (${step.status}${step.error ? `: ${step.error}` : ''})`)];
  return [];
}
