import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { BuildTarget } from './build-target.js';
import { exec, type BuildOptions, type BuildRun, type DockerCli } from './docker-cli.js';

/**
 * `docker compose build` (the v2 plugin) or Debian's `docker-compose` 1.x, so that `--compose`
 * targets are built the way the user builds them. 1.x builds through the docker client on PATH when
 * COMPOSE_DOCKER_CLI_BUILD=1: the chosen client's directory goes first on PATH so it calls that one.
 */
export interface ComposeCli {
  file: string;
  /** Arguments before the compose ones: `['compose']` for the plugin. */
  prefix: string[];
  version: string;
  /** How the report names it: `docker compose 2.29.1`, `docker-compose 1.29.2`. */
  label: string;
}

/** PATH with the docker client's directory first, and the variables compose needs for BuildKit plain logs. */
export function composeEnvironment(cli: DockerCli, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dirs = (base.PATH ?? '').split(path.delimiter).filter((dir) => dir && dir !== path.dirname(cli.path));
  return {
    ...base,
    PATH: [path.dirname(cli.path), ...dirs].join(path.delimiter),
    COMPOSE_DOCKER_CLI_BUILD: '1',
    DOCKER_BUILDKIT: '1',
    BUILDKIT_PROGRESS: 'plain',
  };
}

/** The v2 plugin of this client, else `docker-compose` on PATH; null when neither answers. */
export async function findComposeCli(cli: DockerCli): Promise<ComposeCli | null> {
  const env = composeEnvironment(cli);
  const plugin = await exec(cli.path, ['compose', 'version', '--short'], { env, timeoutMs: 20_000 });
  if (plugin.code === 0 && /^v?\d/.test(plugin.stdout.trim())) {
    const version = plugin.stdout.trim();
    return { file: cli.path, prefix: ['compose'], version, label: `docker compose ${version}` };
  }
  const standalone = await exec('docker-compose', ['version', '--short'], { env, timeoutMs: 20_000 });
  if (standalone.code === 0 && /^v?\d/.test(standalone.stdout.trim())) {
    const version = standalone.stdout.trim();
    return { file: 'docker-compose', prefix: [], version, label: `docker-compose ${version}` };
  }
  return null;
}

/**
 * The compose file for one build: only the service built, pointing at the temporary copy, with the
 * image tag verify-cache removes afterwards. Absolute paths, so it can live anywhere.
 */
export function composeFileFor(target: BuildTarget, options: BuildOptions): string {
  const build: Record<string, unknown> = { context: target.context, dockerfile: target.dockerfile };
  if (target.target) build.target = target.target;
  if (Object.keys(target.buildArgs).length) build.args = target.buildArgs;
  const network = options.network ?? target.network;
  if (network) build.network = network;
  return stringify({ services: { [target.service ?? 'target']: { image: options.tag, build } } });
}

/** Build one compose service through compose; the log is compose's output (BuildKit plain progress). */
export async function runComposeBuild(compose: ComposeCli, cli: DockerCli, target: BuildTarget, options: BuildOptions & { workDir: string; project: string }): Promise<BuildRun> {
  const file = path.join(options.workDir, `compose.verify-cache.${target.service ?? 'target'}.yaml`);
  writeFileSync(file, composeFileFor(target, options));
  const args = [...compose.prefix, '--file', file, '--project-name', options.project, 'build'];
  for (const arg of options.buildArgs) args.push('--build-arg', arg);
  args.push(target.service ?? 'target');
  const started = Date.now();
  const result = await exec(compose.file, args, { env: composeEnvironment(cli), timeoutMs: options.timeoutMs, cwd: options.workDir });
  return { log: `${result.stdout}${result.stdout && result.stderr ? '\n' : ''}${result.stderr}`, exitCode: result.code, seconds: (Date.now() - started) / 1000, timedOut: result.timedOut };
}
