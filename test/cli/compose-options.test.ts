import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchTrees, scratchTree } from '../helpers/scratch.js';

// The compose file-set and environment options, end to end through the built CLI.
const bin = path.resolve(import.meta.dirname, '../../bin/docker-policy.js');
afterAll(removeScratchTrees);
const project = (files: Record<string, string>) => scratchTree(files, 'dp-compose-cli-');

/** `file:line:column` of each finding of one rule (compose-image-tag unless told). */
function findingsOf(directory: string, args: string[], env: Record<string, string> = {}, ruleId = 'compose-image-tag'): string[] {
  const result = spawnSync(process.execPath, [bin, 'check', '-f', 'json', ...args, '.'], { cwd: directory, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  expect(result.stderr).toBe('');
  const findings = JSON.parse(result.stdout).findings as { ruleId: string; file: string; line: number; column: number }[];
  return findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.file}:${finding.line}:${finding.column}`);
}

const CONFIG = 'extends: []\nrules:\n  compose-image-tag: error\n';
// base.yml and prod.yml are not default compose file names: only -f style sets use them together.
const FILES = {
  'base.yml': 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n    ports: ["8080:80"]\n',
  'prod.yml': 'services:\n  web:\n    image: nginx:latest\n',
  'ci.env': 'TAG=latest\n',
};

describe('check: compose file sets and environment', () => {
  it('--compose-file merges the files in order and reports where the value was written', () => {
    const directory = project({ ...FILES, '.docker-policy.yaml': CONFIG });
    expect(findingsOf(directory, ['--compose-file', 'base.yml'])).toEqual([]);
    expect(findingsOf(directory, ['--compose-file', 'base.yml', '--compose-file', 'prod.yml'])).toEqual(['prod.yml:3:12']);
  });

  it('settings.compose.files does the same from the config, relative to the config file', () => {
    const directory = project({ ...FILES, '.docker-policy.yaml': `${CONFIG}settings:\n  compose:\n    files: [base.yml, prod.yml]\n` });
    expect(findingsOf(directory, [])).toEqual(['prod.yml:3:12']);
  });

  it('--env-file feeds interpolation; the finding points at the interpolated value', () => {
    const directory = project({ ...FILES, '.docker-policy.yaml': CONFIG });
    expect(findingsOf(directory, ['--compose-file', 'base.yml', '--env-file', 'ci.env'])).toEqual(['base.yml:3:12']);
  });

  it('reads the process environment only with settings.compose.useProcessEnv', () => {
    const off = project({ ...FILES, '.docker-policy.yaml': `${CONFIG}settings:\n  compose:\n    files: [base.yml]\n` });
    expect(findingsOf(off, [], { TAG: 'latest' })).toEqual([]);
    const on = project({ ...FILES, '.docker-policy.yaml': `${CONFIG}settings:\n  compose:\n    files: [base.yml]\n    useProcessEnv: true\n` });
    expect(findingsOf(on, [], { TAG: 'latest' })).toEqual(['base.yml:3:12']);
  });

  it('--profile activates profiled services (none by default)', () => {
    const directory = project({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [debug]\n  debug:\n    image: busybox:1.37\n    profiles: [debug]\n',
      '.docker-policy.yaml': 'extends: []\nrules:\n  depends-on-profile: error\n',
    });
    expect(findingsOf(directory, [], {}, 'depends-on-profile')).toEqual(['compose.yaml:4:18']);
    expect(findingsOf(directory, ['--profile', 'debug'], {}, 'depends-on-profile')).toEqual([]);
  });
});
