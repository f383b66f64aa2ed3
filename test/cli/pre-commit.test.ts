import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
});
