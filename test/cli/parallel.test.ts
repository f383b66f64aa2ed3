import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI: worker threads run dist/lint-worker.js, which only exists in the bundle.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/docker-policy.js');
// ShellCheck off: the comparison is about batching, and it keeps the runs short.
const run = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [bin, 'check', '--rule', 'shellcheck=off', '-f', 'json', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
/** The JSON report without its timing, the one field that differs between two runs. */
const report = (stdout: string) => {
  const parsed = JSON.parse(stdout) as { findings: unknown[]; summary: { durationMs?: number } };
  delete parsed.summary.durationMs;
  return JSON.stringify(parsed, null, 2);
};

/** A monorepo of `count` services: Dockerfile, script, .dockerignore, a compose file building it from a sibling deploy directory. */
function generateTree(count: number): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-parallel-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), text);
  };
  for (let index = 0; index < count; index++) {
    const service = `services/s${index}`;
    const base = ['node:22', 'python:3.12-slim', 'alpine', 'ubuntu:latest'][index % 4];
    write(`${service}/Dockerfile`, `FROM ${base}\nWORKDIR /app\nCOPY scripts/setup.sh /setup.sh\nRUN /setup.sh && apt-get update && apt-get install -y curl\nCMD ./start.sh\n`);
    write(`${service}/scripts/setup.sh`, index % 3 ? '#!/bin/sh\necho ready\n' : '#!/bin/sh\npip install flask\n');
    if (index % 2) write(`${service}/.dockerignore`, 'node_modules\n');
    write(`deploy/d${index}/compose.yaml`, `services:\n  s${index}:\n    build: ../../${service}\n    ports:\n      - "80${String(index).padStart(2, '0')}:80"\n`);
  }
  return directory;
}

describe('check --jobs', () => {
  it('gives the fixture set the same report with worker threads as in one thread', () => {
    const env = { DOCKER_POLICY_BATCH_FILES: '5' };
    const serial = run(['fixtures', '--jobs', '1'], env);
    const parallel = run(['fixtures', '--jobs', '2', '--verbose'], env);
    const unbatched = run(['fixtures']);
    // --jobs 1 checks in one worker thread too: its heap is capped, this thread's is not.
    expect(run(['fixtures', '--jobs', '1', '--verbose'], env).stderr).toMatch(/checked 78 files in \d+ batches on 1 worker thread\b/);
    expect(parallel.stderr).toMatch(/checked 78 files in \d+ batches on 2 worker threads/);
    expect(JSON.parse(serial.stdout).findings.length).toBeGreaterThan(100);
    expect(report(parallel.stdout)).toBe(report(serial.stdout));
    expect(report(serial.stdout)).toBe(report(unbatched.stdout));
    expect([serial.code, parallel.code]).toEqual([unbatched.code, unbatched.code]);
  }, 120_000);

  it('gives a generated monorepo the same report with worker threads as in one thread', () => {
    const tree = generateTree(90);
    const serial = run([tree, '--jobs', '1']);
    const parallel = run([tree, '--jobs', '2', '--verbose']);
    expect(parallel.stderr).toMatch(/checked 315 files in 2 batches on 2 worker threads/);
    const findings = JSON.parse(serial.stdout).findings as { ruleId: string }[];
    // Cross-file findings need the other file in the same batch: the script run by the Dockerfile the deploy compose file builds.
    expect(findings.filter((finding) => finding.ruleId === 'no-install-scripts')).toHaveLength(30);
    expect(report(parallel.stdout)).toBe(report(serial.stdout));
    expect(parallel.code).toBe(serial.code);
  }, 120_000);

  it('--jobs auto (and no --jobs) use one worker thread per core on a run of several batches', () => {
    const env = { DOCKER_POLICY_BATCH_FILES: '5' };
    const threads = Math.min(4, os.availableParallelism());
    for (const args of [['--jobs', 'auto'], []]) {
      const result = run(['fixtures', ...args, '--verbose'], env);
      expect(result.stderr).toMatch(threads > 1 ? new RegExp(`batches on ${threads} worker threads`) : /batches on 1 worker thread\b/);
    }
  }, 120_000);

  it('checks a batch again in an uncapped worker thread when a worker runs out of its heap cap, with the same report', () => {
    const env = { DOCKER_POLICY_BATCH_FILES: '5' };
    const serial = run(['fixtures', '--jobs', '1'], env);
    // 4 MB is too little to load the rules: every thread runs out, and the run goes on without the cap.
    const starved = run(['fixtures', '--jobs', '2', '--verbose'], { ...env, DOCKER_POLICY_WORKER_HEAP_MB: '4' });
    expect(starved.stderr).toMatch(/a worker thread ran out of its 4 MB heap on the link groups; checked it again in a thread without the cap/);
    expect(starved.stderr).toMatch(/checked 78 files in \d+ batches on 2 worker threads/);
    expect(starved.stderr).not.toMatch(/internal error/);
    expect(report(starved.stdout)).toBe(report(serial.stdout));
    expect(starved.code).toBe(serial.code);
  }, 120_000);

  it('refuses a --jobs that is not a whole number', () => {
    for (const bad of ['0', '-2', 'many']) {
      const result = run(['fixtures/demo', '--jobs', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--jobs takes a whole number of 1 or more, or auto');
    }
  });
});

describe('check --shard', () => {
  it('splits the files so that the shards together report what one run reports', () => {
    const whole = JSON.parse(run(['fixtures']).stdout) as { findings: unknown[]; summary: { files: number } };
    const shards = [1, 2, 3].map((index) => JSON.parse(run(['fixtures', '--shard', `${index}/3`]).stdout) as typeof whole);
    expect(shards.map((shard) => shard.summary.files).every((files) => files > 0)).toBe(true);
    expect(shards.reduce((sum, shard) => sum + shard.summary.files, 0)).toBe(whole.summary.files);
    const sorted = (findings: unknown[]) => findings.map((finding) => JSON.stringify(finding)).sort();
    expect(sorted(shards.flatMap((shard) => shard.findings))).toEqual(sorted(whole.findings));
  }, 120_000);

  it('says what it accepts for 0/3, 4/3 and x/y', () => {
    for (const bad of ['0/3', '4/3', 'x/y']) {
      const result = run(['fixtures/demo', '--shard', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--shard takes i/n with 1 <= i <= n (for example --shard 2/4), got "${bad}"`);
    }
  });

  it('is not combined with --fix or --cache', () => {
    const result = run(['fixtures/demo', '--shard', '1/2', '--cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--shard cannot be combined with --cache');
  });
});
