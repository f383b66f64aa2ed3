import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerignore } from '../../src/model/dockerignore.js';
import { discoverFiles } from '../../src/model/discovery.js';
import { buildProject } from '../../src/model/project.js';
import { SourceFile } from '../../src/model/source.js';

const matcher = (text: string) => parseDockerignore(new SourceFile('/ctx/.dockerignore', 'dockerignore', text));

describe('.dockerignore semantics (BuildKit, not .gitignore)', () => {
  it.each([
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/y.js', true],
    // Unlike .gitignore, a bare name is anchored at the context root.
    ['node_modules', 'api/node_modules', false],
    ['**/node_modules', 'api/node_modules', true],
    ['/data/', 'data/file.csv', true],
    ['*.log', 'app.log', true],
    ['*.log', 'logs/app.log', false],
    ['**/*.log', 'logs/app.log', true],
    ['*\n!src', 'src/index.js', false],
    ['*\n!src', 'README.md', true],
    ['.env\n!.env', '.env', false],
    ['!.env\n.env', '.env', true],
    ['# comment\n\n.git', '.git/HEAD', true],
  ])('%j ignores %s: %s', (patterns, candidate, expected) => {
    expect(matcher(patterns).ignores(candidate)).toBe(expected);
  });

  it('records pattern lines and negations', () => {
    expect(matcher('# c\nnode_modules\n  !keep.txt\n').patterns).toMatchObject([
      { pattern: 'node_modules', negated: false, line: 2 },
      { pattern: '!keep.txt', negated: true, line: 3, range: { start: { line: 3, column: 3 } } },
    ]);
  });

  it('prefers <Dockerfile>.dockerignore over the context .dockerignore', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ignore-'));
    fs.writeFileSync(path.join(directory, 'Dockerfile'), 'FROM alpine:3.21\n');
    fs.writeFileSync(path.join(directory, 'Dockerfile.dockerignore'), 'specific\n');
    fs.writeFileSync(path.join(directory, '.dockerignore'), 'generic\n');
    const { files } = discoverFiles(['.'], { cwd: directory, ignoreGlobs: [] });
    const project = buildProject(files, { read: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null) }, directory);
    const target = project.buildTargets[0]!;
    expect(target.dockerignore?.file.path).toBe(path.join(directory, 'Dockerfile.dockerignore'));
    expect(target.dockerignore?.ignores('specific')).toBe(true);
    fs.rmSync(directory, { recursive: true, force: true });
  });
});
