import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { builtinRules } from '../rules/index.js';

const root = path.resolve(import.meta.dirname, '..');
const lintFixture = (name: string) => lint({ cwd: path.join(root, 'fixtures', name), paths: ['.'], rules: builtinRules });

// Rules that only fire on broken input are exercised by their own tests, not by a realistic project.
const NOT_IN_PROJECT_FIXTURES = new Set(['parse-error']);

describe('realistic fixture projects', () => {
  it('the seeds-like project (build-only base, GPU service, multi-target machine, dev/prod pair) triggers every rule', async () => {
    const result = await lintFixture('seeds-project');
    expect(result.internalErrors).toEqual([]);
    const fired = new Set(result.findings.map((finding) => finding.ruleId));
    const silent = builtinRules.map((rule) => rule.meta.id).filter((id) => !fired.has(id) && !NOT_IN_PROJECT_FIXTURES.has(id));
    expect(silent).toEqual([]);
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
