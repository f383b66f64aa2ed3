import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommand, EngineUnavailableError, exec, findDockerCli } from '../../src/buildkit/docker-cli.js';
import type { BuildTarget } from '../../src/buildkit/build-target.js';

/**
 * How verify-cache picks and drives the docker client, with stand-in clients (shell scripts answering
 * `version`, `buildx version` and `buildx build --help` as a real client of that kind does), since a
 * test machine has one kind of client at most.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'verify-cache-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeDocker(name: string, { client, buildx, rawjson }: { client: string; buildx: boolean; rawjson?: boolean }): string {
  const file = path.join(dir, name);
  writeFileSync(file, [
    '#!/bin/sh',
    `if [ "$1" = version ]; then echo ${client}; exit 0; fi`,
    'if [ "$1" = buildx ]; then',
    buildx ? '  if [ "$2" = version ]; then echo "github.com/docker/buildx v0.17.1"; exit 0; fi' : '  echo "docker: \'buildx\' is not a docker command." >&2; exit 1',
    buildx ? `  if [ "$2" = build ]; then echo "      --progress string   Set type of progress output (\\"auto\\", \\"plain\\", \\"tty\\"${rawjson ? ', \\"rawjson\\"' : ''})"; exit 0; fi` : '',
    'fi',
    'exit 1',
    '',
  ].join('\n'));
  chmodSync(file, 0o755);
  return file;
}

const target: BuildTarget = { name: 'api', service: 'api', dockerfile: '/ctx/Dockerfile', context: '/ctx', target: 'runtime', buildArgs: { FROM_COMPOSE: '1' }, network: 'none' };

describe('choosing the builder', () => {
  it('buildx with rawjson progress when the plugin supports it', async () => {
    const cli = await findDockerCli(fakeDocker('docker-buildx-new', { client: '28.2.2', buildx: true, rawjson: true }));
    expect(cli).toMatchObject({ builder: 'buildx', rawjson: true, clientVersion: '28.2.2' });
    const { args, env } = buildCommand(cli, target, { tag: 't:1', timeoutMs: 1000, buildArgs: ['X=2'], network: null });
    expect(args).toEqual(['buildx', 'build', '--progress=rawjson', '--file', '/ctx/Dockerfile', '--tag', 't:1', '--target', 'runtime', '--build-arg', 'FROM_COMPOSE=1', '--build-arg', 'X=2', '--network', 'none', '/ctx']);
    expect(env.DOCKER_BUILDKIT).toBe('1');
  });

  it('buildx with plain progress when rawjson is not offered', async () => {
    const cli = await findDockerCli(fakeDocker('docker-buildx-old', { client: '24.0.7', buildx: true, rawjson: false }));
    expect(cli).toMatchObject({ builder: 'buildx', rawjson: false });
    expect(buildCommand(cli, target, { tag: 't', timeoutMs: 1000, buildArgs: [], network: 'host' }).args.slice(0, 3)).toEqual(['buildx', 'build', '--progress=plain']);
    // --network wins over the target's own.
    expect(buildCommand(cli, target, { tag: 't', timeoutMs: 1000, buildArgs: [], network: 'host' }).args).toContain('host');
  });

  it('a pre-23 client without buildx builds with its embedded BuildKit', async () => {
    const cli = await findDockerCli(fakeDocker('docker-20', { client: '20.10.24+dfsg1', buildx: false }));
    expect(cli).toMatchObject({ builder: 'embedded', rawjson: false });
    expect(buildCommand(cli, { ...target, target: null, buildArgs: {}, network: null }, { tag: 't', timeoutMs: 1000, buildArgs: [], network: null }).args).toEqual(['build', '--progress=plain', '--file', '/ctx/Dockerfile', '--tag', 't', '/ctx']);
  });

  it('a 23+ client without buildx, or no client at all, is a clear error', async () => {
    await expect(findDockerCli(fakeDocker('docker-28-bare', { client: '28.2.2', buildx: false }))).rejects.toThrow(/client 28\.2\.2\) needs the buildx plugin/);
    const missing = findDockerCli(path.join(dir, 'no-such-docker'));
    await expect(missing).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(missing).rejects.toThrow(/no-such-docker: no such program$/);
  });
});

describe('running a build', () => {
  it('a build past the timeout is stopped and marked timed out', async () => {
    const started = Date.now();
    const result = await exec('sleep', ['30'], { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
