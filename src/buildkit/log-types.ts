/** What one BuildKit step (a "vertex") ended as. `incomplete`: the log stops before the step finished. */
export type StepStatus = 'cached' | 'done' | 'error' | 'canceled' | 'incomplete';

export type LogFormat = 'plain' | 'rawjson' | 'compose';

/** One build step as BuildKit reported it. */
export interface BuildStep {
  /** `#5` in plain logs, the vertex digest in rawjson logs. */
  id: string;
  /** Which build in the log (0-based): a CI log can hold several builds, each numbering steps from #1. */
  build: number;
  digest: string | null;
  /** Compose service the step belongs to, when the log is from `docker compose build`. */
  service: string | null;
  platform: string | null;
  /** Stage name from `[deps 2/4]`; `stage-1` for unnamed stages; null for single-stage builds and internal steps. */
  stage: string | null;
  /** 1-based step position within the stage and the stage's step count, from `[deps 2/4]`. */
  index: number | null;
  total: number | null;
  /** The instruction as BuildKit printed it: `RUN npm ci`, `exporting to image`. */
  instruction: string;
  /** The full vertex name: `[deps 2/4] RUN npm ci`. */
  name: string;
  /** `[internal] …` steps and steps outside any stage (`exporting to image`). */
  internal: boolean;
  status: StepStatus;
  /** Seconds, from `DONE 0.3s` or the rawjson timestamps; null when unknown (cached steps). */
  duration: number | null;
  error: string | null;
  /** Output lines the step printed (without BuildKit's prefix), up to a limit. */
  output: string[];
  /** 1-based line of the log where the step first appears (0 for rawjson without line info). */
  line: number;
}

export interface ParsedBuildLog {
  format: LogFormat;
  steps: BuildStep[];
  /** Compose services seen in the log, in order. */
  services: string[];
  /** Lines that looked like BuildKit output but could not be read; unknown lines are skipped silently. */
  warnings: string[];
}
