import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';
import { removeScratchTrees, scratchTree } from '../helpers/scratch.js';

afterEach(removeScratchTrees);
const project = (files: Record<string, string>) => scratchTree(files, 'dp-config-');
const run = (cwd: string, extra: Partial<Parameters<typeof lint>[0]> = {}) => lint({ cwd, paths: ['.'], rules: builtinRules, ...extra });
// These tests are about configuration, so they look at a few rules only; the rule set keeps growing.
const STUDIED = new Set(['pinned-base-image', 'apk-no-cache', 'depends-on-defined', 'parse-error', 'no-maintainer']);
const studied = <T extends { ruleId: string }>(findings: T[]) => findings.filter((finding) => STUDIED.has(finding.ruleId));
const ids = (findings: { ruleId: string; file: string; severity: string }[]) => studied(findings).map((finding) => `${finding.file}:${finding.ruleId}:${finding.severity}`);

describe('configuration', () => {
  it('uses the recommended preset when there is no config', async () => {
    const cwd = project({ Dockerfile: 'FROM ubuntu\n' });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:error']);
  });

  it('sets severities by rule ID or alias, and `off` switches a rule off', async () => {
    const cwd = project({ Dockerfile: 'FROM ubuntu\nRUN apk add curl\n', '.docker-policy.yaml': 'rules:\n  DL3006: warning\n  apk-no-cache: off\n' });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:warning']);
  });

  it('applies overrides to matching files only', async () => {
    const cwd = project({
      'Dockerfile': 'FROM ubuntu\n',
      'legacy/Dockerfile': 'FROM ubuntu\n',
      '.docker-policy.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules:\n      pinned-base-image: off\n',
    });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:error']);
  });

  it('extends a shareable config file, and the nearest config wins per directory', async () => {
    const cwd = project({
      'base.yaml': 'extends: strict\nrules:\n  pinned-base-image: info\n',
      '.docker-policy.yaml': 'extends: ./base.yaml\n',
      'Dockerfile': 'FROM ubuntu\n',
      'team/.docker-policy.yaml': 'rules:\n  pinned-base-image: off\n',
      'team/Dockerfile': 'FROM ubuntu\n',
    });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:info']);
  });

  it('passes rule options and validates them', async () => {
    const cwd = project({ 'Dockerfile': 'FROM node:22\n', '.docker-policy.yaml': 'rules:\n  pinned-base-image: [error, { requireDigest: true }]\n' });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:error']);
    const bad = project({ 'Dockerfile': 'FROM node:22\n', '.docker-policy.yaml': 'rules:\n  pinned-base-image: [error, { requireDigest: "yes" }]\n' });
    await expect(run(bad)).rejects.toThrow(/\.docker-policy\.yaml:2: rule "pinned-base-image": invalid options: options\.requireDigest must be a boolean/);
  });

  it.each([
    ['rules:\n  no-such-rule: error\n', /:2: unknown rule "no-such-rule"/],
    ['rulez: {}\n', /:1: unknown key "rulez"/],
    ['rules:\n  pinned-base-image: loud\n', /severity must be one of off, info, warning, error/],
    ['rules: [\n', /invalid YAML/],
    ['- a\n', /must be a mapping/],
    ['extends: ./missing.yaml\n', /cannot read config/],
  ])('rejects a bad config %j with its file and line', async (config, message) => {
    const cwd = project({ 'Dockerfile': 'FROM node:22\n', '.docker-policy.yaml': config });
    await expect(run(cwd)).rejects.toThrow(message);
  });

  it('leaves out files matched by the config `ignore` globs and by .gitignore', async () => {
    const cwd = project({
      '.docker-policy.yaml': 'ignore: ["vendor/**"]\n',
      '.gitignore': 'generated/\n',
      'vendor/Dockerfile': 'FROM ubuntu\n',
      'generated/Dockerfile': 'FROM ubuntu\n',
      'app/Dockerfile': 'FROM ubuntu\n',
    });
    expect(ids((await run(cwd)).findings)).toEqual(['app/Dockerfile:pinned-base-image:error']);
  });

  it('loads rules from a local plugin named in the config', async () => {
    const cwd = project({
      'Dockerfile': 'FROM node:22\nMAINTAINER someone\n',
      'plugin.mjs': `export default { rules: [{
        meta: { id: 'no-maintainer', description: 'x', severity: 'warning', presets: [], fileKinds: ['dockerfile'], docs: { rationale: 'x', bad: { code: '' }, good: { code: '' } } },
        check(context) {
          for (const dockerfile of context.project.dockerfiles)
            for (const instruction of dockerfile.instructions)
              if (instruction.keyword === 'MAINTAINER') context.report({ file: dockerfile.file, range: instruction.range, message: 'MAINTAINER is deprecated' });
        },
      }] };\n`,
      '.docker-policy.yaml': 'plugins: ["./plugin.mjs"]\nrules:\n  no-maintainer: error\n',
    });
    const result = await run(cwd);
    expect(studied(result.findings).map((finding) => [finding.ruleId, finding.line, finding.message])).toEqual([['no-maintainer', 2, 'MAINTAINER is deprecated']]);
  });
});

describe('suppressions', () => {
  it.each([
    ['# docker-policy ignore=pinned-base-image\nFROM ubuntu\nFROM debian\n', [3]],
    ['# hadolint ignore=DL3006\nFROM ubuntu\nFROM debian\n', [3]],
    ['# docker-policy ignore-file\nFROM ubuntu\nFROM debian\n', []],
    ['# hadolint global ignore=DL3007,DL3006\nFROM ubuntu\nFROM debian\n', []],
    ['# docker-policy ignore=apk-no-cache\nFROM ubuntu\n', [2]],
  ])('%j leaves findings on lines %j', async (dockerfile, lines) => {
    const cwd = project({ Dockerfile: dockerfile });
    expect(studied((await run(cwd)).findings).map((finding) => finding.line)).toEqual(lines);
  });

  it('covers a whole multi-line instruction and trailing comments in compose files', async () => {
    const cwd = project({
      'Dockerfile': 'FROM alpine:3.21\n# docker-policy ignore=apk-no-cache\nRUN echo start \\\n && apk add curl\n',
      'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on: [nope] # docker-policy ignore=depends-on-defined\n',
    });
    expect(studied((await run(cwd)).findings)).toEqual([]);
  });
});

describe('stdin mode and parse errors', () => {
  it('lints text from stdin as the named file, with the config of its directory', async () => {
    const cwd = project({ '.docker-policy.yaml': 'rules:\n  pinned-base-image: warning\n' });
    const result = await run(cwd, { stdin: { text: 'FROM ubuntu\n', filename: 'svc/Dockerfile' } });
    expect(ids(result.findings)).toEqual(['svc/Dockerfile:pinned-base-image:warning']);
  });

  it('reports a broken file as parse-error and still checks the others', async () => {
    const cwd = project({ 'compose.yaml': 'services:\n  web:\n    image: "nginx\n', 'Dockerfile': 'FROM ubuntu\n' });
    const result = await run(cwd);
    expect(ids(result.findings)).toEqual(['Dockerfile:pinned-base-image:error', 'compose.yaml:parse-error:error']);
  });
});

describe('shareable configs from npm', () => {
  it('extends a config package installed in node_modules (YAML or JS module)', async () => {
    const cwd = project({
      'node_modules/@acme/docker-policy-config/package.json': JSON.stringify({ name: '@acme/docker-policy-config', main: 'index.mjs' }),
      'node_modules/@acme/docker-policy-config/index.mjs': "export default { extends: ['recommended'], rules: { 'pinned-base-image': 'info' } };\n",
      '.docker-policy.yaml': 'extends: "@acme/docker-policy-config"\n',
      'Dockerfile': 'FROM ubuntu\n',
    });
    expect(ids((await run(cwd)).findings)).toEqual(['Dockerfile:pinned-base-image:info']);
  });
});

describe('extends: []', () => {
  it('starts from no rules at all', async () => {
    const cwd = project({ 'Dockerfile': 'FROM ubuntu\nRUN apk add curl\n', '.docker-policy.yaml': 'extends: []\nrules:\n  apk-no-cache: error\n' });
    expect((await run(cwd)).findings.map((finding) => finding.ruleId)).toEqual(['apk-no-cache']);
  });

  it('failureThreshold: which findings fail the run, inherited through extends, validated with its line', async () => {
    const { exitCodeFor } = await import('../../src/cli/commands/check.js');
    const files = { Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\nUSER 1000\n', '.dockerignore': 'node_modules\n.git\n.env\n*.log\n__pycache__\n.gitignore\ndata/\n*.pkl\n' };
    const rules = 'rules: { apk-no-cache: warning, apk-pin-versions: info }\n';
    const exitFor = async (config: string, maxWarnings?: number) => exitCodeFor(await run(project({ ...files, '.docker-policy.yaml': config })), maxWarnings);
    expect(await exitFor(`extends: []\n${rules}`)).toBe(0);
    expect(await exitFor(`extends: []\n${rules}failureThreshold: warning\n`)).toBe(1);
    expect(await exitFor(`extends: []\nrules: { apk-pin-versions: info }\nfailureThreshold: warning\n`)).toBe(0);
    expect(await exitFor(`extends: []\nrules: { apk-pin-versions: info }\nfailureThreshold: info\n`)).toBe(1);
    expect(await exitFor(`extends: []\nrules: { apk-no-cache: error }\nfailureThreshold: none\n`)).toBe(0);
    // --max-warnings still counts.
    expect(await exitFor(`extends: []\n${rules}failureThreshold: none\n`, 0)).toBe(1);
    const inherited = project({ ...files, 'base.yaml': `extends: []\n${rules}failureThreshold: warning\n`, '.docker-policy.yaml': 'extends: [./base.yaml]\n' });
    expect(exitCodeFor(await run(inherited), undefined)).toBe(1);
    const broken = project({ ...files, '.docker-policy.yaml': 'extends: []\nfailureThreshold: style\n' });
    await expect(run(broken)).rejects.toThrow(/\.docker-policy\.yaml:2: "failureThreshold" must be one of error, warning, info, none \(got "style"\)/);
  });
});
