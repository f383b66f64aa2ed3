import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, lstatSync, mkdirSync, copyFileSync, symlinkSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDockerignore, type DockerignoreModel } from '../model/dockerignore.js';
import { SourceFile } from '../model/source.js';
import type { BuildTarget } from './build-target.js';

/**
 * A temporary copy of every build context, so the scenarios can edit files without touching the
 * user's working tree. Only what the build would send is copied (`.dockerignore` applies).
 */
export interface Workspace {
  root: string;
  /** The targets with paths into the copy. */
  targets: BuildTarget[];
  /** The ignore rules of each copied context. */
  ignoreOf(target: BuildTarget): DockerignoreModel | null;
  /** Files of a target's context in the copy, relative, POSIX separators, ignored ones left out. */
  contextFiles(target: BuildTarget): string[];
  remove(): void;
}

/** `Dockerfile.dockerignore` next to the Dockerfile wins over the context's `.dockerignore`, as in BuildKit. */
function dockerignoreFor(dockerfile: string, context: string): DockerignoreModel | null {
  for (const candidate of [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')]) {
    if (existsSync(candidate)) return parseDockerignore(new SourceFile(candidate, 'dockerignore', readFileSync(candidate, 'utf8')));
  }
  return null;
}

function listFiles(dir: string, ignore: DockerignoreModel | null, prefix = ''): string[] {
  const files: string[] = [];
  const canPrune = !ignore?.patterns.some((pattern) => pattern.negated);
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const ignored = ignore?.ignores(relative) ?? false;
    if (entry.isDirectory()) {
      // Without `!` exceptions an ignored directory holds nothing the build sees: skip it whole (node_modules).
      if (ignored && canPrune) continue;
      files.push(...listFiles(dir, ignore, relative));
    } else if (!ignored) files.push(relative);
  }
  return files;
}

function copyEntry(from: string, to: string): void {
  const stat = lstatSync(from);
  mkdirSync(path.dirname(to), { recursive: true });
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else if (stat.isFile()) {
    copyFileSync(from, to);
    chmodSync(to, stat.mode & 0o7777);
  }
}

export function createWorkspace(targets: BuildTarget[], options: { prefix?: string } = {}): Workspace {
  const root = mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'docker-policy-verify-cache-'));
  const copies = new Map<string, string>();
  const ignores = new Map<string, DockerignoreModel | null>();
  const copied: BuildTarget[] = [];
  try {
    targets.forEach((target, index) => {
      let context = copies.get(target.context);
      const ignore = dockerignoreFor(target.dockerfile, target.context);
      if (!context) {
        context = path.join(root, 'contexts', `${copies.size}-${path.basename(target.context) || 'root'}`);
        mkdirSync(context, { recursive: true });
        for (const file of listFiles(target.context, ignore)) copyEntry(path.join(target.context, file), path.join(context, file));
        copies.set(target.context, context);
      }
      const inContext = path.relative(target.context, target.dockerfile);
      let dockerfile: string;
      if (!inContext.startsWith('..') && !path.isAbsolute(inContext)) {
        dockerfile = path.join(context, inContext);
        // An ignored Dockerfile is still sent to the builder; the copy needs it too.
        if (!existsSync(dockerfile)) copyEntry(target.dockerfile, dockerfile);
      } else {
        dockerfile = path.join(root, 'dockerfiles', `${index}-${path.basename(target.dockerfile)}`);
        copyEntry(target.dockerfile, dockerfile);
        if (existsSync(`${target.dockerfile}.dockerignore`)) copyEntry(`${target.dockerfile}.dockerignore`, `${dockerfile}.dockerignore`);
      }
      const copy = { ...target, context, dockerfile };
      ignores.set(copy.name, ignore);
      copied.push(copy);
    });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    targets: copied,
    ignoreOf: (target) => ignores.get(target.name) ?? null,
    contextFiles: (target) => listFiles(target.context, ignores.get(target.name) ?? null).sort(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Whitespace that is different on every call: appended to a file it changes the content (and so
 * BuildKit's cache key) without changing what JSON, requirements files, go.mod or source code mean.
 * The same edit twice would hit the cache from an earlier run, so each edit must be new.
 */
export function uniqueWhitespace(): string {
  const token = `${Date.now().toString(2)}${Math.floor(Math.random() * 2 ** 20).toString(2)}`;
  // One line per bit, of one or two spaces: blank lines to every format that cares.
  return `${[...token].map((bit) => (bit === '0' ? '\n ' : '\n  ')).join('')}\n`;
}

/** Append to a file and return a function that restores it byte for byte. */
export function appendToFile(file: string, text: string): () => void {
  const original = readFileSync(file);
  writeFileSync(file, Buffer.concat([original, Buffer.from(text)]));
  return () => writeFileSync(file, original);
}
