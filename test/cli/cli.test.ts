import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scratchTree } from '../helpers/scratch.js';

// ajv and ajv-formats are CommonJS; require keeps their types straight under NodeNext.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

// These run the built CLI (`npm test` builds first), the way users and CI run it.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/docker-policy.js');
const run = (args: string[], options: { cwd?: string; input?: string } = {}) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const scratch = (files: Record<string, string>) => scratchTree(files, 'dp-cli-');

describe('docker-policy check', () => {
  it('prints readable findings for the demo and exits 1', () => {
    const { code, stdout } = run(['check', 'fixtures/demo']);
    expect(code).toBe(1);
    expect(stdout).toContain('fixtures/demo/api/Dockerfile');
    expect(stdout).toMatch(/1:6\s+error\s+Base image "node:latest"/);
    expect(stdout).toMatch(/✖ \d+ problems/);
  });

  it('--output-file writes the report (relative to the current directory, never coloured) and keeps the exit code', () => {
    const directory = scratch({});
    const out = path.join(directory, 'reports/checkstyle.xml');
    fs.mkdirSync(path.dirname(out));
    const written = run(['check', 'fixtures/demo', '--format', 'checkstyle', '--output-file', out]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toBe(run(['check', 'fixtures/demo', '--format', 'checkstyle']).stdout);
    const stylish = spawnSync(process.execPath, [bin, 'check', path.join(root, 'fixtures/demo/api/Dockerfile'), '-o', 'report.txt'], { cwd: directory, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
    expect(stylish.status).toBe(1);
    const report = fs.readFileSync(path.join(directory, 'report.txt'), 'utf8');
    expect(report).toContain('fixtures/demo/api/Dockerfile');
    expect(report).not.toContain('\x1b[');
  });

  it('keeps the JSON contract', () => {
    const { code, stdout } = run(['check', 'fixtures/demo', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary).sort()).toEqual(['durationMs', 'errors', 'files', 'infos', 'warnings']);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(Object.keys(finding).filter((key) => key !== 'fix').sort()).toEqual(['aliases', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
      expect(finding.file).not.toMatch(/^\/|\\/);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
    expect(report.summary.errors).toBe(report.findings.filter((finding: { severity: string }) => finding.severity === 'error').length);
  });

  it('writes SARIF 2.1.0 that validates against the schema', () => {
    const { stdout } = run(['check', 'fixtures/demo', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\/demo\//);
  });

  it('exits 0 on a clean project, and --max-warnings turns warnings into a failure', () => {
    const directory = scratch({ 'Dockerfile': 'FROM alpine:3.21\nRUN apk add curl\n', '.docker-policy.yaml': 'extends: []\nrules:\n  apk-no-cache: warning\n' });
    expect(run(['check', '.', '--rule', 'apk-no-cache=warning'], { cwd: directory }).code).toBe(0);
    expect(run(['check', '.', '--max-warnings', '0'], { cwd: directory }).code).toBe(1);
    expect(run(['check', '.', '--rule', 'apk-no-cache=off', '--max-warnings', '0'], { cwd: directory }).code).toBe(0);
  });

  it('--quiet reports errors only', () => {
    const directory = scratch({ Dockerfile: 'FROM alpine\nRUN apk add curl\n' });
    const { stdout } = run(['check', '.', '--quiet', '--format', 'json'], { cwd: directory });
    expect(JSON.parse(stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['pinned-base-image']);
  });

  it('lints standard input as the named file', () => {
    const { code, stdout } = run(['check', '--stdin', '--stdin-filename', 'svc/Dockerfile', '--format', 'json'], { input: 'FROM ubuntu\n' });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.find((finding: { ruleId: string }) => finding.ruleId === 'pinned-base-image')).toMatchObject({ file: 'svc/Dockerfile', line: 1, column: 6 });
  });

  it.each([
    [['check', '--format', 'xml'], /argument 'xml' is invalid/],
    [['check', '--rule', 'pinned-base-image'], /--rule takes id=severity/],
    [['check', '--stdin'], /--stdin needs --stdin-filename/],
    [['check', 'no/such/path'], /no such file or directory/],
    [['frobnicate', '--bogus'], /unknown option|error/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const { code, stderr } = run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with the file and line of a bad config, without a stack trace', () => {
    const directory = scratch({ 'Dockerfile': 'FROM node:22\n', '.docker-policy.yaml': 'rules:\n  pinned-base-image: error\n  nope: warning\n' });
    const { code, stderr } = run(['check'], { cwd: directory });
    expect(code).toBe(2);
    expect(stderr).toContain('.docker-policy.yaml:3: unknown rule "nope"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the configuration that applies to a file', () => {
    const directory = scratch({ '.docker-policy.yaml': 'rules:\n  apk-no-cache: error\n', 'Dockerfile': 'FROM node:22\n' });
    const config = JSON.parse(run(['check', '--print-config', 'Dockerfile'], { cwd: directory }).stdout);
    expect(config.rules['apk-no-cache']).toBe('error');
    expect(config.configFile).toBe(path.join(directory, '.docker-policy.yaml'));
  });
});

describe('docker-policy rules', () => {
  it('lists every rule with aliases and presets as JSON', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json']).stdout);
    const pinned = rules.find((rule: { id: string }) => rule.id === 'pinned-base-image');
    expect(pinned).toMatchObject({ aliases: ['DL3006', 'DL3007'], severity: 'error', presets: ['recommended', 'strict', 'all'] });
  });
});
