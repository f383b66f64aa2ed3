import type { Severity } from '../engine/types.js';
import { findingsByFile, type FormatInput } from './index.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** Checkstyle XML (what Jenkins' Warnings plugin, reviewdog and many CI tools read): every checked file, its findings as `<error>`. */
export function formatCheckstyle({ result }: FormatInput): string {
  const lines = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, findings] of findingsByFile(result, true)) {
    if (!findings.length) {
      lines.push(`  <file name="${escapeXml(file)}"/>`);
      continue;
    }
    lines.push(`  <file name="${escapeXml(file)}">`);
    for (const finding of findings) {
      lines.push(
        `    <error line="${finding.line}" column="${finding.column}" severity="${SEVERITY[finding.severity]}" message="${escapeXml(finding.message)}" source="docker-policy.${escapeXml(finding.ruleId)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}
