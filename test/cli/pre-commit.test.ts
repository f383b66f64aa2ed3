import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string }[];

describe('.pre-commit-hooks.yaml', () => {
  const all = hooks.find((hook) => hook.id === 'docker-policy')!;

  it.each([
    ['Dockerfile', true],
    ['services/api/Dockerfile.dev', true],
    ['shared/docker/base.Dockerfile', true],
    ['compose.yaml', true],
    ['deploy/docker-compose.prod.yml', true],
    ['api/.dockerignore', true],
    ['scripts/build.sh', true],
    ['README.md', false],
    ['src/index.ts', false],
  ])('the docker-policy hook selects %s: %s', (file, selected) => {
    expect(new RegExp(all.files).test(file)).toBe(selected);
  });

  it('the per-kind hooks select their own files only', () => {
    const select = (id: string, file: string) => new RegExp(hooks.find((hook) => hook.id === id)!.files).test(file);
    expect(['Dockerfile', 'api/Dockerfile.dev', 'compose.yaml', 'api/.dockerignore', 'api/Dockerfile.dockerignore'].filter((file) => select('docker-policy-dockerignore', file))).toEqual(['api/.dockerignore', 'api/Dockerfile.dockerignore']);
    expect(select('docker-policy-dockerfile', 'api/Dockerfile.dev')).toBe(true);
    expect(select('docker-policy-dockerfile', 'compose.yaml')).toBe(false);
    expect(select('docker-policy-compose', 'deploy/docker-compose.prod.yml')).toBe(true);
    expect(select('docker-policy-compose', 'api/Dockerfile')).toBe(false);
  });

  it('runs the hook entry the way pre-commit does: file names as arguments, exit code as the verdict', () => {
    const [command, ...args] = all.entry.split(' ');
    expect(command).toBe('docker-policy');
    const demo = path.join(root, 'fixtures/demo');
    const run = (files: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), ...args, ...files], { cwd: demo, encoding: 'utf8' });
    const failing = run(['compose.yaml', 'api/Dockerfile']);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('api/Dockerfile');
    // Only the files passed are reported, but cross-file links are still read from disk.
    expect(failing.stdout).not.toContain('worker/Dockerfile');
    const clean = spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), ...args, 'compose.yaml'], { cwd: path.join(root, 'fixtures/clean-project'), encoding: 'utf8' });
    expect(clean.status).toBe(0);
  });

  it('a staged Dockerfile alone still sees the compose file above it and its .dockerignore on disk', () => {
    const [, ...args] = all.entry.split(' ');
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-pre-commit-'));
    try {
      fs.mkdirSync(path.join(directory, 'services/api'), { recursive: true });
      // Only compose builds the `dev` stage; .dockerignore leaves notes.txt out of the context.
      fs.writeFileSync(path.join(directory, 'compose.yaml'), 'services:\n  api-dev:\n    build:\n      context: ./services/api\n      target: dev\n    image: example/api-dev:1.0\n');
      fs.writeFileSync(path.join(directory, 'services/api/Dockerfile'), 'FROM alpine:3.20 AS dev\nCOPY notes.txt /notes.txt\nFROM alpine:3.20 AS runtime\nUSER 1000\n');
      fs.writeFileSync(path.join(directory, 'services/api/.dockerignore'), 'notes.txt\n');
      fs.writeFileSync(path.join(directory, 'services/api/notes.txt'), 'notes\n');
      fs.writeFileSync(path.join(directory, '.docker-policy.yaml'), 'extends: []\nrules: { unused-stage: error, copy-ignored-file: error, compose-image-tag: error }\n');
      const staged = spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), ...args, '--format', 'json', 'services/api/Dockerfile'], { cwd: directory, encoding: 'utf8' });
      expect(staged.status).toBe(1);
      const findings = (JSON.parse(staged.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings;
      // No unused-stage for `dev` (compose targets it), the .dockerignore applies, and the compose file itself is not reported.
      expect(findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)).toEqual(['copy-ignored-file services/api/Dockerfile:2']);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
