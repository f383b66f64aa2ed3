import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';

// Runs the built CLI on copies of fixtures/seeds-project: the fixture itself is never touched.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/docker-policy.js');
const fixConfig = path.join(root, 'test/golden/fix/fix-rules.yaml');
const FIXED_RULES = ['apk-no-cache', 'locked-install', 'dockerignore-entries', 'build-only-service', 'gpu-reservation'];

const run = (args: string[], cwd: string, input?: string) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const copyOfSeeds = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fix-'));
  fs.cpSync(path.join(root, 'fixtures/seeds-project'), directory, { recursive: true });
  return directory;
};
/** Every file under a directory: relative path → bytes as a string. */
const snapshot = (directory: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(directory, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(directory, file).split(path.sep).join('/'), fs.readFileSync(file, 'latin1')];
      })
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
const findingsOf = (cwd: string, config?: string) => {
  const { stdout } = run(['check', '--format', 'json', ...(config ? ['-c', config] : [])], cwd);
  return (JSON.parse(stdout) as { findings: { ruleId: string; file: string; fix?: unknown }[] }).findings;
};

describe('check --fix', () => {
  it('fixes the fixable rules in a copy of seeds-project, writes only changed files, and a second --fix changes nothing', () => {
    const directory = copyOfSeeds();
    const before = snapshot(directory);
    const first = run(['check', '--fix', '-c', fixConfig], directory);
    expect(first.stderr).toMatch(/applied 9 fixes to 4 files/);
    const after = snapshot(directory);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed).toEqual(['.dockerignore', 'compose.yaml', 'machine/Dockerfile', 'services/rag-backend/.dockerignore']);
    expect(after['machine/Dockerfile']).toContain('RUN pnpm install --frozen-lockfile\n');
    expect(after['machine/Dockerfile']).toContain('RUN apk add --no-cache curl\n');
    expect(after['compose.yaml']).toContain('      dockerfile: shared/docker/base.Dockerfile\n    command: "true"\n    restart: "no"\n');
    expect(after['compose.yaml']).toContain('    command: sh -c "pip install -r requirements.txt && python serve.py"\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n');
    // Comments survive.
    expect(after['compose.yaml']!.startsWith(before['compose.yaml']!.split('\n').slice(0, 2).join('\n'))).toBe(true);

    // What remains: no finding of a fixed rule carries a fix any more; the only one left is not fixable.
    const remaining = findingsOf(directory, fixConfig);
    expect(remaining.filter((finding) => finding.fix)).toEqual([]);
    expect(remaining.filter((finding) => FIXED_RULES.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.file}`)).toEqual(['locked-install services/rag-backend/Dockerfile.dev']);

    const second = run(['check', '--fix', '-c', fixConfig], directory);
    expect(second.stderr).not.toContain('applied');
    expect(snapshot(directory)).toEqual(after);
    // Idempotent under the project's own (strict) configuration too.
    run(['check', '--fix'], directory);
    const strict = snapshot(directory);
    run(['check', '--fix'], directory);
    expect(snapshot(directory)).toEqual(strict);
  });

  it('--fix-dry-run prints the expected unified diff, changes no file, and the diff applies to give what --fix writes', () => {
    const directory = copyOfSeeds();
    const before = snapshot(directory);
    const dry = run(['check', '--fix-dry-run', '-c', fixConfig], directory);
    expect(snapshot(directory)).toEqual(before);
    const goldenFile = path.join(root, 'test/golden/fix/seeds-project.diff');
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenFile, dry.stdout);
    expect(dry.stdout).toBe(fs.readFileSync(goldenFile, 'utf8'));
    // The report goes to standard error, so standard output is only the diff.
    expect(dry.stderr).toContain('locked-install');
    // The exit code is that of the findings left after fixing: a warning only.
    expect(dry.code).toBe(0);

    run(['check', '--fix', '-c', fixConfig], directory);
    const fixed = snapshot(directory);
    for (const patch of parsePatch(dry.stdout)) {
      const file = patch.oldFileName!.replace(/^a\//, '');
      expect(applyPatch(before[file]!, patch), file).toBe(fixed[file]);
    }
  });

  it('compose ordering and quoting fixes: one pass fixes all, comments travel with their keys, a second --fix changes nothing', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fix-compose-'));
    const rules = ['compose-depends-on-order', 'compose-port-quotes', 'compose-ports-order', 'compose-service-keys-order', 'compose-services-order', 'compose-top-level-order', 'compose-volume-quotes'];
    fs.writeFileSync(path.join(directory, '.docker-policy.yaml'), `extends: []\nrules:\n${rules.map((rule) => `  ${rule}: warning\n`).join('')}`);
    const original = [
      '# Project services; the blank line keeps this header at the top.',
      '',
      'volumes:',
      '  data: {}',
      'services:',
      '  # the web front end',
      '  web:',
      '    ports:',
      '      - 8080:80   # public port',
      '      - 443:443',
      '    image: nginx:1.27',
      '    depends_on:',
      '      - worker',
      '      - api',
      '    volumes:',
      '      - ./html:/usr/share/nginx/html:ro',
      '  api:',
      '    image: example/api:1.0   # pinned',
      '  worker:',
      '    image: example/worker:1.0',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(directory, 'compose.yaml'), original);
    const found = findingsOf(directory).map((finding) => finding.ruleId);
    expect(new Set(found)).toEqual(new Set(['compose-top-level-order', 'compose-service-keys-order', 'compose-port-quotes', 'compose-ports-order', 'compose-depends-on-order', 'compose-services-order']));
    const first = run(['check', '--fix'], directory);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('no problems');
    const fixed = fs.readFileSync(path.join(directory, 'compose.yaml'), 'utf8');
    expect(fixed).toBe([
      '# Project services; the blank line keeps this header at the top.',
      '',
      'services:',
      '  api:',
      '    image: example/api:1.0   # pinned',
      '  # the web front end',
      '  web:',
      '    image: nginx:1.27',
      '    depends_on:',
      '      - api',
      '      - worker',
      '    volumes:',
      '      - ./html:/usr/share/nginx/html:ro',
      '    ports:',
      '      - "443:443"',
      '      - "8080:80"   # public port',
      '  worker:',
      '    image: example/worker:1.0',
      'volumes:',
      '  data: {}',
      '',
    ].join('\n'));
    expect(findingsOf(directory)).toEqual([]);
    const second = run(['check', '--fix'], directory);
    expect(second.stderr).not.toContain('applied');
    expect(fs.readFileSync(path.join(directory, 'compose.yaml'), 'utf8')).toBe(fixed);
  });

  it('keeps CRLF line breaks and a byte-order mark, and rewrites only the fixed bytes', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fix-crlf-'));
    const original = '\uFEFF# build tools\r\nFROM alpine:3.21\r\nRUN apk add curl \\\r\n    git\r\nUSER app\r\n';
    fs.writeFileSync(path.join(directory, 'Dockerfile'), original);
    fs.writeFileSync(path.join(directory, '.dockerignore'), 'node_modules\r\n.git');
    run(['check', '--fix', '--rule', 'apk-no-cache=warning', '--rule', 'dockerignore-entries=warning'], directory);
    expect(fs.readFileSync(path.join(directory, 'Dockerfile'), 'utf8')).toBe(original.replace('apk add', 'apk add --no-cache'));
    expect(fs.readFileSync(path.join(directory, '.dockerignore'), 'utf8')).toBe('node_modules\r\n.git\r\n__pycache__\r\n.gitignore\r\n.env\r\n*.log\r\ndata/\r\n*.pkl\r\n');
  });

  it('with --stdin prints the fixed text on standard output and the report on standard error', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fix-stdin-'));
    const result = run(['check', '--fix', '--stdin', '--stdin-filename', 'Dockerfile', '--rule', 'apk-no-cache=warning'], directory, 'FROM alpine:3.21\nRUN apk add curl\nUSER app\n');
    expect(result.stdout).toBe('FROM alpine:3.21\nRUN apk add --no-cache curl\nUSER app\n');
    expect(result.stderr).not.toContain('apk-no-cache');
    expect(fs.readdirSync(directory)).toEqual([]);
    const unfixable = run(['check', '--fix', '--stdin', '--stdin-filename', 'Dockerfile'], directory, 'FROM node:latest\n');
    expect(unfixable.stdout).toBe('FROM node:latest\n');
    expect(unfixable.stderr).toContain('pinned-base-image');
    expect(unfixable.code).toBe(1);
  });

  it('refuses --fix together with --fix-dry-run', () => {
    const result = run(['check', '--fix', '--fix-dry-run'], copyOfSeeds());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('either --fix or --fix-dry-run');
  });
});
