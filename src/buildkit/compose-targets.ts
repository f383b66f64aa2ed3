import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { interpolateCompose, parseCompose, type ComposeService } from '../model/compose.js';
import { parseEnvFile } from '../model/env-file.js';
import { SourceFile, stripBom } from '../model/source.js';
import { UsageError, type BuildTarget } from './build-target.js';

/**
 * The variables a real `docker compose build` sees: the `.env` beside the compose file, overridden by
 * the process environment. (The linter reads only `.env`, for reproducible findings; verify-cache
 * runs real builds, so it resolves them as compose does.)
 */
function composeEnvironment(composeFile: string, processEnv: NodeJS.ProcessEnv): Record<string, string> {
  const envPath = path.join(path.dirname(composeFile), '.env');
  const fromFile = existsSync(envPath) ? parseEnvFile(new SourceFile(envPath, 'env', stripBom(readFileSync(envPath, 'utf8')))).values : {};
  const fromProcess = Object.fromEntries(Object.entries(processEnv).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { ...fromFile, ...fromProcess };
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

/** `build.args` as a list (`[A=1, B]`) or a mapping (`{ A: 1, B: null }`); bare names come from the environment. */
function buildArgsOf(buildNode: YAMLMap, env: Record<string, string>): Record<string, string> {
  const args = buildNode.get('args', true) as Node | undefined;
  const out: Record<string, string> = {};
  const interpolate = (text: string) => interpolateCompose(text, env).value;
  if (isSeq(args)) {
    for (const item of args.items) {
      const text = scalarText(item);
      if (text === null) continue;
      const eq = text.indexOf('=');
      if (eq >= 0) out[text.slice(0, eq)] = interpolate(text.slice(eq + 1));
      else if (env[text] !== undefined) out[text] = env[text]!;
    }
  } else if (isMap(args)) {
    for (const pair of args.items) {
      const name = scalarText(pair.key);
      if (name === null) continue;
      const value = scalarText(pair.value);
      if (value !== null) out[name] = interpolate(value);
      else if (env[name] !== undefined) out[name] = env[name]!;
    }
  }
  return out;
}

function targetOf(service: ComposeService, composeFile: string, env: Record<string, string>): BuildTarget {
  const build = service.build!;
  const buildNode = isMap(build.node) ? build.node : null;
  if (buildNode?.has('dockerfile_inline')) throw new UsageError(`service "${service.name}" uses dockerfile_inline, which verify-cache does not support`);
  if (!build.contextDir || !build.dockerfilePath) {
    const written = scalarText(build.contextNode) ?? '';
    throw new UsageError(`service "${service.name}" builds from a remote context (${interpolateCompose(written, env).value}); verify-cache needs a local directory`);
  }
  if (!existsSync(build.contextDir)) throw new UsageError(`service "${service.name}": build context ${build.contextDir} does not exist`);
  if (!existsSync(build.dockerfilePath)) throw new UsageError(`service "${service.name}": Dockerfile ${build.dockerfilePath} does not exist (${composeFile})`);
  const network = buildNode ? scalarText(buildNode.get('network', true)) : null;
  return {
    name: service.name,
    service: service.name,
    dockerfile: build.dockerfilePath,
    context: build.contextDir,
    target: build.target,
    buildArgs: buildNode ? buildArgsOf(buildNode, env) : {},
    network: network === null ? null : interpolateCompose(network, env).value,
  };
}

/**
 * The build of each service of a compose file (or only `services`), read through the linter's compose
 * model: context, Dockerfile and target resolved against the compose file's directory, variables
 * interpolated. Services without `build:` are left out.
 */
export function composeTargets(composeFile: string, services: string[] = [], processEnv: NodeJS.ProcessEnv = process.env): BuildTarget[] {
  const absolute = path.resolve(composeFile);
  let text: string;
  try {
    text = stripBom(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read compose file ${composeFile}: ${(error as Error).message}`);
  }
  const env = composeEnvironment(absolute, processEnv);
  const model = parseCompose(new SourceFile(absolute, 'compose', text), env);
  const problem = model.problems[0];
  if (problem) throw new UsageError(`${composeFile}:${problem.range.start.line}: ${problem.message}`);
  if (!model.services.length) throw new UsageError(`${composeFile} has no services`);
  const names = model.services.map((service) => service.name);
  for (const name of services) {
    if (!names.includes(name)) throw new UsageError(`service "${name}" is not in ${composeFile} (services: ${names.join(', ')})`);
  }
  const targets: BuildTarget[] = [];
  for (const service of model.services) {
    if (services.length && !services.includes(service.name)) continue;
    if (!service.build) {
      if (services.includes(service.name)) throw new UsageError(`service "${service.name}" has no build section in ${composeFile}`);
      continue;
    }
    targets.push(targetOf(service, composeFile, env));
  }
  if (!targets.length) throw new UsageError(`no service in ${composeFile} has a build section`);
  return targets;
}
