import type { Finding, Severity } from '../engine/types.js';
import type { FormatInput } from './index.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: `%`, CR and LF are percent-encoded, as GitHub's actions toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): the runner turns each line
 * into an annotation on the pull request. Columns are only given for single-line findings, as
 * GitHub's annotations accept columns only when the start and end line are the same.
 */
export function formatGithub({ result }: FormatInput): string {
  return result.findings.map(toCommand).join('');
}

function toCommand(finding: Finding): string {
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.line],
    ['endLine', finding.endLine],
  ];
  if (finding.endLine === finding.line) properties.push(['col', finding.column], ['endColumn', Math.max(finding.endColumn, finding.column)]);
  properties.push(['title', finding.ruleId]);
  const text = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[finding.severity]} ${text}::${escapeData(finding.message)}\n`;
}
