import { createHash } from 'node:crypto';
import type { Severity } from '../engine/types.js';
import type { FormatInput } from './index.js';

const SEVERITY: Record<Severity, 'blocker' | 'critical' | 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality (`artifacts: reports: codequality`): a JSON array of issues. The fingerprint
 * hashes file, rule, message and the finding's place among identical ones, not the line number,
 * so a finding keeps its identity when lines above it move and merge requests show only new ones.
 */
export function formatGitlab({ result }: FormatInput): string {
  const occurrences = new Map<string, number>();
  const issues = result.findings.map((finding) => {
    const identity = `${finding.file}\0${finding.ruleId}\0${finding.message}`;
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    return {
      description: finding.message,
      check_name: finding.ruleId,
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
      severity: SEVERITY[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
