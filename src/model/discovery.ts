import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { classifyFile, type DiscoveredFile } from './project.js';

export interface DiscoveryOptions {
  cwd: string;
  /** Globs (relative to cwd) to leave out, from config `ignore`. */
  ignoreGlobs: string[];
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Paths given on the command line that do not exist or cannot be read. */
  errors: { path: string; message: string }[];
}

const ALWAYS_SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Walk the given paths for Dockerfiles, compose files, ignore files, scripts and .env files,
 * honouring every .gitignore on the way (with `ignore`, the matcher ESLint uses) and the config's
 * ignore globs. Symbolic links to directories are not followed, so link loops cannot hang a run.
 * Files named explicitly are always checked, classified by name (pre-commit passes file lists).
 */
export function discoverFiles(paths: string[], options: DiscoveryOptions): DiscoveryResult {
  const files = new Map<string, DiscoveredFile>();
  const errors: DiscoveryResult['errors'] = [];
  const isIgnoredByConfig = (absolutePath: string) => {
    const relative = path.relative(options.cwd, absolutePath).split(path.sep).join('/');
    return options.ignoreGlobs.some((glob) => minimatch(relative, glob, { dot: true }) || minimatch(relative, `${glob.replace(/\/$/, '')}/**`, { dot: true }));
  };
  for (const given of paths.length ? paths : ['.']) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      errors.push({ path: given, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message });
      continue;
    }
    if (stat.isFile()) {
      const kind = classifyFile(path.basename(absolute)) ?? guessKind(absolute);
      files.set(absolute, { path: absolute, kind });
      continue;
    }
    walk(absolute, gitignoresAbove(absolute), files, isIgnoredByConfig);
  }
  return { files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), errors };
}

/** The names `docker compose` looks for when no `-f` is given. */
const DEFAULT_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * Compose files on disk that may build the given Dockerfiles: the default compose file names in each
 * Dockerfile's directory and in every directory above it, up to `cwd`. pre-commit passes only the
 * staged files; the service that targets a stage or sets the build context must still be known, so
 * these are read as context (checked only when named too).
 */
export function composeFilesAround(files: DiscoveredFile[], cwd: string): DiscoveredFile[] {
  const found = new Map<string, DiscoveredFile>();
  const visited = new Set<string>();
  const root = path.resolve(cwd);
  for (const file of files) {
    if (file.kind !== 'dockerfile') continue;
    let directory = path.dirname(file.path);
    const inside = (dir: string) => dir === root || dir.startsWith(`${root}${path.sep}`);
    // Outside cwd only the Dockerfile's own directory is looked at.
    for (let first = true; first || inside(directory); first = false) {
      if (visited.has(directory)) break;
      visited.add(directory);
      for (const name of DEFAULT_COMPOSE_NAMES) {
        const candidate = path.join(directory, name);
        // Regular files only, as the directory walk takes them (a FIFO would block the read).
        if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) found.set(candidate, { path: candidate, kind: 'compose' });
      }
      const parent = path.dirname(directory);
      if (parent === directory || directory === root) break;
      directory = parent;
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface ScopedIgnore {
  directory: string;
  matcher: Ignore;
}

function walk(directory: string, scopes: ScopedIgnore[], out: Map<string, DiscoveredFile>, isIgnoredByConfig: (absolutePath: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  const local = readGitignore(directory);
  const active = local ? [...scopes, local] : scopes;
  for (const entry of entries) {
    const absolute = path.join(directory, entry.name);
    const isDirectory = entry.isDirectory();
    if (isDirectory && ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) continue;
    if (isGitIgnored(absolute, isDirectory, active) || isIgnoredByConfig(absolute)) continue;
    if (isDirectory) walk(absolute, active, out, isIgnoredByConfig);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const kind = classifyFile(entry.name);
      if (kind && (!entry.isSymbolicLink() || isRegularFile(absolute))) out.set(absolute, { path: absolute, kind });
    }
  }
}

function isRegularFile(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isFile();
  } catch {
    return false;
  }
}

function readGitignore(directory: string): ScopedIgnore | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { directory, matcher: ignore().add(text) };
}

function isGitIgnored(absolute: string, isDirectory: boolean, scopes: ScopedIgnore[]): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.directory, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (scope.matcher.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** .gitignore files between the repository root (the nearest `.git`) and a starting directory. */
function gitignoresAbove(start: string): ScopedIgnore[] {
  const chain: string[] = [];
  let current = path.dirname(start);
  while (true) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
  return chain.map(readGitignore).filter((scope): scope is ScopedIgnore => scope !== null);
}

function guessKind(absolute: string): DiscoveredFile['kind'] {
  if (/\.ya?ml$/i.test(absolute)) return 'compose';
  return 'dockerfile';
}
