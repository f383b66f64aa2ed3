import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBatch, lintInBatches } from '../../src/engine/batches.js';
import { compareFindings, lint, type LintResult } from '../../src/engine/lint.js';
import { linkGroups, mergeGroups, parseShard, shardGroups } from '../../src/engine/partition.js';
import type { DiscoveredFile } from '../../src/model/project.js';
import { builtinRules } from '../../rules/index.js';
import { scratchTree } from '../helpers/scratch.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'fixtures');

const scratch = (files: Record<string, string>) => scratchTree(files, 'dp-batches-');
const options = (cwd: string, paths: string[] = []) => ({ cwd, paths, rules: builtinRules, shellcheckRunner: fakeShellcheck });
// Keeps the comparison independent of whether shellcheck is installed; the batches call it like lint does.
const fakeShellcheck = async () => ({ stdout: '{"comments":[]}', stderr: '', exitCode: 0 });
const report = (result: LintResult) => JSON.stringify({ findings: result.findings, files: result.filesChecked, checked: result.checkedFiles, internal: result.internalErrors });
/** The run in batches of one link group each, in this thread. */
const inSmallestBatches = (cwd: string, paths: string[] = []) => lintInBatches(options(cwd, paths), { batchFiles: 1, jobs: 1 });
/** Shards 1 to `count` of the run, one after the other, each in this thread. */
async function inShards(cwd: string, count: number, paths: string[] = []): Promise<LintResult[]> {
  const shards: LintResult[] = [];
  for (let index = 1; index <= count; index++) shards.push(await lintInBatches(options(cwd, paths), { shard: { index, count }, jobs: 1 }));
  return shards;
}

describe('link groups', () => {
  const files = (directory: string, names: [string, DiscoveredFile['kind']][]) => names.map(([name, kind]) => ({ path: path.join(directory, name), kind }));
  const reader = { read: (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null) };
  const groupNames = (directory: string, discovered: DiscoveredFile[]) =>
    linkGroups(discovered, reader, directory).map((group) => group.files.map((file) => path.relative(directory, file.path)).join(' '));

  it('keeps a directory, a compose project and the builds it names together, and separates the rest', () => {
    const directory = scratch({
      'deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ../services/api\n',
      'deploy/.env': 'TAG=1\n',
      'services/api/Dockerfile': 'FROM alpine:3.21\n',
      'services/api/scripts/start.sh': 'echo start\n',
      'services/web/Dockerfile': 'FROM alpine:3.21\n',
      'services/web/Dockerfile.dev': 'FROM alpine:3.21\n',
      'tools/lint.sh': 'echo lint\n',
    });
    const discovered = files(directory, [
      ['deploy/.env', 'env'],
      ['deploy/compose.yaml', 'compose'],
      ['services/api/Dockerfile', 'dockerfile'],
      ['services/api/scripts/start.sh', 'shell'],
      ['services/web/Dockerfile', 'dockerfile'],
      ['services/web/Dockerfile.dev', 'dockerfile'],
      ['tools/lint.sh', 'shell'],
    ]);
    expect(groupNames(directory, discovered)).toEqual([
      'deploy/.env deploy/compose.yaml services/api/Dockerfile services/api/scripts/start.sh',
      'services/web/Dockerfile services/web/Dockerfile.dev',
      'tools/lint.sh',
    ]);
  });

  it('puts a script under a nested Dockerfile directory with the Dockerfile above it (that build may run it)', () => {
    const directory = scratch({ 'Dockerfile': 'FROM alpine:3.21\nCOPY sub/run.sh /run.sh\nRUN /run.sh\n', 'sub/Dockerfile': 'FROM alpine:3.21\n', 'sub/run.sh': 'echo hi\n' });
    const discovered = files(directory, [
      ['Dockerfile', 'dockerfile'],
      ['sub/Dockerfile', 'dockerfile'],
      ['sub/run.sh', 'shell'],
    ]);
    expect(groupNames(directory, discovered)).toEqual(['Dockerfile sub/Dockerfile sub/run.sh']);
  });
});

describe('link groups of many compose projects', () => {
  it('links compose projects parsed in different chunks that build the same directory, and keeps overrides with their base', () => {
    // More compose directories than are parsed at once (64), the first and the last building one service.
    const files: Record<string, string> = { 'services/shared/Dockerfile': 'FROM alpine:3.21\n' };
    for (let index = 0; index < 70; index++) {
      const stack = `stacks/s${String(index).padStart(2, '0')}`;
      const build = index === 0 || index === 69 ? '../../services/shared' : `../../services/own${index}`;
      files[`${stack}/compose.yaml`] = `services:\n  app:\n    build: ${build}\n`;
      files[`${stack}/compose.override.yaml`] = 'services:\n  app:\n    ports:\n      - "8080:80"\n';
      if (index !== 0 && index !== 69) files[`services/own${index}/Dockerfile`] = 'FROM alpine:3.21\n';
    }
    const directory = scratch(files);
    const discovered = Object.keys(files).map((name) => ({ path: path.join(directory, name), kind: name.endsWith('Dockerfile') ? ('dockerfile' as const) : ('compose' as const) }));
    const reader = { read: (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null) };
    const groups = linkGroups(discovered, reader, directory).map((group) => group.files.map((file) => path.relative(directory, file.path)));
    expect(groups).toHaveLength(69);
    expect(groups).toContainEqual(['services/shared/Dockerfile', 'stacks/s00/compose.override.yaml', 'stacks/s00/compose.yaml', 'stacks/s69/compose.override.yaml', 'stacks/s69/compose.yaml']);
    expect(groups).toContainEqual(['services/own34/Dockerfile', 'stacks/s34/compose.override.yaml', 'stacks/s34/compose.yaml']);
  });
});

describe('--shard', () => {
  it('accepts i/n with 1 <= i <= n and says what it wants otherwise', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', 'x/y', '1/0', '1', '-1/3', '1.5/3']) expect(() => parseShard(bad)).toThrow(/--shard takes i\/n with 1 <= i <= n .*got/);
  });

  it('cuts the groups into disjoint shards that cover every group', () => {
    const groups = Array.from({ length: 23 }, (_, index) => ({ key: `/g${String(index).padStart(2, '0')}`, files: Array.from({ length: 1 + (index % 4) }, (__, file) => ({ path: `/g${index}/f${file}`, kind: 'shell' as const })) }));
    for (const count of [1, 2, 3, 7, 30]) {
      const shards = Array.from({ length: count }, (_, index) => shardGroups(groups, { index: index + 1, count }));
      expect(shards.flat().map((group) => group.key).sort()).toEqual(groups.map((group) => group.key));
    }
  });
});

describe('checking in batches', () => {
  it('gives the fixtures the same report in batches of one group as in one run', async () => {
    const whole = await lint(options(fixtures, ['.']));
    const batched = await inSmallestBatches(fixtures, ['.']);
    expect(whole.findings.length).toBeGreaterThan(100);
    expect(report(batched)).toBe(report(whole));
  }, 120_000);

  it('gives the fixtures the same findings split into shards as in one run', async () => {
    const whole = await lint(options(fixtures, ['.']));
    const shards = await inShards(fixtures, 3, ['.']);
    expect(shards.every((shard) => shard.filesChecked > 0)).toBe(true);
    const union = shards.flatMap((shard) => shard.findings).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(union).toEqual([...whole.findings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    expect(shards.reduce((sum, shard) => sum + shard.filesChecked, 0)).toBe(whole.filesChecked);
  }, 120_000);

  it('keeps a script copied with ../ in its Dockerfile\'s group, in batches and in shards', async () => {
    // BuildKit roots ../ at the context, so the script is app/tools/setup.sh, under the Dockerfile.
    const directory = scratch({
      'app/Dockerfile': 'FROM alpine:3.21\nCOPY ../tools/setup.sh /setup.sh\nRUN /setup.sh\n',
      'app/tools/setup.sh': '#!/bin/sh\npip install flask\n',
      'tools/setup.sh': '#!/bin/sh\npip install flask\n',
      'z/Dockerfile': 'FROM ubuntu\n',
    });
    const whole = await lint(options(directory));
    expect(whole.findings.filter((finding) => finding.ruleId === 'no-install-scripts').map((finding) => finding.file)).toEqual(['app/tools/setup.sh']);
    const batched = await inSmallestBatches(directory);
    expect(report(batched)).toBe(report(whole));
    expect(batched.notices!.find((notice) => notice.message.startsWith('checked '))!.message).not.toMatch(/rounds/);
    const shards = await inShards(directory, 2);
    const union = shards.flatMap((shard) => shard.findings).sort(compareFindings);
    expect(union).toEqual(whole.findings);
  });

  it('merges the groups a batch found linked while checking, keeping the order stable', () => {
    const file = (name: string): DiscoveredFile => ({ path: `/p/${name}`, kind: 'shell' });
    const groups = ['a', 'b', 'c', 'd'].map((name) => ({ key: `/p/${name}/x.sh`, files: [file(`${name}/x.sh`)] }));
    const merged = mergeGroups(groups, [['/p/d/x.sh', '/p/b/x.sh'], ['/p/elsewhere.sh', '/p/a/x.sh']]);
    expect(merged.map((group) => group.files.map((entry) => entry.path))).toEqual([['/p/a/x.sh'], ['/p/b/x.sh', '/p/d/x.sh'], ['/p/c/x.sh']]);
  });

  it('does not merge groups over a compose file above the Dockerfiles that builds none of them', async () => {
    const directory = scratch({
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      'a/Dockerfile': 'FROM alpine:3.21\n',
      'b/Dockerfile': 'FROM ubuntu\n',
      'c/Dockerfile': 'FROM node:22\n',
    });
    const whole = await lint(options(directory));
    const batched = await inSmallestBatches(directory);
    expect(report(batched)).toBe(report(whole));
    const summary = batched.notices!.find((notice) => notice.message.startsWith('checked '))!.message;
    expect(summary).toMatch(/in 4 batches/);
    expect(summary).not.toMatch(/rounds/);
  });

  it('runs as many shellcheck processes at a time as a batch is given (worker threads share the cores)', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`s${index}/Dockerfile`, `FROM alpine:3.21\nRUN echo $X${index}\n`]));
    const directory = scratch(files);
    const widest = async (shellcheckProcesses: number | undefined) => {
      let running = 0;
      let most = 0;
      const runner = async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return { stdout: '{"comments":[]}', stderr: '', exitCode: 0 };
      };
      const request = { cwd: directory, files: Object.keys(files).map((name) => ({ path: path.join(directory, name), kind: 'dockerfile' as const })), shellcheckProcesses };
      const result = await lintBatch(request, { rules: builtinRules, shellcheckRunner: runner });
      expect(result.filesChecked).toBe(12);
      return most;
    };
    expect(await widest(1)).toBe(1);
    expect(await widest(3)).toBe(3);
  });

  it('hands back plain data from a batch, nothing of its project model', async () => {
    const directory = scratch({ 'a/Dockerfile': 'FROM alpine\nRUN apt-get install curl\n', 'a/compose.yaml': 'services:\n  a:\n    build: .\n' });
    const result = await lintBatch({ cwd: directory, files: [{ path: path.join(directory, 'a/Dockerfile'), kind: 'dockerfile' }, { path: path.join(directory, 'a/compose.yaml'), kind: 'compose' }] }, { rules: builtinRules, shellcheckRunner: fakeShellcheck });
    expect(result.findings.length).toBeGreaterThan(0);
    // What a worker posts is cloned; a model reference (a class instance, a syntax tree) would not survive the clone unchanged.
    expect(structuredClone(result)).toEqual(result);
    const prototypes = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      prototypes.add(Object.getPrototypeOf(value));
      for (const item of Object.values(value)) walk(item);
    };
    walk(result);
    expect([...prototypes].every((prototype) => prototype === Object.prototype || prototype === Array.prototype)).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')('keeps the config failureThreshold and unreadable linked files, as one run does', async () => {
    const directory = scratch({
      '.docker-policy.yaml': 'failureThreshold: none\n',
      'a/Dockerfile': 'FROM alpine:3.21\nCOPY run.sh /run.sh\n',
      'b/Dockerfile': 'FROM ubuntu\n',
    });
    fs.symlinkSync('/proc/self/mem', path.join(directory, 'a/run.sh'));
    const whole = await lint(options(directory));
    const batched = await inSmallestBatches(directory);
    expect(batched.failureThreshold).toBe('none');
    expect(batched.failureThreshold).toBe(whole.failureThreshold);
    expect(batched.pathErrors).toEqual(whole.pathErrors);
    expect(batched.pathErrors.map((error) => error.path)).toEqual(['a/run.sh']);
  });
});
