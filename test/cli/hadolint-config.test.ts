import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog, loadConfigFile } from '../../src/config/config.js';
import { builtinRules } from '../../rules/index.js';

// The built CLI (`npm test` builds first), run in a fresh directory per test.
const bin = path.resolve(import.meta.dirname, '../..', 'bin/docker-policy.js');
function project(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-hadolint-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), text);
  return directory;
}
function cli(directory: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: directory, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}
const findings = (stdout: string): { ruleId: string; severity: string; line: number }[] => JSON.parse(stdout).findings;
const loads = async (file: string) => (await loadConfigFile(file, createCatalog(builtinRules), [])).data;

// Two short RUNs (consecutive-run, info), a named USER (numeric-user, info), an untagged image (pinned-base-image, error).
const DOCKERFILE = 'FROM node\nRUN npm ci\nRUN npm run build\nUSER node\n';
const IGNORE = 'node_modules\n.git\n.env\n*.log\n__pycache__\n.gitignore\ndata/\n*.pkl\n';

describe('docker-policy init', () => {
  it('writes a commented starter config that the config loader accepts', async () => {
    const directory = project({});
    const { code, stdout } = cli(directory, 'init');
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote .docker-policy.yaml (extends: recommended)');
    const text = fs.readFileSync(path.join(directory, '.docker-policy.yaml'), 'utf8');
    expect(text).toMatch(/^# docker-policy configuration/);
    expect((await loads(path.join(directory, '.docker-policy.yaml'))).extends).toEqual(['recommended']);
  });

  it('refuses to overwrite an existing config without --force, and overwrites with it', async () => {
    const directory = project({ '.docker-policy.yaml': 'extends: all\n' });
    const refused = cli(directory, 'init', '--preset', 'strict');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.docker-policy.yaml already exists here; run `docker-policy init --force`');
    expect(fs.readFileSync(path.join(directory, '.docker-policy.yaml'), 'utf8')).toBe('extends: all\n');
    const forced = cli(directory, 'init', '--preset', 'strict', '--force');
    expect(forced.code).toBe(0);
    expect((await loads(path.join(directory, '.docker-policy.yaml'))).extends).toEqual(['strict']);
  });

  it('translates a .hadolint.yaml found here and says what it could not translate', async () => {
    const directory = project({
      '.hadolint.yml': 'ignored:\n  - DL3059\n  - SC2086\noverride:\n  style:\n    - DL3066\ntrustedRegistries:\n  - docker.io\n  - "*.acme.example"\nlabel-schema:\n  maintainer: email\nstrict-labels: true\nfailure-threshold: warning\n',
    });
    const { code, stdout } = cli(directory, 'init');
    expect(code).toBe(0);
    expect(stdout).toContain('Translated from .hadolint.yml:');
    expect(stdout).toContain('ignored: DL3059 → consecutive-run: off');
    expect(stdout).toContain('override.style: DL3066 → numeric-user: info');
    expect(stdout).toContain('ignored: SC2086 → settings.shellcheck.exclude');
    expect(stdout).toContain('failure-threshold: warning → failureThreshold: warning');
    expect(stdout).not.toContain('Not translated');
    const config = await loads(path.join(directory, '.docker-policy.yaml'));
    expect(config.failureThreshold).toBe('warning');
    expect(config.rules).toMatchObject({ 'consecutive-run': { severity: 'off' }, 'numeric-user': { severity: 'info' } });
    expect(config.settings).toEqual({ shellcheck: { exclude: ['SC2086'] }, trustedRegistries: ['docker.io', '*.acme.example'], labelSchema: { maintainer: 'email' }, strictLabels: true });
  });

  it('no-fail: true becomes failureThreshold: none, and the written threshold decides the exit code of check', () => {
    const directory = project({ '.hadolint.yaml': 'failure-threshold: error\nno-fail: true\n', Dockerfile: DOCKERFILE, '.dockerignore': IGNORE });
    const { code, stdout } = cli(directory, 'init');
    expect(code).toBe(0);
    expect(stdout).toContain('no-fail: true (over failure-threshold: error) → failureThreshold: none');
    expect(fs.readFileSync(path.join(directory, '.docker-policy.yaml'), 'utf8')).toContain('\nfailureThreshold: none # no-fail: true (over failure-threshold: error)\n');
    // pinned-base-image is an error, yet with failureThreshold: none the run passes.
    const checked = cli(directory, 'check', '--format', 'json');
    expect(findings(checked.stdout).some((finding) => finding.severity === 'error')).toBe(true);
    expect(checked.code).toBe(0);
  });

  it('stops with the file and line of a malformed hadolint config, writing nothing', () => {
    const directory = project({ 'lint.yaml': 'override:\n  fatal:\n    - DL3059\n' });
    const { code, stderr } = cli(directory, 'init', '--hadolint-config', 'lint.yaml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/lint\.yaml:2: "override" takes error, warning, info or style \(got "fatal"\)/);
    expect(fs.existsSync(path.join(directory, '.docker-policy.yaml'))).toBe(false);
  });
});

describe('docker-policy check --hadolint-config', () => {
  const base = { Dockerfile: DOCKERFILE, '.dockerignore': IGNORE };

  it('turns ignored rules off and applies override severities (style → info)', () => {
    const directory = project({ ...base, '.hadolint.yaml': 'ignored: [DL3059]\noverride:\n  error: [DL3066]\n  style: [DL3006]\n' });
    const plain = findings(cli(directory, 'check', '-f', 'json').stdout);
    expect(plain.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['consecutive-run', 'numeric-user', 'pinned-base-image']));
    const { stdout } = cli(directory, 'check', '-f', 'json', '--hadolint-config', '.hadolint.yaml');
    const layered = findings(stdout);
    expect(layered.some((finding) => finding.ruleId === 'consecutive-run')).toBe(false);
    expect(layered.find((finding) => finding.ruleId === 'numeric-user')?.severity).toBe('error');
    expect(layered.find((finding) => finding.ruleId === 'pinned-base-image')?.severity).toBe('info');
  });

  it('takes the exit code from failure-threshold and no-fail', () => {
    // Left: a consecutive-run info and a numeric-user info; pinned-base-image (error) is ignored.
    const directory = project({
      ...base,
      'error.yaml': 'ignored: [DL3006]\nfailure-threshold: error\n',
      'info.yaml': 'ignored: [DL3006]\nfailure-threshold: style\n',
      'none.yaml': 'failure-threshold: none\n',
      'nofail.yaml': 'no-fail: true\n',
    });
    expect(cli(directory, 'check', '--hadolint-config', 'error.yaml').code).toBe(0);
    expect(cli(directory, 'check', '--hadolint-config', 'info.yaml').code).toBe(1);
    expect(cli(directory, 'check').code).toBe(1);
    expect(cli(directory, 'check', '--hadolint-config', 'none.yaml').code).toBe(0);
    expect(cli(directory, 'check', '--hadolint-config', 'nofail.yaml').code).toBe(0);
  });

  it('warns once about codes no rule carries, and still runs', () => {
    const directory = project({ ...base, '.hadolint.yaml': 'ignored: [SC2086, DL9999, DL3059]\n' });
    const { code, stderr } = cli(directory, 'check', '--hadolint-config', '.hadolint.yaml');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['docker-policy: warning: .hadolint.yaml: no rule carries DL9999; left out']);
  });

  it('excludes ignored ShellCheck codes from the shellcheck run', () => {
    const directory = project({ Dockerfile: 'FROM node:22.12\nRUN f="$(cat /etc/list)" && ls $f\nUSER 1000\n', '.dockerignore': IGNORE, '.hadolint.yaml': 'ignored: [SC2086]\n' });
    const ids = (extra: string[]) => findings(cli(directory, 'check', '-f', 'json', '--rule', 'shellcheck=warning', ...extra).stdout).map((finding) => finding.ruleId);
    expect(ids([])).toContain('shellcheck/SC2086');
    expect(ids(['--hadolint-config', '.hadolint.yaml'])).not.toContain('shellcheck/SC2086');
  });

  it('with disable-ignore-pragma, hadolint pragmas stop working and docker-policy ones still work', () => {
    const dockerfile = 'FROM node:22\nRUN a\n# hadolint ignore=DL3059\nRUN b\n# docker-policy ignore=numeric-user\nUSER node\n';
    const directory = project({ Dockerfile: dockerfile, '.dockerignore': IGNORE, 'strict.yaml': 'disable-ignore-pragma: true\n' });
    expect(findings(cli(directory, 'check', '-f', 'json').stdout).map((finding) => finding.ruleId)).toEqual([]);
    const layered = findings(cli(directory, 'check', '-f', 'json', '--hadolint-config', 'strict.yaml').stdout);
    expect(layered.map((finding) => `${finding.ruleId}:${finding.line}`)).toEqual(['consecutive-run:4']);
  });

  it('passes trustedRegistries and label-schema to the rules as settings', () => {
    const directory = project({ ...base, '.hadolint.yaml': 'trustedRegistries: [registry.acme.example]\nlabel-schema:\n  maintainer: email\n' });
    const ruleIds = findings(cli(directory, 'check', '-f', 'json', '--hadolint-config', '.hadolint.yaml').stdout).map((finding) => finding.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining(['trusted-registry', 'label-required']));
  });

  it('stops with exit 2 and the file and line of a malformed config', () => {
    const directory = project({ ...base, '.hadolint.yaml': 'ignored:\n  - DL3059\nstrict-labels: maybe\n' });
    const { code, stderr } = cli(directory, 'check', '--hadolint-config', '.hadolint.yaml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.hadolint\.yaml:3: "strict-labels" must be true or false/);
  });
});
