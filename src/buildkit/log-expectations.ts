import type { BuildStep, ParsedBuildLog } from './log-types.js';
import { UsageError } from './build-target.js';

/** `--log` mode: expectations about an existing build log, checked without Docker. */
export interface LogExpectations {
  /** Stage names or regular expressions over step names whose steps must be CACHED. */
  cached: string[];
  /** … whose steps must have run (DONE). */
  rebuilt: string[];
  services?: string[];
  /** Only this build of a log holding several (0-based; -1 is the last). */
  build?: number;
}

export interface ExpectationResult {
  kind: 'cached' | 'rebuilt';
  pattern: string;
  outcome: 'pass' | 'fail';
  /** Steps the pattern selected. */
  matched: number;
  offenders: { step: string; service: string | null; status: BuildStep['status']; line: number; reason: string }[];
}

export interface LogCheckReport {
  file: string;
  format: ParsedBuildLog['format'];
  steps: number;
  expectations: ExpectationResult[];
  ok: boolean;
}

/**
 * A pattern naming a stage of the log selects that stage's steps; any other pattern is a regular
 * expression over step names (`[deps 3/3] RUN npm ci`).
 */
function selector(pattern: string, stages: ReadonlySet<string>): (step: BuildStep) => boolean {
  const stage = pattern.toLowerCase();
  if (stages.has(stage)) return (step) => step.stage?.toLowerCase() === stage;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw new UsageError(`"${pattern}" is neither a stage name nor a valid regular expression: ${(error as Error).message}`);
  }
  return (step) => regex.test(step.name);
}

/** Steps that are Dockerfile instructions: FROM and internal steps say nothing about the layer cache. */
function instructionSteps(parsed: ParsedBuildLog, expectations: LogExpectations): BuildStep[] {
  let steps = parsed.steps.filter((step) => !step.internal && !/^FROM /i.test(step.instruction));
  if (expectations.services?.length) steps = steps.filter((step) => step.service !== null && expectations.services!.includes(step.service));
  if (expectations.build !== undefined) {
    const builds = [...new Set(parsed.steps.map((step) => step.build))];
    const wanted = expectations.build < 0 ? builds[builds.length + expectations.build] : expectations.build;
    if (wanted === undefined || !builds.includes(wanted)) throw new UsageError(`--build ${expectations.build}: the log holds ${builds.length} build(s)`);
    steps = steps.filter((step) => step.build === wanted);
  }
  return steps;
}

export function checkLog(file: string, parsed: ParsedBuildLog, expectations: LogExpectations): LogCheckReport {
  if (!expectations.cached.length && !expectations.rebuilt.length) throw new UsageError('--log needs at least one --expect-cached or --expect-rebuilt');
  const steps = instructionSteps(parsed, expectations);
  const stages = new Set(steps.map((step) => step.stage?.toLowerCase()).filter((stage): stage is string => Boolean(stage)));
  const results: ExpectationResult[] = [];
  const check = (kind: 'cached' | 'rebuilt', pattern: string) => {
    const matches = steps.filter(selector(pattern, stages));
    const offenders = matches
      .filter((step) => (kind === 'cached' ? step.status !== 'cached' : step.status !== 'done'))
      .map((step) => ({
        step: step.name,
        service: step.service,
        status: step.status,
        line: step.line,
        reason: kind === 'cached' ? `expected CACHED, was ${step.status.toUpperCase()}` : step.status === 'cached' ? 'expected to run, was CACHED' : `expected to run to completion, was ${step.status.toUpperCase()}`,
      }));
    if (!matches.length) offenders.push({ step: pattern, service: null, status: 'incomplete', line: 0, reason: 'no step of the log matches' });
    results.push({ kind, pattern, outcome: offenders.length ? 'fail' : 'pass', matched: matches.length, offenders });
  };
  for (const pattern of expectations.cached) check('cached', pattern);
  for (const pattern of expectations.rebuilt) check('rebuilt', pattern);
  return { file, format: parsed.format, steps: steps.length, expectations: results, ok: results.every((result) => result.outcome === 'pass') };
}

export function formatLogCheckStylish(report: LogCheckReport, color: (text: string, kind: 'pass' | 'fail' | 'dim') => string): string {
  const lines = [color(`${report.file}: ${report.format} log, ${report.steps} instruction steps`, 'dim')];
  for (const result of report.expectations) {
    const mark = result.outcome === 'pass' ? color('✔ pass', 'pass') : color('✖ FAIL', 'fail');
    lines.push(`  ${mark}  expect ${result.kind === 'cached' ? 'CACHED' : 'rebuilt'}: ${result.pattern} ${color(`(${result.matched} step${result.matched === 1 ? '' : 's'})`, 'dim')}`);
    for (const offender of result.offenders) {
      const at = offender.line ? color(` log line ${offender.line}`, 'dim') : '';
      lines.push(`          ${color('✖', 'fail')} ${offender.service ? `${offender.service}: ` : ''}${offender.step}${at}: ${offender.reason}`);
    }
  }
  const failed = report.expectations.filter((result) => result.outcome === 'fail').length;
  lines.push(failed ? color(`✖ ${failed} of ${report.expectations.length} expectations failed`, 'fail') : color(`✔ all ${report.expectations.length} expectations hold`, 'pass'));
  return `${lines.join('\n')}\n`;
}
