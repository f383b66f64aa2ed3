import { createColors } from 'picocolors';
import type { Finding } from '../engine/types.js';
import { summarize, type FormatInput } from './index.js';

/** ESLint's stylish layout: findings grouped by file, aligned columns, a summary line. */
export function formatStylish({ result, color }: FormatInput): string {
  const c = createColors(color);
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    const positions = findings.map((finding) => `${finding.line}:${finding.column}`);
    const positionWidth = Math.max(...positions.map((text) => text.length));
    const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
    const messageWidth = Math.min(80, Math.max(...findings.map((finding) => finding.message.length)));
    findings.forEach((finding, index) => {
      const severity = finding.severity.padEnd(severityWidth);
      const painted = finding.severity === 'error' ? c.red(severity) : finding.severity === 'warning' ? c.yellow(severity) : c.blue(severity);
      lines.push(`  ${c.dim(positions[index]!.padEnd(positionWidth))}  ${painted}  ${finding.message.padEnd(messageWidth)}  ${c.dim(finding.ruleId)}`);
    });
    lines.push('');
  }
  const summary = summarize(result);
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) {
    lines.push(c.green(`✔ ${summary.files} file${summary.files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const text = `✖ ${total} problem${total === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info) in ${summary.files} file${summary.files === 1 ? '' : 's'}`;
    lines.push(summary.errors ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
    const fixable = result.findings.filter((finding) => finding.fix).length;
    if (fixable) lines.push(c.dim(`  ${fixable} fixable with --fix`));
  }
  return `${lines.join('\n')}\n`;
}
