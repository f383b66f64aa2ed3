import { oneLine, type FormatInput } from './index.js';

/**
 * The GNU coding standards' error format, `file:line:column: message` with 1-based columns, which
 * Emacs compilation mode, Vim's quickfix and most editors jump from. The severity leads the
 * message as compilers write it.
 */
export function formatGnu({ result }: FormatInput): string {
  return result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.severity}: ${oneLine(finding.message)} [${finding.ruleId}]\n`).join('');
}
