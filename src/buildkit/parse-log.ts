import { cleanLines } from './log-lines.js';
import type { ParsedBuildLog } from './log-types.js';
import { parsePlainLog } from './parse-plain.js';
import { isRawJsonLine, parseRawJsonLog } from './parse-rawjson.js';

export type { BuildStep, ParsedBuildLog, StepStatus, LogFormat } from './log-types.js';

/**
 * Read a BuildKit build log — `--progress=plain` (docker build, buildx), `--progress=rawjson`, or
 * `docker compose build` output — into one record per step. Tolerates CRLF, ANSI colours, CI
 * timestamps, truncation and lines that are not BuildKit's.
 */
export function parseBuildLog(log: string): ParsedBuildLog {
  const lines = cleanLines(log);
  const rawJsonLines = lines.filter((line) => isRawJsonLine(line.text)).length;
  if (rawJsonLines > 0 && rawJsonLines >= lines.filter((line) => /^#\d+ /.test(line.text)).length) {
    const { steps, services, warnings } = parseRawJsonLog(lines);
    return { format: services.length ? 'compose' : 'rawjson', steps, services, warnings };
  }
  const { steps, services } = parsePlainLog(lines);
  return { format: services.length ? 'compose' : 'plain', steps, services, warnings: [] };
}
