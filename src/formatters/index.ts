import type { LintResult } from '../engine/lint.js';
import type { Rule } from '../engine/types.js';

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
};

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
