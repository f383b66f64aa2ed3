import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/buildkit/build-target.js';
import { composeEnvironment, composeFileFor } from '../../src/buildkit/compose-cli.js';
import { composeTargets } from '../../src/buildkit/compose-targets.js';
import { checkLog } from '../../src/buildkit/log-expectations.js';
import { parseBuildLog } from '../../src/buildkit/parse-log.js';
import { appendToFile, createWorkspace, uniqueWhitespace } from '../../src/buildkit/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verify-cache-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compose targets', () => {
  it('reads the fixture: each service context, Dockerfile, target and network', () => {
    const targets = composeTargets(path.join(ROOT, 'fixtures/cache/compose/docker-compose.yml'));
    expect(targets.map((target) => [target.name, path.relative(ROOT, target.context), path.relative(ROOT, target.dockerfile), target.target, target.network])).toEqual([
      ['api', 'fixtures/cache/compose/api', 'fixtures/cache/compose/api/Dockerfile', 'runtime', 'none'],
      ['worker', 'fixtures/cache/compose/worker', 'fixtures/cache/compose/worker/Dockerfile', null, 'none'],
    ]);
  });

  it('string form, args as a list and a map, variables, services without build skipped', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web', 'Dockerfile.dev'), 'FROM scratch\n');
    mkdirSync(path.join(dir, 'api'));
    writeFileSync(path.join(dir, 'api', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(path.join(dir, 'compose.yaml'), [
      'services:',
      '  db:',
      '    image: postgres:16',
      '  api:',
      '    build: ./api',
      '  web:',
      '    build:',
      '      context: ./${WEB_DIR:-web}',
      '      dockerfile: Dockerfile.dev',
      '      args: [NODE_ENV=production, FROM_ENV]',
      '',
    ].join('\n'));
    const targets = composeTargets(path.join(dir, 'compose.yaml'), [], { FROM_ENV: 'yes' });
    expect(targets.map((target) => [target.name, path.relative(dir, target.dockerfile), target.buildArgs])).toEqual([
      ['api', 'api/Dockerfile', {}],
      ['web', 'web/Dockerfile.dev', { NODE_ENV: 'production', FROM_ENV: 'yes' }],
    ]);
    expect(composeTargets(path.join(dir, 'compose.yaml'), ['web']).map((target) => target.name)).toEqual(['web']);
  });

  it('reads .env beside the compose file; the process environment overrides it, as compose does', () => {
    const dir = tempDir();
    for (const name of ['from-dotenv', 'from-process']) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'Dockerfile'), 'FROM scratch\n');
    }
    writeFileSync(path.join(dir, '.env'), 'APP_DIR=from-dotenv\nSTAGE=runtime\n');
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  app:\n    build:\n      context: ./${APP_DIR}\n      target: ${STAGE}\n      network: $${NOT_A_VAR}\n');
    const [fromDotenv] = composeTargets(path.join(dir, 'compose.yaml'), [], {});
    expect([path.relative(dir, fromDotenv!.context), fromDotenv!.target, fromDotenv!.network]).toEqual(['from-dotenv', 'runtime', '${NOT_A_VAR}']);
    const [fromProcess] = composeTargets(path.join(dir, 'compose.yaml'), [], { APP_DIR: 'from-process' });
    expect(path.relative(dir, fromProcess!.context)).toBe('from-process');
  });

  it('a compose file that does not parse is a usage error naming the file and line', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    build: .\n   image: [\n');
    expect(() => composeTargets(path.join(dir, 'compose.yaml'))).toThrow(/compose\.yaml:\d+: /);
  });

  it.each([
    [['nope'], /service "nope" is not in/],
    [['db'], /service "db" has no build section/],
  ])('usage errors for --service %s', (services, message) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  db:\n    image: postgres\n');
    expect(() => composeTargets(path.join(dir, 'compose.yaml'), services)).toThrow(message);
    expect(() => composeTargets(path.join(dir, 'compose.yaml'), services)).toThrow(UsageError);
  });
});

describe('compose builds', () => {
  const cli = { path: '/usr/bin/docker', builder: 'embedded' as const, rawjson: false, clientVersion: '20.10.24' };

  it('puts the chosen docker client first on PATH (docker-compose 1.x calls the docker on PATH) and asks for plain BuildKit logs', () => {
    const env = composeEnvironment(cli, { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' });
    expect(env.PATH).toBe('/usr/bin:/usr/local/bin:/bin');
    expect(env).toMatchObject({ HOME: '/root', COMPOSE_DOCKER_CLI_BUILD: '1', DOCKER_BUILDKIT: '1', BUILDKIT_PROGRESS: 'plain' });
  });

  it('writes a compose file for the one service built: the copy, its target, args, network and the image tag', () => {
    const [api] = composeTargets(path.join(ROOT, 'fixtures/cache/compose/docker-compose.yml'), ['api']);
    const copy = { ...api!, context: '/tmp/copy/api', dockerfile: '/tmp/copy/api/Dockerfile', buildArgs: { NODE_ENV: 'production' } };
    const text = composeFileFor(copy, { tag: 'docker-policy-verify-cache/api:1-1', timeoutMs: 1000, buildArgs: [], network: null });
    expect(text).toBe([
      'services:',
      '  api:',
      '    image: docker-policy-verify-cache/api:1-1',
      '    build:',
      '      context: /tmp/copy/api',
      '      dockerfile: /tmp/copy/api/Dockerfile',
      '      target: runtime',
      '      args:',
      '        NODE_ENV: production',
      '      network: none',
      '',
    ].join('\n'));
    // --network (or the no-bridge fallback) wins over the service's own.
    expect(composeFileFor(copy, { tag: 't', timeoutMs: 1000, buildArgs: [], network: 'host' })).toContain('network: host');
  });
});

describe('workspace', () => {
  it('copies only what .dockerignore lets through, keeps modes, and edits restore byte for byte', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'x', 'index.js'), 'x');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'a.js'), 'a\n');
    writeFileSync(path.join(dir, 'debug.log'), 'noise');
    writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n*.log\n');
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const workspace = createWorkspace([{ name: 'x', service: null, dockerfile: path.join(dir, 'Dockerfile'), context: dir, target: null, buildArgs: {}, network: null }]);
    try {
      const target = workspace.targets[0]!;
      expect(target.context.startsWith(workspace.root)).toBe(true);
      expect(workspace.contextFiles(target)).toEqual(['.dockerignore', 'Dockerfile', 'run.sh', 'src/a.js']);
      expect(existsSync(path.join(target.context, 'node_modules'))).toBe(false);
      expect(readFileSync(target.dockerfile, 'utf8')).toBe('FROM scratch\n');
      const file = path.join(target.context, 'src', 'a.js');
      const restore = appendToFile(file, uniqueWhitespace());
      expect(readFileSync(file, 'utf8')).not.toBe('a\n');
      expect(readFileSync(file, 'utf8').trim()).toBe('a');
      restore();
      expect(readFileSync(file, 'utf8')).toBe('a\n');
    } finally {
      workspace.remove();
    }
    expect(existsSync(workspace.root)).toBe(false);
    expect(readFileSync(path.join(dir, 'src', 'a.js'), 'utf8')).toBe('a\n');
  });

  it('every edit is new, so no earlier run can have cached it', () => {
    const edits = new Set(Array.from({ length: 50 }, () => uniqueWhitespace()));
    expect(edits.size).toBe(50);
    for (const edit of edits) expect(edit.trim()).toBe('');
  });
});

describe('--log expectations', () => {
  const file = path.join(ROOT, 'fixtures/buildkit-logs/compose-v1-api-source-change.log');
  const parsed = parseBuildLog(readFileSync(file, 'utf8'));

  it('passes when the dependency stages are CACHED and the source COPY ran', () => {
    const report = checkLog(file, parsed, { cached: ['deps', 'RUN npm ci'], rebuilt: ['COPY src'] });
    expect(report.expectations.map((result) => [result.pattern, result.outcome, result.matched])).toEqual([
      ['deps', 'pass', 6],
      ['RUN npm ci', 'pass', 1],
      ['COPY src', 'pass', 1],
    ]);
    expect(report.ok).toBe(true);
  });

  it('fails naming the steps, and when nothing matches', () => {
    const report = checkLog(file, parsed, { cached: ['build', 'no-such-step'], rebuilt: ['RUN pip install'] });
    expect(report.ok).toBe(false);
    expect(report.expectations.map((result) => [result.pattern, result.outcome, result.offenders.map((offender) => offender.reason)])).toEqual([
      ['build', 'fail', ['expected CACHED, was DONE', 'expected CACHED, was DONE']],
      ['no-such-step', 'fail', ['no step of the log matches']],
      ['RUN pip install', 'fail', ['expected to run, was CACHED']],
    ]);
  });

  it('--service and --build narrow the steps', () => {
    expect(checkLog(file, parsed, { cached: ['runtime'], rebuilt: [], services: ['worker'] }).ok).toBe(true);
    expect(checkLog(file, parsed, { cached: ['runtime'], rebuilt: [], services: ['api'] }).ok).toBe(false);
    expect(checkLog(file, parsed, { cached: ['runtime'], rebuilt: [], build: -1 }).ok).toBe(true);
    expect(() => checkLog(file, parsed, { cached: ['x'], rebuilt: [], build: 5 })).toThrow(/holds 2 build/);
    expect(() => checkLog(file, parsed, { cached: [], rebuilt: [] })).toThrow(UsageError);
  });
});
