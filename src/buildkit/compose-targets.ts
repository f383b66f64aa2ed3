import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { interpolateCompose } from '../model/compose.js';
import { UsageError, type BuildTarget } from './build-target.js';

interface ComposeBuild {
  context?: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  target?: string;
  args?: Record<string, string | number | null> | string[];
  network?: string;
}

/** Compose interpolation (the engine's), against the variables compose itself would see. */
function interpolate(text: string, env: NodeJS.ProcessEnv): string {
  return interpolateCompose(text, env as Record<string, string>).value;
}

function argsOf(args: ComposeBuild['args'], env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(args)) {
    for (const item of args) {
      const text = String(item);
      const eq = text.indexOf('=');
      if (eq >= 0) out[text.slice(0, eq)] = interpolate(text.slice(eq + 1), env);
      else if (env[text] !== undefined) out[text] = env[text]!;
    }
  } else if (args) {
    for (const [name, value] of Object.entries(args)) {
      if (value === null) {
        if (env[name] !== undefined) out[name] = env[name]!;
      } else out[name] = interpolate(String(value), env);
    }
  }
  return out;
}

/**
 * The build of each service of a compose file (or only `services`): context, Dockerfile and target
 * resolved against the compose file's directory. Services without `build:` are left out.
 */
export function composeTargets(composeFile: string, services: string[] = [], env: NodeJS.ProcessEnv = process.env): BuildTarget[] {
  let document: unknown;
  try {
    document = parse(readFileSync(composeFile, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read compose file ${composeFile}: ${(error as Error).message.split('\n')[0]}`);
  }
  const declared = (document as { services?: Record<string, { build?: string | ComposeBuild } | null> } | null)?.services;
  if (!declared || typeof declared !== 'object') throw new UsageError(`${composeFile} has no services`);
  for (const name of services) {
    if (!(name in declared)) throw new UsageError(`service "${name}" is not in ${composeFile} (services: ${Object.keys(declared).join(', ')})`);
  }
  const baseDir = path.dirname(path.resolve(composeFile));
  const targets: BuildTarget[] = [];
  for (const [name, service] of Object.entries(declared)) {
    if (services.length && !services.includes(name)) continue;
    const build = service?.build;
    if (build === undefined || build === null) {
      if (services.includes(name)) throw new UsageError(`service "${name}" has no build section in ${composeFile}`);
      continue;
    }
    const spec: ComposeBuild = typeof build === 'string' ? { context: build } : build;
    if (spec.dockerfile_inline !== undefined) throw new UsageError(`service "${name}" uses dockerfile_inline, which verify-cache does not support`);
    const contextText = interpolate(spec.context ?? '.', env);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextText) || contextText.startsWith('git@')) {
      throw new UsageError(`service "${name}" builds from a remote context (${contextText}); verify-cache needs a local directory`);
    }
    const context = path.resolve(baseDir, contextText);
    const dockerfile = path.resolve(context, interpolate(spec.dockerfile ?? 'Dockerfile', env));
    if (!existsSync(context)) throw new UsageError(`service "${name}": build context ${context} does not exist`);
    if (!existsSync(dockerfile)) throw new UsageError(`service "${name}": Dockerfile ${dockerfile} does not exist`);
    targets.push({
      name,
      service: name,
      dockerfile,
      context,
      target: spec.target ? interpolate(spec.target, env) : null,
      buildArgs: argsOf(spec.args, env),
      network: spec.network ? interpolate(spec.network, env) : null,
    });
  }
  if (!targets.length) throw new UsageError(`no service in ${composeFile} has a build section`);
  return targets;
}
