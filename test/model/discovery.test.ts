import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/model/discovery.js';
import { classifyFile } from '../../src/model/project.js';

describe('file discovery', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['base.Dockerfile', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Dockerfile.dockerignore', 'dockerignore'],
    ['.dockerignore', 'dockerignore'],
    ['compose.yaml', 'compose'],
    ['compose.prod.yml', 'compose'],
    ['docker-compose.override.yml', 'compose'],
    ['install.sh', 'shell'],
    ['.env', 'env'],
    ['values.yaml', null],
    ['README.md', null],
  ])('classifies %s as %s', (name, kind) => {
    expect(classifyFile(name)).toBe(kind);
  });

  it('walks directories, skips node_modules and .git, honours nested .gitignore files and survives symlink loops', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-discover-'));
    const write = (name: string, content = 'FROM alpine:3.21\n') => {
      fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
      fs.writeFileSync(path.join(directory, name), content);
    };
    write('.git/HEAD', 'ref: main\n');
    write('api/Dockerfile');
    write('node_modules/pkg/Dockerfile');
    write('web/.gitignore', 'build/\n');
    write('web/build/Dockerfile');
    write('web/compose.yaml', 'services: {}\n');
    fs.symlinkSync(directory, path.join(directory, 'api', 'loop'));
    const { files, errors } = discoverFiles(['.'], { cwd: directory, ignoreGlobs: [] });
    expect(errors).toEqual([]);
    expect(files.map((file) => path.relative(directory, file.path))).toEqual(['api/Dockerfile', 'web/compose.yaml']);
    const explicit = discoverFiles(['web/build/Dockerfile', 'missing.yaml'], { cwd: directory, ignoreGlobs: [] });
    expect(explicit.files.map((file) => [path.relative(directory, file.path), file.kind])).toEqual([['web/build/Dockerfile', 'dockerfile']]);
    expect(explicit.errors).toEqual([{ path: 'missing.yaml', message: 'no such file or directory' }]);
    fs.rmSync(directory, { recursive: true, force: true });
  });
});
