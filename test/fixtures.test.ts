import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { findShellcheck } from '../src/engine/shellcheck.js';
import { builtinRules } from '../rules/index.js';

const root = path.resolve(import.meta.dirname, '..');
const lintFixture = (name: string) => lint({ cwd: path.join(root, 'fixtures', name), paths: ['.'], rules: builtinRules });

// Rules that only fire on broken input are exercised by their own tests, not by a realistic project.
const NOT_IN_PROJECT_FIXTURES = new Set(['parse-error']);
// The shellcheck rule reports only when the shellcheck executable is installed (CI installs it).
if (!findShellcheck()) {
  console.warn('shellcheck not on PATH: the fixture contract does not require the shellcheck rule to fire');
  NOT_IN_PROJECT_FIXTURES.add('shellcheck');
}
// Fixture directories that are not projects to lint: recorded logs, and verify-cache's build contexts.
const NOT_PROJECTS = new Set(['buildkit-logs', 'cache', 'clean-project']);

const projects = fs
  .readdirSync(path.join(root, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_PROJECTS.has(entry.name))
  .map((entry) => entry.name)
  .sort();

describe('realistic fixture projects', () => {
  it('every rule fires in at least one realistic project (seeds-project for the seed policies, one project per rule family)', async () => {
    const fired = new Set<string>();
    for (const project of projects) {
      const result = await lint({
        cwd: path.join(root, 'fixtures', project),
        paths: ['.'],
        rules: builtinRules,
      });
      expect(result.internalErrors, project).toEqual([]);
      // `shellcheck/SC2086` is the shellcheck rule firing.
      for (const finding of result.findings) fired.add(finding.ruleId.split('/')[0]!);
    }
    const silent = builtinRules.map((rule) => rule.meta.id).filter((id) => !fired.has(id) && !NOT_IN_PROJECT_FIXTURES.has(id));
    expect(silent).toEqual([]);
  });

  it('the seeds-like project (build-only base, GPU service, multi-target machine, dev/prod pair) shows the seed policies', async () => {
    const result = await lintFixture('seeds-project');
    const fired = new Set(result.findings.map((finding) => finding.ruleId));
    for (const id of ['build-only-service', 'gpu-reservation', 'unused-stage', 'dev-prod-parity', 'no-install-scripts', 'manifest-before-source', 'depends-on-profile']) {
      expect(fired, id).toContain(id);
    }
  });

  it('the clean project triggers nothing, even under the strict preset', async () => {
    const result = await lintFixture('clean-project');
    expect(result.internalErrors).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('the demo project shows findings', async () => {
    const result = await lintFixture('demo');
    expect(result.findings.length).toBeGreaterThan(5);
  });
});
