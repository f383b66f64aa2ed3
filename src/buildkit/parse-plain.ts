import type { CleanLine } from './log-lines.js';
import type { BuildStep } from './log-types.js';
import { parseStepName, servicesInNames } from './step-name.js';

/** Output lines kept per step: enough to explain a failure, bounded for huge logs. */
export const MAX_OUTPUT_LINES = 200;

const STEP_LINE = /^#(\d+) (.*)$/;
const DONE = /^DONE(?: (\d+(?:\.\d+)?)s)?$/;
const ERROR = /^ERROR:? ?(.*)$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const OUTPUT = /^\d+\.\d+ ?(.*)$/;
// `docker-compose` 1.x (with COMPOSE_DOCKER_CLI_BUILD=1) announces each service before its build.
const COMPOSE_BUILDING = /^Building ([A-Za-z0-9][\w.-]*)\s*$/;

function isTerminal(step: BuildStep): boolean {
  return step.status !== 'incomplete';
}

/** Parse `--progress=plain` output (docker build, buildx, docker-compose 1.x and compose v2). */
export function parsePlainLog(lines: CleanLine[]): { steps: BuildStep[]; services: string[] } {
  // First pass: which compose services the log names, so `[api 2/4]` reads as service api.
  const services = servicesInNames(lines.map((line) => STEP_LINE.exec(line.text)?.[2] ?? ''));
  for (const line of lines) {
    const building = COMPOSE_BUILDING.exec(line.text);
    if (building) services.add(building[1]!);
    if (line.service) services.add(line.service);
  }

  const steps: BuildStep[] = [];
  const byKey = new Map<string, BuildStep>();
  let build = 0;
  let composeService: string | null = null;
  let sawStepSinceHeader = false;
  const keyOf = (service: string | null, id: string) => `${build}\u0000${service ?? ''}\u0000${id}`;

  const open = (id: string, name: string, service: string | null, lineNumber: number): BuildStep => {
    const parsed = parseStepName(name, services);
    const step: BuildStep = {
      id: `#${id}`,
      build,
      digest: null,
      ...parsed,
      service: parsed.service ?? service,
      name,
      status: 'incomplete',
      duration: null,
      error: null,
      output: [],
      line: lineNumber,
    };
    steps.push(step);
    byKey.set(keyOf(service, id), step);
    return step;
  };

  for (const line of lines) {
    const building = COMPOSE_BUILDING.exec(line.text);
    if (building) {
      // docker-compose 1.x builds services one after another, each numbering its steps from #1.
      if (sawStepSinceHeader) build++;
      composeService = building[1]!;
      sawStepSinceHeader = false;
      continue;
    }
    const match = STEP_LINE.exec(line.text);
    if (!match || match[1] === '0') continue; // `#0 building with "default" instance …` is not a step
    sawStepSinceHeader = true;
    const id = match[1]!;
    const rest = match[2]!;
    const service = line.service ?? composeService;
    let step = byKey.get(keyOf(service, id));

    const done = DONE.exec(rest);
    const error = ERROR.exec(rest);
    if (step === undefined && (done || error || rest === 'CACHED' || /^CANCEL+ED$/.test(rest) || DIGEST.test(rest) || OUTPUT.test(rest))) {
      // The log starts in the middle of this step (truncated at the front): keep what we learn.
      step = open(id, '', service, line.line);
    }
    if (step === undefined) {
      open(id, rest, service, line.line);
      continue;
    }
    if (done) {
      step.status = 'done';
      step.duration = done[1] !== undefined ? Number(done[1]) : null;
    } else if (rest === 'CACHED') {
      step.status = 'cached';
    } else if (/^CANCEL+ED$/.test(rest)) {
      step.status = 'canceled';
    } else if (error) {
      const message = error[1]!.trim();
      step.status = /context canceled/i.test(message) ? 'canceled' : 'error';
      step.error = message;
    } else if (DIGEST.test(rest)) {
      step.digest ??= rest;
    } else if (isTerminal(step) && (rest !== step.name || id === '1')) {
      // A finished step's number with another name, or #1 again: a new build in the same log.
      build++;
      open(id, rest, service, line.line);
    } else if (rest === step.name) {
      // buildx reprints the header when a step's output resumes after another step's; the embedded
      // BuildKit of Docker 20.10 reprints finished ones too (`load metadata` once per stage using the image).
    } else {
      const output = OUTPUT.exec(rest);
      if (output && step.output.length < MAX_OUTPUT_LINES) step.output.push(output[1]!);
      // Anything else is a progress status (`transferring context: 1.49kB done`): not needed.
    }
  }
  return { steps, services: [...services] };
}
