import { findingsByFile, type FormatInput } from './index.js';
import { cdata, escapeXml, XML_DECLARATION } from './xml.js';

/**
 * JUnit XML, shaped like ESLint's junit formatter: one `<testsuite>` per checked file, one failing
 * `<testcase>` per finding, and one passing `<testcase>` for a file without findings, so CI test
 * reports show clean files too.
 */
export function formatJunit({ result }: FormatInput): string {
  const byFile = findingsByFile(result, true);
  const total = [...byFile.values()].reduce((sum, findings) => sum + Math.max(findings.length, 1), 0);
  const lines = [XML_DECLARATION, `<testsuites name="docker-policy" tests="${total}" failures="${result.findings.length}" errors="0" time="0">`];
  for (const [file, findings] of byFile) {
    const name = escapeXml(file);
    lines.push(`  <testsuite name="${name}" package="docker-policy" tests="${Math.max(findings.length, 1)}" failures="${findings.length}" errors="0" skipped="0" time="0">`);
    if (!findings.length) lines.push(`    <testcase name="${name}" classname="${name}" time="0"/>`);
    for (const finding of findings) {
      const label = finding.severity.charAt(0).toUpperCase() + finding.severity.slice(1);
      lines.push(
        `    <testcase name="docker-policy.${escapeXml(finding.ruleId)}" classname="${name}" time="0">`,
        `      <failure message="${escapeXml(finding.message)}" type="${finding.severity}">${cdata(`line ${finding.line}, col ${finding.column}, ${label} - ${finding.message} (${finding.ruleId})`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
