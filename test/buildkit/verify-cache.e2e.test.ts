import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findComposeCli } from '../../src/buildkit/compose-cli.js';
import { engineVersion, findDockerCli } from '../../src/buildkit/docker-cli.js';
import { verifyCache } from '../../src/buildkit/verify-cache.js';

/**
 * verify-cache against a real Docker engine (start one with scripts/setup-docker.sh). Skipped, with
 * a message saying why, when no engine is reachable.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures/cache');

let engineProblem: string | null = null;
/** `docker compose 2.x` or `docker-compose 1.29.2`, when either is installed. */
let composeLabel: string | null = null;
try {
  const cli = await findDockerCli(process.env.DOCKER_POLICY_TEST_DOCKER);
  await engineVersion(cli);
  composeLabel = (await findComposeCli(cli))?.label ?? null;
  const base = spawnSync(cli.path, ['image', 'inspect', 'local/busybox:1'], { encoding: 'utf8' });
  if (base.status !== 0) engineProblem = 'the base image local/busybox:1 is missing (run scripts/setup-docker.sh)';
} catch (error) {
  engineProblem = (error as Error).message;
}
if (!engineProblem && !composeLabel) console.warn('\n[verify-cache e2e] no docker compose plugin and no docker-compose: the compose scenarios build with docker build only\n');
if (engineProblem) console.warn(`\n[verify-cache e2e] SKIPPED: no usable Docker engine: ${engineProblem}\n  Start one with: sudo scripts/setup-docker.sh\n`);

/** Every file's path, mode and bytes: the fixtures must be byte-identical after the runs. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative)).sort()) {
      const child = path.join(relative, name);
      const stat = lstatSync(path.join(dir, child));
      hash.update(`${child}\0${stat.mode}\0`);
      if (stat.isDirectory()) walk(child);
      else hash.update(readFileSync(path.join(dir, child)));
    }
  };
  walk('');
  return hash.digest('hex');
}

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'run-cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(engineProblem !== null)('verify-cache end to end (real engine)', { timeout: 240_000 }, () => {
  let before: string;
  beforeAll(() => {
    before = treeHash(FIXTURES);
  });

  it('good fixture: exit 0, every scenario passes (JSON report)', () => {
    const run = cli('verify-cache', '--dockerfile', 'fixtures/cache/good/Dockerfile', '--context', 'fixtures/cache/good', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; scenarios: { id: string; outcome: string }[] };
    expect(report.ok).toBe(true);
    expect(report.scenarios.map((scenario) => [scenario.id, scenario.outcome])).toEqual([
      ['first-build', 'pass'],
      ['no-change', 'pass'],
      ['source-change', 'pass'],
      ['manifest-change', 'pass'],
    ]);
    // One progress line per build on stderr.
    expect(run.stderr.match(/^verify-cache: \([a-e]\) /gm)).toHaveLength(4);
  });

  it('bad fixture: exit 1, (c) names the install step and the COPY . . line', () => {
    const run = cli('verify-cache', '--dockerfile', 'fixtures/cache/bad/Dockerfile', '--context', 'fixtures/cache/bad');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✖ FAIL {2}\(c\) source edit keeps the dependency install CACHED/);
    expect(run.stdout).toContain('✖ RUN npm ci  fixtures/cache/bad/Dockerfile:10  [done]');
    expect(run.stdout).toContain('✖ COPY . .  fixtures/cache/bad/Dockerfile:9  [done]');
    expect(run.stdout).toContain('its cache was invalidated by COPY . . (fixtures/cache/bad/Dockerfile:9), which copies the changed file src/greet.js');
    expect(run.stdout).toMatch(/✔ pass {2}\(d\) manifest edit reruns the dependency install/);
    expect(run.stdout).toContain('3 passed, 1 failed');
  });

  it('compose fixture: every scenario passes for both services, (e) included, built through compose', async () => {
    const report = await verifyCache({ compose: path.join(FIXTURES, 'compose/docker-compose.yml') });
    if (composeLabel) expect(report.engine!.builder).toContain(`${composeLabel} build`);
    expect(report.ok).toBe(true);
    const isolation = report.scenarios.filter((scenario) => scenario.id === 'service-isolation');
    expect(isolation.map((scenario) => [scenario.target, scenario.outcome, scenario.builds])).toEqual([
      ['api', 'pass', 2],
      ['worker', 'pass', 2],
    ]);
    expect(report.scenarios.filter((scenario) => scenario.outcome !== 'pass')).toEqual([]);
  });

  it('(e) fails when two services share a build context (built with docker build: --no-compose-build)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verify-cache-shared-'));
    try {
      const context = path.join(FIXTURES, 'compose/api');
      writeFileSync(path.join(dir, 'compose.yaml'), [
        'services:',
        '  web:',
        `    build: { context: ${JSON.stringify(context)}, target: runtime, network: none }`,
        '  web-assets:',
        `    build: { context: ${JSON.stringify(context)}, target: build, network: none }`,
        '',
      ].join('\n'));
      const report = await verifyCache({ compose: path.join(dir, 'compose.yaml'), composeBuild: false });
      expect(report.engine!.builder).not.toContain('compose');
      expect(report.ok).toBe(false);
      const failed = report.scenarios.filter((scenario) => scenario.outcome === 'fail');
      expect(failed.map((scenario) => [scenario.id, scenario.target])).toEqual([
        ['service-isolation', 'web'],
        ['service-isolation', 'web-assets'],
      ]);
      const offender = failed[0]!.offenders.find((item) => item.instruction === 'COPY src ./src')!;
      expect(offender.target).toBe('web-assets');
      expect(offender.reason).toMatch(/share the build context/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--keep leaves the temporary copy; --log checks a log without building', async () => {
    const report = await verifyCache({ dockerfile: path.join(FIXTURES, 'good/Dockerfile'), keep: true });
    expect(report.workspace).not.toBeNull();
    expect(existsSync(report.workspace!)).toBe(true);
    rmSync(report.workspace!, { recursive: true, force: true });
    const run = cli('verify-cache', '--log', 'fixtures/buildkit-logs/plain-bad-source-change.log', '--expect-cached', 'deps');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[deps 3/3] RUN npm ci');
  });

  afterAll(() => {
    // The user's tree is never modified: the fixtures are byte-identical after every run.
    expect(treeHash(FIXTURES)).toBe(before);
  });
});

describe('verify-cache without an engine', () => {
  it('exits 2 with a clear message when the engine cannot be reached', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'run-cli.ts'), 'verify-cache', '--dockerfile', 'fixtures/cache/good/Dockerfile'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^docker-policy: (no Docker engine reachable|no docker client)/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
