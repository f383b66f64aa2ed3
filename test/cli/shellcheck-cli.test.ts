import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findShellcheck } from '../../src/engine/shellcheck.js';

// The built CLI (`npm test` builds first), with and without shellcheck on PATH.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/docker-policy.js');
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-shellcheck-cli-'));
fs.writeFileSync(path.join(directory, 'Dockerfile'), 'FROM debian:12.8-slim\nRUN echo $foo\n');
fs.writeFileSync(path.join(directory, 'Dockerfile.web'), 'FROM debian:12.8-slim\nRUN echo $bar\n');
fs.writeFileSync(path.join(directory, '.docker-policy.yaml'), 'extends: []\nrules:\n  shellcheck: warning\n');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));


const run = (args: string[], PATH: string) => {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], { cwd: directory, encoding: 'utf8', env: { ...process.env, PATH, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('check and the shellcheck executable', () => {
  // An empty directory as PATH: the CLI itself runs from process.execPath.
  const noShellcheck = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-empty-path-'));
  it('without shellcheck: silent, and --verbose says once why the shell checks were skipped', () => {
    expect(findShellcheck(undefined, { PATH: noShellcheck })).toBeNull();
    const quiet = run(['.'], noShellcheck);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = run(['.', '--verbose'], noShellcheck);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toBe('docker-policy: shell checks skipped for 2 Dockerfiles: no shellcheck executable on PATH (install ShellCheck, e.g. apt-get install shellcheck, or set settings.shellcheck: off)\n');
    fs.rmSync(noShellcheck, { recursive: true, force: true });
  });

  it.runIf(findShellcheck() !== null)('with shellcheck: findings as shellcheck/SC<code>, SARIF help links to the ShellCheck wiki', () => {
    const PATH = process.env.PATH ?? '';
    const json = JSON.parse(run(['.', '-f', 'json'], PATH).stdout) as { findings: { ruleId: string; aliases: string[]; line: number; column: number }[] };
    expect(json.findings.map(({ ruleId, line, column }) => `${ruleId}@${line}:${column}`).sort()).toEqual([
      'shellcheck/SC2086@2:10', 'shellcheck/SC2086@2:10', 'shellcheck/SC2154@2:10', 'shellcheck/SC2154@2:10',
    ]);
    const sarif = JSON.parse(run(['.', '-f', 'sarif'], PATH).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules).toContainEqual(expect.objectContaining({ id: 'shellcheck/SC2086', helpUri: 'https://www.shellcheck.net/wiki/SC2086' }));
    expect(run(['.', '--verbose'], PATH).stderr).toMatch(/^docker-policy: shellcheck: 2 runs for 2 Dockerfiles in \d+ ms\n$/);
  });
});
