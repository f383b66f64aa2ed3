import { spawn } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import path from 'node:path';
import type { BuildTarget } from './build-target.js';

/** How verify-cache runs builds: through buildx, or the classic client's embedded BuildKit. */
export interface DockerCli {
  path: string;
  builder: 'buildx' | 'embedded';
  /** buildx prints one JSON status per line with `--progress=rawjson` (buildx 0.12+). */
  rawjson: boolean;
  clientVersion: string;
}

/** No engine, or no client able to run a BuildKit build: exit 2 with this message. */
export class EngineUnavailableError extends Error {}

interface Exec {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Run a command, never throwing: a missing binary is exit code 127. */
export function exec(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Promise<Exec> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          // SIGINT lets the docker client cancel the build on the engine; SIGKILL if it does not exit.
          child.kill('SIGINT');
          killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
        }, options.timeoutMs)
      : undefined;
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const finish = (code: number) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      stderr.push(Buffer.from(error.code === 'ENOENT' ? `${file}: not found` : error.message));
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every `docker` on PATH, first first, each real binary once. */
function dockersOnPath(): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'docker');
    if (!isExecutable(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(candidate);
  }
  return found;
}

/** What one docker client can do, or why it cannot run BuildKit builds. */
async function probe(docker: string): Promise<DockerCli | string> {
  const version = await exec(docker, ['version', '--format', '{{.Client.Version}}'], { timeoutMs: 20_000 });
  const clientVersion = version.stdout.trim().split('\n')[0] ?? '';
  if (version.code === 127) return `${docker}: no such program`;
  if (!clientVersion) return `${docker}: ${firstLine(version.stderr) || 'not a docker client'}`;
  const buildx = await exec(docker, ['buildx', 'version'], { timeoutMs: 20_000 });
  if (buildx.code === 0) {
    const help = await exec(docker, ['buildx', 'build', '--help'], { timeoutMs: 20_000 });
    return { path: docker, builder: 'buildx', rawjson: help.stdout.includes('rawjson'), clientVersion };
  }
  // Clients from 23.0 hand BuildKit builds to the buildx plugin; older ones have BuildKit built in.
  const major = Number(/^(\d+)/.exec(clientVersion)?.[1] ?? 0);
  if (major > 0 && major < 23) return { path: docker, builder: 'embedded', rawjson: false, clientVersion };
  return `${docker} (client ${clientVersion}) needs the buildx plugin for BuildKit builds, and it is missing`;
}

/**
 * The docker client to build with: `--docker PATH`, else the first `docker` on PATH that can run a
 * BuildKit build (buildx plugin, or a pre-23 client with embedded BuildKit).
 */
export async function findDockerCli(explicit?: string): Promise<DockerCli> {
  const candidates = explicit ? [explicit] : dockersOnPath();
  if (!candidates.length) throw new EngineUnavailableError('no docker client found on PATH; install Docker or pass --docker PATH');
  const reasons: string[] = [];
  for (const candidate of candidates) {
    const result = await probe(candidate);
    if (typeof result !== 'string') return result;
    reasons.push(result);
  }
  throw new EngineUnavailableError(`no docker client can run BuildKit builds:\n  ${reasons.join('\n  ')}`);
}

/** The engine's version, or EngineUnavailableError saying why it cannot be reached. */
export async function engineVersion(cli: DockerCli): Promise<string> {
  const result = await exec(cli.path, ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
  const version = result.stdout.trim();
  if (result.code !== 0 || !version) {
    const reason = firstLine(result.stderr) || (result.timedOut ? 'timed out' : 'no answer');
    throw new EngineUnavailableError(`no Docker engine reachable through ${cli.path}: ${reason}`);
  }
  return version;
}

/**
 * True when the engine has no default `bridge` network (dockerd --bridge=none, as on CI machines
 * without iptables): RUN steps on the default network then fail with "network bridge not found".
 */
export async function lacksBridgeNetwork(cli: DockerCli): Promise<boolean> {
  const result = await exec(cli.path, ['network', 'inspect', 'bridge'], { timeoutMs: 30_000 });
  return result.code !== 0 && /no such network|not found/i.test(result.stderr);
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

export interface BuildRun {
  log: string;
  exitCode: number;
  seconds: number;
  timedOut: boolean;
}

export interface BuildOptions {
  tag: string;
  timeoutMs: number;
  buildArgs: string[];
  network: string | null;
}

/** The command line for one build; the log is BuildKit's progress output. */
export function buildCommand(cli: DockerCli, target: BuildTarget, options: BuildOptions): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = cli.builder === 'buildx'
    ? ['buildx', 'build', `--progress=${cli.rawjson ? 'rawjson' : 'plain'}`]
    : ['build', '--progress=plain'];
  args.push('--file', target.dockerfile, '--tag', options.tag);
  if (target.target) args.push('--target', target.target);
  for (const [name, value] of Object.entries(target.buildArgs)) args.push('--build-arg', `${name}=${value}`);
  for (const arg of options.buildArgs) args.push('--build-arg', arg);
  const network = options.network ?? target.network;
  if (network) args.push('--network', network);
  args.push(target.context);
  return { args, env: { ...process.env, DOCKER_BUILDKIT: '1' } };
}

export async function runBuild(cli: DockerCli, target: BuildTarget, options: BuildOptions): Promise<BuildRun> {
  const { args, env } = buildCommand(cli, target, options);
  const started = Date.now();
  const result = await exec(cli.path, args, { env, timeoutMs: options.timeoutMs });
  // Plain progress goes to stderr, rawjson too; stdout carries only an image ID or nothing.
  return { log: `${result.stderr}${result.stdout ? `\n${result.stdout}` : ''}`, exitCode: result.code, seconds: (Date.now() - started) / 1000, timedOut: result.timedOut };
}

/** Remove images verify-cache tagged; the build cache stays, which is the point. */
export async function removeImages(cli: DockerCli, tags: string[]): Promise<void> {
  if (tags.length) await exec(cli.path, ['image', 'rm', '--force', ...tags], { timeoutMs: 60_000 });
}

