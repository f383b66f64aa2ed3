// The benchmark's own pieces (bench/lib), run for real on a small scale; no timing is asserted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindOf } from '../../bench/lib/corpus.mjs';
import { generateMonorepo } from '../../bench/lib/monorepo.mjs';
import { formatTable, ratio, round } from '../../bench/lib/table.mjs';
import { lint } from '../../src/engine/lint.js';
import { classifyFile } from '../../src/model/project.js';
import { builtinRules } from '../../rules/index.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-bench-test-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

const digest = (root: string, files: string[]) => crypto.createHash('sha256').update(files.map((file) => `${file}\n${fs.readFileSync(path.join(root, file), 'utf8')}`).join('\0')).digest('hex');

describe('synthetic monorepo generator', () => {
  const small = path.join(base, 'small');
  const counts = generateMonorepo(small, { dockerfiles: 60, composeFiles: 12 });
  const files = filesUnder(small);

  it('writes the requested Dockerfiles and compose files, and counts every file it writes by kind', () => {
    expect(counts.dockerfiles).toBe(60);
    expect(counts.compose).toBe(12);
    expect(counts.files).toBe(files.length);
    const byKind: Record<string, number> = {};
    for (const file of files) {
      const kind = classifyFile(path.basename(file)) ?? 'other';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    expect(byKind).toEqual({ dockerfile: 60, compose: 12, dockerignore: counts.dockerignore, shell: counts.scripts });
    expect(counts.dockerignore).toBeGreaterThan(0);
    expect(counts.scripts).toBeGreaterThan(0);
  });

  it('points every build context at a generated service directory with a Dockerfile', () => {
    const composeFiles = files.filter((file) => file.endsWith('compose.yaml'));
    const contexts = composeFiles.flatMap((file) => [...fs.readFileSync(path.join(small, file), 'utf8').matchAll(/context: (.+)/g)].map((match) => path.resolve(small, path.dirname(file), match[1]!)));
    expect(contexts).toHaveLength(60);
    for (const context of contexts) expect(fs.existsSync(path.join(context, 'Dockerfile'))).toBe(true);
  });

  it('is deterministic, and a smaller repository is the first stacks of a larger one', () => {
    const again = path.join(base, 'again');
    generateMonorepo(again, { dockerfiles: 60, composeFiles: 12 });
    expect(digest(again, filesUnder(again))).toBe(digest(small, files));
    const smaller = path.join(base, 'smaller');
    generateMonorepo(smaller, { dockerfiles: 15, composeFiles: 3 });
    const smallerFiles = filesUnder(smaller);
    expect(digest(smaller, smallerFiles)).toBe(digest(small, smallerFiles));
  });

  it('produces files docker-policy checks without a path or internal error', async () => {
    const result = await lint({ cwd: small, paths: ['.'], rules: builtinRules });
    expect(result.internalErrors).toEqual([]);
    expect(result.pathErrors).toEqual([]);
    expect(result.filesChecked).toBe(counts.files);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('refuses counts that are not five Dockerfiles per compose file', () => {
    expect(() => generateMonorepo(path.join(base, 'bad'), { dockerfiles: 10, composeFiles: 3 })).toThrow(/5 Dockerfiles per compose file/);
  });
});

describe('bench corpus listing', () => {
  it('names file kinds the way docker-policy does', () => {
    const names = ['Dockerfile', 'dockerfile.alpine', 'Containerfile', 'api.Dockerfile', 'Dockerfile-linux.template', 'compose.yaml', 'docker-compose.override.yml', 'compose-dev.yml', 'compose.json', 'app.yaml', '.dockerignore', 'run.sh'];
    for (const name of names) {
      const ours = classifyFile(name);
      expect(kindOf(name), name).toBe(ours === 'dockerfile' || ours === 'compose' ? ours : null);
    }
  });
});

describe('report table', () => {
  it('pads columns to the widest cell, right-aligns numbers and prints missing values as a dash', () => {
    const table = formatTable(['tool', 'files/s', 'peak MB'], [['docker-policy', 123.4, null], ['dclint', 8, 82.5]]);
    expect(table.split('\n')).toEqual(['tool           files/s  peak MB', '-------------  -------  -------', 'docker-policy    123.4        –', 'dclint               8     82.5']);
  });

  it('rounds to a few significant digits and writes ratios with ×', () => {
    expect([round(1234.5), round(12.345), round(1.2345), round(0.012345)]).toEqual([1235, 12.3, 1.23, 0.0123]);
    expect(ratio(10, 4)).toBe('2.5×');
    expect(ratio(10, 0)).toBeNull();
  });
});
