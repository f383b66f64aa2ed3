import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDKIT_CHECK_NAMES, buildkitCheckName, readCheckDirective } from '../../src/engine/check-directive.js';
import { lint } from '../../src/engine/lint.js';
import { SourceFile } from '../../src/model/source.js';
import { builtinRules } from '../../rules/index.js';

const directiveOf = (text: string) => readCheckDirective(new SourceFile('/p/Dockerfile', 'dockerfile', text));

const THREE = { extends: [], rules: { 'pinned-base-image': 'error', 'maintainer-deprecated': 'error', 'json-args-recommended': 'warning' } };

async function lintDockerfile(text: string, config: Record<string, unknown> = THREE) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-check-'));
  fs.writeFileSync(path.join(directory, 'Dockerfile'), text);
  fs.writeFileSync(path.join(directory, '.docker-policy.json'), JSON.stringify(config));
  try {
    const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
    expect(result.internalErrors).toEqual([]);
    return result.findings.map((finding) => `${finding.ruleId}:${finding.severity}:${finding.line}`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

// Shell-form CMD (JSONArgsRecommended), MAINTAINER (MaintainerDeprecated), untagged image (not a BuildKit check).
const BODY = 'FROM alpine\nMAINTAINER jane\nCMD echo hi\n';

describe('# check= directive parsing (BuildKit grammar)', () => {
  it('reads skip, error and experimental', () => {
    const directive = directiveOf('# check=skip=JSONArgsRecommended, StageNameCasing;error=true\nFROM a\n')!;
    expect([...directive.skip]).toEqual(['JSONArgsRecommended', 'StageNameCasing']);
    expect(directive.error).toBe(true);
    expect(directive.problem).toBeNull();
    expect(directiveOf('# check=skip=all;experimental=CopyIgnoredFile\nFROM a\n')).toMatchObject({ skipAll: true, experimental: new Set(['CopyIgnoredFile']) });
  });

  it('accepts the directive name in any case, spaces around "=", after a shebang and other directives', () => {
    expect(directiveOf('#!/usr/bin/env docker-build\n# syntax=docker/dockerfile:1\n#CHECK = error=1\nFROM a\n')?.error).toBe(true);
  });

  it('ignores a check line after the directive block has ended (blank line, comment, instruction, leading space)', () => {
    expect(directiveOf('# syntax=docker/dockerfile:1\n\n# check=error=true\nFROM a\n')).toBeNull();
    expect(directiveOf('# my image\n# check=error=true\nFROM a\n')).toBeNull();
    expect(directiveOf('FROM a\n# check=error=true\n')).toBeNull();
    expect(directiveOf(' # check=error=true\nFROM a\n')).toBeNull();
    expect(directiveOf('# foo=bar\n# check=error=true\nFROM a\n')).toBeNull();
  });

  it('reports what BuildKit refuses', () => {
    expect(directiveOf('# check=skip\nFROM a\n')?.problem).toContain('invalid check option "skip"');
    expect(directiveOf('# check=error=yes\nFROM a\n')?.problem).toContain('is not a boolean');
    expect(directiveOf('# check=skipp=A\nFROM a\n')?.problem).toContain('invalid check option "skipp"');
    expect(directiveOf('# check=error=true\n# check=skip=all\nFROM a\n')?.problem).toContain('only one check parser directive');
  });

  it('every BuildKit check name is carried by exactly one built-in rule', () => {
    for (const name of BUILDKIT_CHECK_NAMES) {
      expect(builtinRules.filter((rule) => buildkitCheckName(rule) === name).length, name).toBe(1);
    }
  });
});

describe('# check= directive in the engine', () => {
  it('without a directive all three fire', async () => {
    expect(await lintDockerfile(BODY)).toEqual(['pinned-base-image:error:1', 'maintainer-deprecated:error:2', 'json-args-recommended:warning:3']);
  });

  it('skip=JSONArgsRecommended suppresses that check only (and the name is case-sensitive, as in BuildKit)', async () => {
    expect(await lintDockerfile(`# check=skip=JSONArgsRecommended\n${BODY}`)).toEqual(['pinned-base-image:error:2', 'maintainer-deprecated:error:3']);
    expect(await lintDockerfile(`# check=skip=jsonargsrecommended\n${BODY}`)).toContain('json-args-recommended:warning:4');
  });

  it('skip=all suppresses every BuildKit check but not other rules', async () => {
    expect(await lintDockerfile(`# check=skip=all\n${BODY}`)).toEqual(['pinned-base-image:error:2']);
  });

  it('error=true raises BuildKit-check findings to errors', async () => {
    expect(await lintDockerfile(`# check=error=true\n${BODY}`)).toEqual(['pinned-base-image:error:2', 'maintainer-deprecated:error:3', 'json-args-recommended:error:4']);
  });

  it('# hadolint ignore=DL3025 suppresses the JSONArgsRecommended rule too', async () => {
    expect(await lintDockerfile('FROM alpine\n# hadolint ignore=DL3025\nCMD echo hi\n')).toEqual(['pinned-base-image:error:1']);
  });

  it('config can name rules by their BuildKit check name', async () => {
    expect(await lintDockerfile(BODY, { extends: [], rules: { 'pinned-base-image': 'error', JSONArgsRecommended: 'off', DL4000: 'info' } })).toEqual(['pinned-base-image:error:1', 'maintainer-deprecated:info:2']);
  });

  it('experimental= switches on an opt-in experimental check, even under skip=all', async () => {
    const text = '# check=skip=all;experimental=InvalidDefinitionDescription\n# the version\nARG V=1\nFROM alpine:3.21\n';
    expect(await lintDockerfile(text)).toEqual(['definition-description-format:warning:2']);
    expect(await lintDockerfile(text.replace('skip=all;experimental=InvalidDefinitionDescription', 'skip=all'))).toEqual([]);
  });

  it('a directive BuildKit refuses is a parse error', async () => {
    expect(await lintDockerfile('# check=skip\nFROM alpine:3.21\n', { extends: [], rules: { 'parse-error': 'error' } })).toEqual(['parse-error:error:1']);
  });
});
