import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lintWithCache } from '../../src/engine/cache.js';
import { lint, type LintOptions } from '../../src/engine/lint.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A private copy of a fixture project, with every rule on so cross-file rules all take part. */
function copyFixture(name: string): { dir: string; options: LintOptions; cacheFile: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dp-cache-')));
  fs.cpSync(path.join(root, 'fixtures', name), dir, { recursive: true });
  const cliRules = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.severity]));
  return { dir, options: { cwd: dir, paths: ['.'], rules: builtinRules, cliRules }, cacheFile: path.join(dir, '.docker-policy-cache') };
}

async function cachedRun(options: LintOptions, extra: { version?: string; location?: string } = {}) {
  const parsed: string[] = [];
  const result = await lintWithCache(options, { ...extra, onParse: (file) => parsed.push(path.relative(options.cwd, file)) });
  return { result, parsed: parsed.sort() };
}

async function expectSameAsPlain(options: LintOptions, findings: unknown) {
  const plain = await lint(options);
  expect(findings).toEqual(plain.findings);
}

const edit = (dir: string, file: string, change: (text: string) => string) => fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf8')));

describe('check --cache', () => {
  it('parses nothing on a second run over unchanged files and reports exactly the same findings, fixes included', async () => {
    const { options, cacheFile } = copyFixture('demo');
    const first = await cachedRun(options);
    expect(first.result.cache).toMatchObject({ status: 'missing', files: 7, rechecked: 7 });
    expect(first.parsed.length).toBe(7);
    expect(fs.existsSync(cacheFile)).toBe(true);
    await expectSameAsPlain(options, first.result.findings);

    const second = await cachedRun(options);
    expect(second.result.cache).toMatchObject({ status: 'loaded', files: 7, rechecked: 0, parsed: 0 });
    expect(second.parsed).toEqual([]);
    expect(second.result.findings).toEqual(first.result.findings);
    const withFix = second.result.findings.filter((finding) => finding.fix);
    expect(withFix.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['apk-no-cache', 'dockerignore-entries']));
    expect(withFix.find((finding) => finding.ruleId === 'apk-no-cache')!.fix).toEqual({
      description: 'Add --no-cache',
      edits: [{ file: path.join(options.cwd, 'api/Dockerfile'), start: expect.any(Number), end: expect.any(Number), text: ' --no-cache' }],
    });
  });

  it('re-checks a Dockerfile when a script it runs changes, and leaves unrelated files alone', async () => {
    const { dir, options } = copyFixture('demo');
    await cachedRun(options);
    edit(dir, 'worker/scripts/install.sh', () => '#!/bin/sh\nset -e\necho nothing to install\n');
    const { result, parsed } = await cachedRun(options);
    // Re-checked: the script, the Dockerfile that runs it and the compose file that builds it. The
    // compose file's other build targets are parsed as its context; scripts/build.sh is not touched.
    expect(parsed).toEqual(['api/.dockerignore', 'api/Dockerfile', 'compose.yaml', 'shared/docker/base.Dockerfile', 'worker/Dockerfile', 'worker/scripts/install.sh']);
    expect(result.cache.rechecked).toBe(3);
    expect(result.findings.some((finding) => finding.ruleId === 'no-install-scripts')).toBe(false);
    await expectSameAsPlain(options, result.findings);
  });

  it('re-checks a compose file when a Dockerfile it builds changes, and a Dockerfile when its compose service changes', async () => {
    const { dir, options } = copyFixture('demo');
    await cachedRun(options);
    // Dropping the runtime stage makes compose's `target: runtime` unknown: a finding on compose.yaml.
    edit(dir, 'api/Dockerfile', (text) => text.replace(/FROM node:22-alpine AS runtime[\s\S]*$/, ''));
    const afterDockerfile = await cachedRun(options);
    expect(afterDockerfile.parsed).toContain('compose.yaml');
    expect(afterDockerfile.result.findings.some((finding) => finding.ruleId === 'unknown-target' && finding.file === 'compose.yaml')).toBe(true);
    await expectSameAsPlain(options, afterDockerfile.result.findings);

    // Building the `test` stage from compose makes it used: unused-stage on the Dockerfile goes away.
    edit(dir, 'compose.yaml', (text) => text.replace('target: runtime', 'target: test'));
    const afterCompose = await cachedRun(options);
    expect(afterCompose.parsed).toContain('api/Dockerfile');
    await expectSameAsPlain(options, afterCompose.result.findings);
  });

  it('notices files that appear or disappear next to a checked file', async () => {
    const { dir, options } = copyFixture('demo');
    await cachedRun(options);
    // worker/ has no .dockerignore: creating one changes the compose file's findings.
    fs.writeFileSync(path.join(dir, 'worker/.dockerignore'), 'node_modules\n.git\n.env\n*.log\n__pycache__\n.gitignore\ndata/\n*.pkl\n');
    const created = await cachedRun(options);
    expect(created.result.findings.some((finding) => finding.ruleId === 'dockerignore-required' && finding.message.includes('"worker"'))).toBe(false);
    await expectSameAsPlain(options, created.result.findings);

    fs.rmSync(path.join(dir, 'api/.dockerignore'));
    const deleted = await cachedRun(options);
    expect(deleted.result.findings.some((finding) => finding.ruleId === 'dockerignore-required' && finding.message.includes('"api"'))).toBe(true);
    await expectSameAsPlain(options, deleted.result.findings);

    fs.writeFileSync(path.join(dir, 'worker/Dockerfile.dev'), 'FROM python:3.11\nRUN pip install debugpy\n');
    const sibling = await cachedRun(options);
    expect(sibling.result.findings.some((finding) => finding.ruleId === 'dev-prod-parity')).toBe(true);
    await expectSameAsPlain(options, sibling.result.findings);

    fs.writeFileSync(path.join(dir, '.env'), 'DOCKER_BUILDKIT=0\n');
    const env = await cachedRun(options);
    expect(env.parsed).toContain('compose.yaml');
    await expectSameAsPlain(options, env.result.findings);
  });

  it('starts over when the config or the tool version changes', async () => {
    const { dir, options } = copyFixture('demo');
    await cachedRun({ ...options, cliRules: undefined });
    fs.writeFileSync(path.join(dir, '.docker-policy.yaml'), 'rules:\n  pinned-base-image: off\n');
    const configChanged = await cachedRun({ ...options, cliRules: undefined });
    expect(configChanged.result.cache.status).toBe('stale');
    expect(configChanged.result.cache.rechecked).toBe(7);
    expect(configChanged.result.findings.some((finding) => finding.ruleId === 'pinned-base-image')).toBe(false);
    await expectSameAsPlain({ ...options, cliRules: undefined }, configChanged.result.findings);

    // An override that changes one directory's config re-checks that directory's files.
    fs.writeFileSync(path.join(dir, '.docker-policy.yaml'), 'rules:\n  pinned-base-image: off\noverrides:\n  - files: ["api/**"]\n    rules:\n      apk-no-cache: off\n');
    const overridden = await cachedRun({ ...options, cliRules: undefined });
    expect(overridden.result.findings.some((finding) => finding.ruleId === 'apk-no-cache')).toBe(false);
    await expectSameAsPlain({ ...options, cliRules: undefined }, overridden.result.findings);

    const again = await cachedRun({ ...options, cliRules: undefined });
    expect(again.result.cache).toMatchObject({ status: 'loaded', rechecked: 0 });
    const newVersion = await cachedRun({ ...options, cliRules: undefined }, { version: '99.0.0' });
    expect(newVersion.result.cache).toMatchObject({ status: 'stale', rechecked: 7 });
  });

  it('ignores and rebuilds a corrupt cache file, and survives an unwritable location', async () => {
    const { options, cacheFile } = copyFixture('demo');
    const good = (await cachedRun(options)).result.findings;
    const corruptions = [
      'not json at all',
      '{"format":1,"key":"x","paths":[],"hashes":[]',
      JSON.stringify({ format: 1, key: 'x', paths: ['a'], hashes: [null], files: { a: { config: 'c', deps: [7], findings: [] } } }),
      JSON.stringify({ ...JSON.parse(fs.readFileSync(cacheFile, 'utf8')), files: { 'api/Dockerfile': { config: 'c', deps: [], findings: [{ ruleId: 1 }] } } }),
      '',
    ];
    for (const corruption of corruptions) {
      fs.writeFileSync(cacheFile, corruption);
      const { result } = await cachedRun(options);
      expect(result.cache.status).toBe('corrupt');
      expect(result.findings).toEqual(good);
      expect((await cachedRun(options)).result.cache).toMatchObject({ status: 'loaded', rechecked: 0 });
    }
    const blocked = path.join(options.cwd, 'not-a-directory');
    fs.writeFileSync(blocked, '');
    const { result } = await cachedRun(options, { location: path.join(blocked, 'cache') });
    expect(result.cache.writeError).toBeTruthy();
    expect(result.findings).toEqual(good);
  });

  it('works from the command line: same report twice, nothing parsed the second time', () => {
    const { dir } = copyFixture('demo');
    const location = path.join(dir, 'cache-dir/');
    const run = () =>
      spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), 'check', '--cache', '--cache-location', location, '-f', 'json'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, DOCKER_POLICY_DEBUG: '1', NO_COLOR: '1' },
      });
    const plain = spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), 'check', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    const first = run();
    const second = run();
    expect(first.status).toBe(1);
    expect(second.status).toBe(1);
    expect(first.stderr).toContain('cache missing: 7 files, 7 re-checked, 7 parsed');
    expect(second.stderr).toContain('cache loaded: 7 files, 0 re-checked, 0 parsed');
    expect(fs.existsSync(path.join(location, '.docker-policy-cache'))).toBe(true);
    const findings = (output: string) => JSON.parse(output).findings;
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
    expect(findings(second.stdout)).toEqual(findings(plain.stdout));
  });
});
