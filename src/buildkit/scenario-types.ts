import type { StepStatus } from './log-types.js';

export type ScenarioId = 'first-build' | 'no-change' | 'source-change' | 'manifest-change' | 'service-isolation';

/** The scenario letters of the issue and the docs: (a) … (e). */
export const SCENARIO_LETTER: Record<ScenarioId, string> = {
  'first-build': 'a',
  'no-change': 'b',
  'source-change': 'c',
  'manifest-change': 'd',
  'service-isolation': 'e',
};

/** A step that broke a scenario's expectation. */
export interface Offender {
  /** Build target (compose service, or the Dockerfile) the step belongs to. */
  target: string;
  /** The instruction as BuildKit printed it, e.g. `RUN npm ci`. */
  instruction: string;
  /** Dockerfile path as the user passed it, and the instruction's 1-based line. */
  file: string | null;
  line: number | null;
  status: StepStatus | 'missing';
  reason: string;
}

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  target: string;
  /** What the scenario changed or checked: `edited src/greet.js; install step RUN npm ci (Dockerfile:9)`. */
  detail: string;
  outcome: 'pass' | 'fail' | 'skip';
  offenders: Offender[];
  /** Builds the scenario ran and their wall time, in seconds. */
  builds: number;
  seconds: number;
}

export interface VerifyReport {
  engine: { client: string; clientPath: string; server: string; builder: string } | null;
  targets: string[];
  scenarios: ScenarioResult[];
  /** The temporary copy, when `--keep` left it in place. */
  workspace: string | null;
  ok: boolean;
}
