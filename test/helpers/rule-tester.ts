import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithFixes } from '../../src/engine/fixes.js';
import { lint } from '../../src/engine/lint.js';
import type { Finding, Rule } from '../../src/engine/types.js';
import { builtinRules } from '../../rules/index.js';

/** A case is a small project: file path → content. A string is shorthand for `{ Dockerfile: text }`. */
export type ProjectFiles = string | Record<string, string>;

export interface ValidCase {
  name?: string;
  files: ProjectFiles;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface ExpectedFinding {
  /** Defaults to the only file, or `Dockerfile`. */
  file?: string;
  line: number;
  column?: number;
  /** Substring the message must contain. */
  message?: string;
  /** The finding's severity, when the rule reports some findings milder than its default. */
  severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * For fixable rules: the text after `--fix` (of the only file, or `Dockerfile`), or file path →
   * fixed text. Files not listed must stay unchanged; `null` asserts that nothing is fixed.
   */
  output?: string | Record<string, string> | null;
}

/** Write a case to a fresh directory and lint it with only `rule` switched on. */
export async function runRule(rule: Rule, testCase: ValidCase): Promise<Finding[]> {
  return inCaseDirectory(rule, testCase, async (lintOptions) => {
    const result = await lint(lintOptions);
    if (result.internalErrors.length) throw new Error(`rule crashed: ${result.internalErrors[0]!.message}`);
    // Rules that report codes (shellcheck) produce `<rule>/<code>` IDs.
    return result.findings.filter((finding) => finding.ruleId === rule.meta.id || finding.ruleId.startsWith(`${rule.meta.id}/`));
  });
}

/** Apply the rule's fixes the way `check --fix` does (until stable); returns file path → fixed text for the files that changed. */
export async function fixRule(rule: Rule, testCase: ValidCase): Promise<Record<string, string>> {
  return inCaseDirectory(rule, testCase, async (lintOptions) => {
    const run = await lintWithFixes(lintOptions);
    if (run.result.internalErrors.length) throw new Error(`rule crashed: ${run.result.internalErrors[0]!.message}`);
    return Object.fromEntries(run.changes.map((change) => [path.relative(lintOptions.cwd, change.path).split(path.sep).join('/'), change.after]));
  });
}

async function inCaseDirectory<T>(rule: Rule, testCase: ValidCase, body: (options: Parameters<typeof lint>[0]) => Promise<T>): Promise<T> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-policy-rule-'));
  const files = typeof testCase.files === 'string' ? { Dockerfile: testCase.files } : testCase.files;
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(directory, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  const config = { extends: [], rules: { [rule.meta.id]: testCase.options ? [rule.meta.severity, testCase.options] : rule.meta.severity }, settings: testCase.settings ?? {} };
  // The rule may be new or a plugin's: make sure the catalog has it exactly once.
  const rules = [...builtinRules.filter((candidate) => candidate.meta.id !== rule.meta.id), rule];
  const configPath = path.join(directory, '.docker-policy.json');
  fs.writeFileSync(configPath, JSON.stringify(config));
  try {
    return await body({ cwd: directory, paths: ['.'], rules, configPath });
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** ESLint's RuleTester shape: every valid case has no finding; every invalid case has exactly the listed ones. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((testCase, index) => {
      it(`valid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
        expect(await runRule(rule, testCase)).toEqual([]);
      });
    });
    cases.invalid.forEach((testCase, index) => {
      it(`invalid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
        const findings = await runRule(rule, testCase);
        const onlyFile = typeof testCase.files === 'string' ? 'Dockerfile' : Object.keys(testCase.files).length === 1 ? Object.keys(testCase.files)[0] : 'Dockerfile';
        const actual = findings.map((finding) => ({ file: finding.file, line: finding.line, column: finding.column, message: finding.message, severity: finding.severity }));
        const expected = testCase.errors.map((error) => ({
          file: error.file ?? onlyFile,
          line: error.line,
          column: error.column ?? expect.any(Number),
          message: error.message ? expect.stringContaining(error.message) : expect.any(String),
          severity: error.severity ?? expect.any(String),
        }));
        expect(actual).toEqual(expected);
        if (testCase.output !== undefined) {
          const fixed = await fixRule(rule, testCase);
          const expectedOutput = testCase.output === null ? {} : typeof testCase.output === 'string' ? { [onlyFile!]: testCase.output } : testCase.output;
          expect(fixed).toEqual(expectedOutput);
        }
      });
    });
  });
}
