import path from 'node:path';
import type { ComposeOptions, ComposeProject } from '../model/compose-project.js';
import { buildComposeProjectsOnly, type DiscoveredFile, type FileReader } from '../model/project.js';

/**
 * Splitting a run into batches that can be checked apart (in worker threads, in CI shards, or one
 * after the other to bound memory) without changing a finding. A finding on a file may depend on
 * the files listed in dependencies.ts; a *link group* holds a file together with all of them:
 *
 * - a directory's Dockerfiles, compose files and `.env` (units);
 * - a compose project's files (overrides, includes, `extends` files, env files), the directories of
 *   the Dockerfiles its services build and their build contexts;
 * - a script, `.dockerignore` or `.env` with every directory above it that holds a Dockerfile or
 *   is a build context: a build there may copy and run the script.
 *
 * Only the compose files are parsed to find this; Dockerfiles are parsed once, in their batch.
 */

export interface LinkGroup {
  /** The group's first file (absolute path): a stable name for ordering and sharding. */
  key: string;
  files: DiscoveredFile[];
}

export function linkGroups(discovered: DiscoveredFile[], reader: FileReader, cwd: string, compose: ComposeOptions = {}): LinkGroup[] {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short on deep monorepos.
    for (let current = node; current !== root; ) {
      const next = parent.get(current)!;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const rootA = find(a);
    const rootB = find(b);
    // The smaller name wins: the result does not depend on the order links are found in.
    if (rootA < rootB) parent.set(rootB, rootA);
    else if (rootB < rootA) parent.set(rootA, rootB);
  };

  // Build contexts: a Dockerfile's directory (built on its own) and the contexts compose services name.
  const anchors = new Set<string>();
  for (const file of discovered) if (file.kind === 'dockerfile') anchors.add(path.dirname(file.path));
  const composeFiles = discovered.filter((file) => file.kind === 'compose');
  if (composeFiles.length) {
    for (const project of composeProjectsInChunks(composeFiles, reader, cwd, compose)) {
      const members = [...project.files, ...project.included, ...project.environmentFiles].map((model) => path.dirname(model.file.path));
      for (const service of project.services) {
        const build = service.build;
        if (build?.contextDir) {
          members.push(build.contextDir);
          anchors.add(build.contextDir);
        }
        if (build?.dockerfilePath) members.push(path.dirname(build.dockerfilePath));
      }
      for (const member of members) union(members[0]!, member);
    }
  }
  for (const set of compose.fileSets ?? []) for (const file of set) union(path.dirname(set[0]!), path.dirname(file));
  for (const file of discovered) {
    if (file.kind === 'dockerfile' || file.kind === 'compose') continue;
    const directory = path.dirname(file.path);
    for (let current = directory; ; current = path.dirname(current)) {
      if (anchors.has(current)) union(directory, current);
      if (path.dirname(current) === current) break;
    }
  }

  const groups = new Map<string, DiscoveredFile[]>();
  for (const file of discovered) {
    const root = find(path.dirname(file.path));
    const members = groups.get(root) ?? [];
    members.push(file);
    groups.set(root, members);
  }
  return [...groups.values()]
    .map((files) => {
      const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { key: sorted[0]!.path, files: sorted };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Compose directories parsed at a time: a chunk's models are garbage before the next chunk is
 * parsed, which bounds memory on a large tree (1,000 compose projects at once kept >100 MB alive).
 * Projects are per directory (compose-projects.ts), so the chunks give the same projects; explicit
 * file sets can span directories, and are built in one go.
 */
const COMPOSE_DIRECTORIES_PER_CHUNK = 64;

function* composeProjectsInChunks(composeFiles: DiscoveredFile[], reader: FileReader, cwd: string, compose: ComposeOptions): Generator<ComposeProject> {
  if (compose.fileSets?.length) {
    yield* buildComposeProjectsOnly(composeFiles, reader, cwd, compose);
    return;
  }
  const byDirectory = new Map<string, DiscoveredFile[]>();
  for (const file of composeFiles) byDirectory.set(path.dirname(file.path), [...(byDirectory.get(path.dirname(file.path)) ?? []), file]);
  const directories = [...byDirectory.values()];
  for (let start = 0; start < directories.length; start += COMPOSE_DIRECTORIES_PER_CHUNK) {
    yield* buildComposeProjectsOnly(directories.slice(start, start + COMPOSE_DIRECTORIES_PER_CHUNK).flat(), reader, cwd, compose);
  }
}

/** Merge the groups holding any of `paths` into one (a link found only while checking). */
export function mergeGroups(groups: LinkGroup[], paths: string[][]): LinkGroup[] {
  const owner = new Map<string, number>();
  groups.forEach((group, index) => group.files.forEach((file) => owner.set(file.path, index)));
  const into = groups.map((_, index) => index);
  const find = (index: number): number => (into[index] === index ? index : (into[index] = find(into[index]!)));
  for (const linked of paths) {
    const indices = linked.map((file) => owner.get(file)).filter((index): index is number => index !== undefined);
    for (const index of indices) {
      const a = find(indices[0]!);
      const b = find(index);
      if (a !== b) into[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const merged = new Map<number, DiscoveredFile[]>();
  groups.forEach((group, index) => merged.set(find(index), [...(merged.get(find(index)) ?? []), ...group.files]));
  return [...merged.values()]
    .map((files) => {
      const sorted = files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { key: sorted[0]!.path, files: sorted };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Consecutive groups packed into batches of at least `size` files (a group is never split). */
export function packBatches(groups: LinkGroup[], size: number): DiscoveredFile[][] {
  const batches: DiscoveredFile[][] = [];
  let current: DiscoveredFile[] = [];
  for (const group of groups) {
    current.push(...group.files);
    if (current.length >= size) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/** `--shard i/n`: 1 ≤ i ≤ n. Throws an Error whose message says what is accepted. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes i/n with 1 <= i <= n (for example --shard 2/4), got "${text}"`);
  }
  return { index, count };
}

/**
 * The groups of shard i of n: the sorted groups cut into n consecutive runs of about equal file
 * counts. Every machine of a CI matrix sees the same checkout, so each computes the same cut.
 */
export function shardGroups(groups: LinkGroup[], shard: Shard): LinkGroup[] {
  const total = groups.reduce((sum, group) => sum + group.files.length, 0);
  const picked: LinkGroup[] = [];
  let before = 0;
  for (const group of groups) {
    // A group belongs to the shard its middle file falls in.
    const middle = before + group.files.length / 2;
    const owner = Math.min(shard.count - 1, Math.floor((middle * shard.count) / Math.max(1, total)));
    if (owner === shard.index - 1) picked.push(group);
    before += group.files.length;
  }
  return picked;
}
