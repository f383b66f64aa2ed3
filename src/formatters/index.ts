import type { LintResult } from '../engine/lint.js';
import type { Finding, Rule } from '../engine/types.js';

export interface FormatInput {
  result: LintResult;
  rules: Rule[];
  /** Colour output (stylish only). */
  color: boolean;
  toolVersion: string;
}

export type Formatter = (input: FormatInput) => string;

/** Formatters load on demand: a plain `check` should not pay for SARIF. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  checkstyle: async () => (await import('./checkstyle.js')).formatCheckstyle,
  junit: async () => (await import('./junit.js')).formatJunit,
  gitlab: async () => (await import('./gitlab.js')).formatGitlab,
  compact: async () => (await import('./compact.js')).formatCompact,
  gnu: async () => (await import('./gnu.js')).formatGnu,
};

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'checkstyle' | 'junit' | 'gitlab' | 'compact' | 'gnu';
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function summarize(result: LintResult) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of result.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { files: result.filesChecked, errors, warnings, infos, durationMs: result.durationMs };
}

/** Findings grouped by file in report order; with `includeClean`, checked files without findings get an empty list. */
export function findingsByFile(result: LintResult, includeClean = false): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  if (includeClean) for (const file of result.checkedFiles ?? []) byFile.set(file, []);
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  return includeClean ? new Map([...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : byFile;
}

/** A message on one line: line-oriented formats must not be split by a newline inside a message. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}
