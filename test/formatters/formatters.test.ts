import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { lint, type LintResult } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import type { Project } from '../../src/model/project.js';
import { builtinRules } from '../../rules/index.js';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');

const root = path.resolve(import.meta.dirname, '../..');
const golden = path.join(root, 'test/golden/formatters');

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'pinned-base-image',
  severity: 'error',
  file: 'api/Dockerfile',
  line: 1,
  column: 6,
  endLine: 1,
  endColumn: 17,
  message: 'Base image "node:latest" uses the floating "latest" tag; pin a version tag or a digest.',
  aliases: ['DL3006'],
  ...overrides,
});

/** Findings with everything a format has to escape: quotes, <&>, `]]>`, %, `:` and `,` in paths, line breaks, a control character. */
const sample: LintResult = {
  findings: [
    finding({}),
    finding({ ruleId: 'apk-no-cache', severity: 'warning', line: 11, column: 5, endLine: 11, endColumn: 8, message: '`apk add` without `--no-cache` leaves 100% of the index in <the image> & more; use `apk add --no-cache`.' }),
    finding({ ruleId: 'locked-install', severity: 'warning', line: 4, column: 5, endLine: 6, endColumn: 3, message: 'Spans lines:\nsecond line ]]> and\r\na control \u0001 character.' }),
    finding({ ruleId: 'buildkit-enabled', severity: 'info', file: 'deploy/a:b,c/compose.yaml', line: 2, column: 3, endLine: 2, endColumn: 7, message: 'Advisory, with a comma: and a colon.' }),
    finding({ ruleId: 'unused-stage', severity: 'warning', file: 'deploy/a:b,c/compose.yaml', line: 9, column: 1, endLine: 9, endColumn: 1, message: 'Advisory, with a comma: and a colon.' }),
    finding({ ruleId: 'unused-stage', severity: 'warning', file: 'deploy/a:b,c/compose.yaml', line: 12, column: 1, endLine: 12, endColumn: 1, message: 'Advisory, with a comma: and a colon.' }),
  ],
  filesChecked: 3,
  durationMs: 12,
  internalErrors: [],
  pathErrors: [],
  project: { cwd: '/repo' } as Project,
  checkedFiles: ['.dockerignore', 'api/Dockerfile', 'deploy/a:b,c/compose.yaml'],
};

const format = async (name: string, result: LintResult = sample) => (await FORMATTERS[name]!())({ result, rules: builtinRules, color: false, toolVersion: '0.0.0-test' });
const matchesGolden = (name: string, actual: string) => {
  const file = path.join(golden, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
};
const validateAgainst = async (schema: string, xml: string) => {
  const outcome = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [fs.readFileSync(path.join(root, 'test/schemas', schema), 'utf8')] });
  return outcome.errors.map((error) => error.rawMessage);
};

describe('CI formatters', () => {
  let demo: LintResult;
  const demoResult = async () => (demo ??= await lint({ cwd: path.join(root, 'fixtures/demo'), paths: ['.'], rules: builtinRules }));

  it('github: one workflow command per finding, data and properties escaped as the actions toolkit does', async () => {
    const output = await format('github');
    matchesGolden('github.txt', output);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(sample.findings.length);
    expect(lines[0]).toBe('::error file=api/Dockerfile,line=1,endLine=1,col=6,endColumn=17,title=pinned-base-image::Base image "node:latest" uses the floating "latest" tag; pin a version tag or a digest.');
    // A multi-line finding carries no columns; its message's line breaks are encoded, not emitted.
    expect(lines[2]).toMatch(/^::warning file=api\/Dockerfile,line=4,endLine=6,title=locked-install::Spans lines:%0Asecond line/);
    expect(lines[2]).toContain('%0D%0A');
    expect(lines[1]).toContain('leaves 100%25 of the index');
    expect(lines[3]).toMatch(/^::notice file=deploy\/a%3Ab%2Cc\/compose\.yaml,line=2,/);
    // Decoding the properties gives the values back.
    const properties = Object.fromEntries(/^::\w+ ([^:]*)::/.exec(lines[3]!)![1]!.split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, decodeURIComponent(value!)]));
    expect(properties).toMatchObject({ file: 'deploy/a:b,c/compose.yaml', line: '2', col: '3', title: 'buildkit-enabled' });
  });

  it('checkstyle: validates against the checkstyle XSD, lists clean files, escapes attributes', async () => {
    const output = await format('checkstyle');
    matchesGolden('checkstyle.xml', output);
    expect(await validateAgainst('checkstyle.xsd', output)).toEqual([]);
    expect(output).toContain('<file name=".dockerignore"/>');
    expect(output).toContain('message="`apk add` without `--no-cache` leaves 100% of the index in &lt;the image&gt; &amp; more; use `apk add --no-cache`."');
    expect(await validateAgainst('checkstyle.xsd', await format('checkstyle', await demoResult()))).toEqual([]);
  });

  it('junit: validates against the JUnit XSD, one testsuite per file and one failing testcase per finding', async () => {
    const output = await format('junit');
    matchesGolden('junit.xml', output);
    expect(await validateAgainst('junit.xsd', output)).toEqual([]);
    expect(output.match(/<testsuite /g)).toHaveLength(3);
    expect(output.match(/<failure /g)).toHaveLength(sample.findings.length);
    expect(output).toContain('<testcase name=".dockerignore" classname=".dockerignore" time="0"/>');
    expect(output).toContain(']]]]><![CDATA[>');
    expect(await validateAgainst('junit.xsd', await format('junit', await demoResult()))).toEqual([]);
  });

  it('the XSD check is real: broken XML and a wrong structure fail it', async () => {
    expect((await validateAgainst('junit.xsd', '<testsuites><testsuite name="x"></testsuites>')).length).toBeGreaterThan(0);
    expect((await validateAgainst('checkstyle.xsd', '<checkstyle version="4.3"><file name="x"><error line="0" severity="fatal" message="m" source="s"/></file></checkstyle>')).length).toBeGreaterThan(0);
  });

  it('gitlab: Code Quality JSON that validates against the documented fields, with stable unique fingerprints', async () => {
    const output = await format('gitlab');
    matchesGolden('gitlab.json', output);
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/schemas/gitlab-code-quality.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const issues = JSON.parse(output) as { fingerprint: string; severity: string }[];
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues.map((issue) => issue.severity)).toEqual(['major', 'minor', 'minor', 'info', 'minor', 'minor']);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    // Moving a finding to another line keeps its fingerprint.
    const moved = JSON.parse(await format('gitlab', { ...sample, findings: sample.findings.map((item) => ({ ...item, line: item.line + 3, endLine: item.endLine + 3 })) })) as { fingerprint: string }[];
    expect(moved.map((issue) => issue.fingerprint)).toEqual(issues.map((issue) => issue.fingerprint));
    const real = JSON.parse(await format('gitlab', await demoResult()));
    expect(validate(real), JSON.stringify(validate.errors)).toBe(true);
  });

  it('compact: ESLint\'s compact lines and a count', async () => {
    const output = await format('compact');
    matchesGolden('compact.txt', output);
    expect(output.split('\n')[0]).toBe('api/Dockerfile: line 1, col 6, Error - Base image "node:latest" uses the floating "latest" tag; pin a version tag or a digest. (pinned-base-image)');
    expect(output.trimEnd().endsWith('6 problems')).toBe(true);
    expect(await format('compact', { ...sample, findings: [] })).toBe('');
  });

  it('gnu: file:line:column: severity: message [rule], one line per finding', async () => {
    const output = await format('gnu');
    matchesGolden('gnu.txt', output);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(sample.findings.length);
    for (const line of lines) expect(line).toMatch(/^[^\n]+:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
  });
});
