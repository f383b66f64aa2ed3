import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import type { Rule } from '../../src/engine/types.js';
import { removeScratchTrees, scratchTree } from '../helpers/scratch.js';

afterEach(removeScratchTrees);

/** A compose rule with a prepare step, counting how often it was prepared and run. */
function countingComposeRule() {
  const calls = { prepare: 0, check: 0 };
  const rule: Rule = {
    meta: { id: 'counting', description: 'test rule', severity: 'warning', presets: ['recommended'], fileKinds: ['compose'], docs: { rationale: 'test', bad: { code: '' }, good: { code: '' } } },
    async prepare() {
      calls.prepare++;
    },
    check() {
      calls.check++;
    },
  };
  return { rule, calls };
}

describe('rules that prepare', () => {
  const files = { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/Dockerfile': 'FROM alpine:3.21\n' };

  it('are prepared and run when a file of their kinds is checked', async () => {
    const { rule, calls } = countingComposeRule();
    const directory = scratchTree(files);
    await lint({ cwd: directory, paths: ['.'], rules: [rule] });
    expect(calls).toEqual({ prepare: 1, check: 1 });
  });

  it('are left out when the compose file is only read as context for a Dockerfile named alone', async () => {
    const { rule, calls } = countingComposeRule();
    const directory = scratchTree(files);
    const result = await lint({ cwd: directory, paths: ['api/Dockerfile'], rules: [rule] });
    expect(result.project.composeFiles.length).toBe(1);
    expect(calls).toEqual({ prepare: 0, check: 0 });
  });
});
