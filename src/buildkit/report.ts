import pc from 'picocolors';
import type { ParsedBuildLog } from './log-types.js';
import { SCENARIO_LETTER, type VerifyReport } from './scenario-types.js';

type Colors = ReturnType<typeof pc.createColors>;

/** verify-cache's stylish report: one line per scenario, offending steps under a failed one. */
export function formatVerifyStylish(report: VerifyReport, color: boolean): string {
  const c: Colors = pc.createColors(color);
  const lines: string[] = [];
  if (report.engine) lines.push(c.dim(`engine ${report.engine.server}; builds with ${report.engine.builder} (${report.engine.clientPath}, client ${report.engine.client})`), '');
  for (const target of report.targets) {
    const scenarios = report.scenarios.filter((scenario) => scenario.target === target);
    if (!scenarios.length) continue;
    lines.push(c.underline(target));
    for (const scenario of scenarios) {
      const mark = scenario.outcome === 'pass' ? c.green('✔ pass') : scenario.outcome === 'fail' ? c.red('✖ FAIL') : c.yellow('- skip');
      const time = scenario.builds ? c.dim(` (${scenario.builds} build${scenario.builds > 1 ? 's' : ''}, ${scenario.seconds}s)`) : '';
      lines.push(`  ${mark}  (${SCENARIO_LETTER[scenario.id]}) ${scenario.title}${time}`);
      lines.push(`          ${c.dim(scenario.detail)}`);
      for (const offender of scenario.offenders) {
        const at = offender.file ? `${offender.file}:${offender.line}` : offender.target;
        lines.push(`          ${c.red('✖')} ${c.bold(offender.instruction)}  ${c.dim(at)}  [${offender.status}]`);
        lines.push(`            ${offender.reason}`);
      }
    }
    lines.push('');
  }
  const failed = report.scenarios.filter((scenario) => scenario.outcome === 'fail').length;
  const passed = report.scenarios.filter((scenario) => scenario.outcome === 'pass').length;
  const skipped = report.scenarios.length - failed - passed;
  const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  lines.push(failed ? c.red(c.bold(`✖ ${summary}`)) : c.green(c.bold(`✔ ${summary}`)));
  if (report.workspace) lines.push(c.dim(`kept the temporary copy: ${report.workspace}`));
  return `${lines.join('\n')}\n`;
}

export function formatVerifyJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** parse-log's stylish output: one line per step with its status and duration. */
export function formatStepsStylish(parsed: ParsedBuildLog, color: boolean): string {
  const c: Colors = pc.createColors(color);
  const lines = [c.dim(`format: ${parsed.format}${parsed.services.length ? `, services: ${parsed.services.join(', ')}` : ''}, ${parsed.steps.length} steps`)];
  const statusText = {
    cached: c.green('CACHED    '),
    done: c.cyan('DONE      '),
    error: c.red('ERROR     '),
    canceled: c.yellow('CANCELED  '),
    incomplete: c.yellow('INCOMPLETE'),
  } as const;
  const builds = new Set(parsed.steps.map((step) => step.build)).size;
  const prefixOf = (step: ParsedBuildLog['steps'][number]) => `${builds > 1 ? `${step.build}:` : ''}${step.service ? `${step.service} ` : ''}${step.id.startsWith('#') ? step.id : step.id.slice(0, 19)}`;
  const width = Math.max(0, ...parsed.steps.map((step) => prefixOf(step).length));
  for (const step of parsed.steps) {
    const prefix = prefixOf(step);
    const position = step.index !== null ? `[${step.stage ? `${step.stage} ` : ''}${step.index}/${step.total}] ` : step.internal && step.name.startsWith('[') ? '[internal] ' : '';
    const duration = step.duration !== null ? c.dim(` ${step.duration}s`) : '';
    lines.push(`${prefix.padEnd(width)}  ${statusText[step.status]} ${position}${step.instruction}${duration}`);
    if (step.error) lines.push(`${' '.repeat(width + 14)}${c.red(step.error)}`);
  }
  for (const warning of parsed.warnings) lines.push(c.yellow(`warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}
