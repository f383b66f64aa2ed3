import { oneLine, summarize, type FormatInput } from './index.js';

/** ESLint's compact layout: `file: line L, col C, Error - message (rule)`, then a count. */
export function formatCompact({ result }: FormatInput): string {
  const lines = result.findings.map((finding) => {
    const severity = finding.severity.charAt(0).toUpperCase() + finding.severity.slice(1);
    return `${finding.file}: line ${finding.line}, col ${finding.column}, ${severity} - ${oneLine(finding.message)} (${finding.ruleId})`;
  });
  const summary = summarize(result);
  const total = summary.errors + summary.warnings + summary.infos;
  if (total) lines.push('', `${total} problem${total === 1 ? '' : 's'}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
