import path from 'node:path';
import type { FileKind } from '../model/source.js';
import type { Project } from '../model/project.js';

/**
 * Which files the findings on each file may depend on: the contract that lets `check --cache`
 * re-check only what an edit can affect. A cross-file rule may read, for a finding on file F:
 *
 * - F's *unit*: the compose files and `.env` of F's directory when F is one of them (override
 *   files merge, interpolation reads `.env`); the Dockerfiles of F's directory when F is a
 *   Dockerfile (`Dockerfile` beside `Dockerfile.dev`);
 * - every file built together with a unit member: each build target's Dockerfile, compose file,
 *   `.dockerignore` (and the ignore-file paths that were looked for but are absent) and scripts;
 * - for a compose file, the Dockerfile paths its services name, even when they do not exist yet.
 *
 * The relation is made symmetric, so a change on either side re-checks both. Absent paths are
 * kept as dependencies: creating the file later invalidates whoever looked for it. A rule that
 * reaches further than this must widen the relation here, or cached results go stale.
 */
export function fileDependencies(project: Project, discovered: { path: string; kind: FileKind }[]): Map<string, Set<string>> {
  const kinds = new Map<string, FileKind>();
  for (const entry of discovered) kinds.set(entry.path, entry.kind);
  for (const [file, model] of project.files) kinds.set(file, model.kind);

  // Files that are read together with a file: its build targets, its compose file's Dockerfile paths and .env.
  const direct = new Map<string, Set<string>>();
  const relate = (members: string[]) => {
    for (const member of members) {
      const set = direct.get(member) ?? new Set<string>();
      for (const other of members) set.add(other);
      direct.set(member, set);
    }
  };
  for (const target of project.buildTargets) {
    const dockerfile = target.dockerfile.file.path;
    relate([
      dockerfile,
      `${dockerfile}.dockerignore`,
      path.join(target.contextDir, '.dockerignore'),
      ...(target.dockerignore ? [target.dockerignore.file.path] : []),
      ...(target.service ? [target.service.compose.file.path] : []),
      ...target.scripts.map((use) => use.script.file.path),
    ]);
  }
  for (const compose of project.composeFiles) {
    const own = compose.file.path;
    relate([own, path.join(path.dirname(own), '.env')]);
    for (const service of compose.services) if (service.build?.dockerfilePath) relate([own, service.build.dockerfilePath]);
  }

  // Units: compose files + .env of a directory; Dockerfiles of a directory.
  const unitKey = (file: string): string | null => {
    const kind = kinds.get(file);
    if (kind === 'compose' || kind === 'env') return `compose\0${path.dirname(file)}`;
    if (kind === 'dockerfile') return `dockerfile\0${path.dirname(file)}`;
    return null;
  };
  const units = new Map<string, string[]>();
  for (const file of kinds.keys()) {
    const key = unitKey(file);
    if (key) units.set(key, [...(units.get(key) ?? []), file]);
  }

  const dependencies = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const set = dependencies.get(from) ?? new Set<string>();
    set.add(to);
    dependencies.set(from, set);
  };
  for (const file of kinds.keys()) {
    const key = unitKey(file);
    const unit = key ? units.get(key)! : [file];
    for (const member of unit) {
      add(file, member);
      for (const linked of direct.get(member) ?? []) add(file, linked);
    }
  }
  for (const [file, set] of [...dependencies]) for (const other of set) add(other, file);
  return dependencies;
}
