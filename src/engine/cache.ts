import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../config/config.js';
import { ConfigResolver } from '../config/resolver.js';
import { discoverFiles } from '../model/discovery.js';
import { ParseCache } from '../model/parse-cache.js';
import { buildProject, type DiscoveredFile } from '../model/project.js';
import { toDisplayPath } from '../model/source.js';
import { toolVersion } from '../version.js';
import { fileDependencies } from './dependencies.js';
import { compareFindings, lint, type LintOptions, type LintResult } from './lint.js';
import type { Finding, Rule } from './types.js';

export const DEFAULT_CACHE_FILE = '.docker-policy-cache';
const FORMAT = 1;
/** Rounds of widening the re-checked set before giving up and checking everything. */
const MAX_ROUNDS = 4;

export interface ResultCacheOptions {
  /** Cache file, or a directory to put `.docker-policy-cache` in (default: the current directory). */
  location?: string;
  /** Called for every file parsed: tests prove unchanged files are not parsed again. */
  onParse?: (absolutePath: string) => void;
  /** Tool version the results belong to (default: this package's); another version invalidates the cache. */
  version?: string;
}

export interface CacheStats {
  /** `loaded`: a usable cache; `missing`, `corrupt` or `stale` (other version, config or rule set): rebuilt. */
  status: 'loaded' | 'missing' | 'corrupt' | 'stale';
  location: string;
  files: number;
  /** Files whose findings were computed in this run (the rest came from the cache). */
  rechecked: number;
  parsed: number;
  /** Set when the cache could not be written (the run's findings are still complete). */
  writeError?: string;
}

export interface CachedLintResult extends LintResult {
  cache: CacheStats;
}

interface CacheEntry {
  /** Hash of the configuration that applies to the file. */
  config: string;
  /** Indices into `paths` of the files the findings depended on. */
  deps: number[];
  findings: Finding[];
}

interface CacheFile {
  format: number;
  /** Tool version, working directory, root configuration and rule set: any change drops the cache. */
  key: string;
  /** Every path the entries mention, relative to the working directory, with its content hash (null: absent). */
  paths: string[];
  hashes: (string | null)[];
  /** By index into `paths`. */
  files: Record<string, CacheEntry>;
}

/**
 * `check --cache`: like ESLint's cache, skip files whose content, configuration and tool version
 * are unchanged since the last run, and reuse their findings. Cross-file rules stay correct: each
 * file's entry lists the files its findings depended on (see dependencies.ts) with their content
 * hashes, so an edit to a linked file re-checks the dependent file too. Content hashes rather
 * than modification times, because CI checkouts give every file a new mtime.
 */
export async function lintWithCache(options: LintOptions, cacheOptions: ResultCacheOptions = {}): Promise<CachedLintResult> {
  const started = performance.now();
  const cwd = options.cwd;
  const location = cacheFilePath(cwd, cacheOptions.location);
  const resolver = new ConfigResolver(options.rules, { cwd, configPath: options.configPath, cliRules: options.cliRules });
  const rootConfig = await resolver.forDirectory(cwd);
  const discovery = discoverFiles(options.paths, { cwd, ignoreGlobs: rootConfig.ignore });
  const discovered = discovery.files;
  const discoveredPaths = new Set(discovered.map((file) => file.path));
  const configKeys = new Map<string, string>();
  for (const file of discovered) configKeys.set(file.path, hash(configFingerprint(await resolver.forFile(file.path))));
  const key = hash(JSON.stringify([FORMAT, cacheOptions.version ?? toolVersion(), cwd, options.configPath ?? null, options.cliRules ?? {}, configFingerprint(rootConfig), ruleSetFingerprint(resolver.rules)]));

  const contentHashes = new Map<string, string | null>();
  const hashOf = (absolute: string): string | null => {
    if (!contentHashes.has(absolute)) contentHashes.set(absolute, contentHash(absolute, options.overlays));
    return contentHashes.get(absolute)!;
  };
  const relative = (absolute: string) => toDisplayPath(absolute, cwd);
  const absolute = (shown: string) => path.resolve(cwd, shown);

  const loaded = readCacheFile(location);
  const status: CacheStats['status'] = loaded === 'missing' ? 'missing' : loaded === 'corrupt' ? 'corrupt' : loaded.key !== key ? 'stale' : 'loaded';
  const stored = status === 'loaded' ? (loaded as CacheFile) : null;
  const storedEntry = (file: string) => stored?.files[relative(file)];
  const storedDeps = (entry: CacheEntry) => entry.deps.map((index) => absolute(stored!.paths[index]!));
  const storedHash = new Map<string, string | null>();
  stored?.paths.forEach((shown, index) => storedHash.set(absolute(shown), stored.hashes[index] ?? null));

  const dirty = new Set<string>();
  for (const file of discovered) {
    const entry = storedEntry(file.path);
    const unchanged =
      // A file that cannot be read (hash null) is always re-checked, so its read error is reported every run.
      entry && entry.config === configKeys.get(file.path) && hashOf(file.path) !== null && storedHash.get(file.path) === hashOf(file.path) && storedDeps(entry).every((dep) => storedHash.get(dep) === hashOf(dep));
    if (!unchanged) dirty.add(file.path);
  }
  // A file that is no longer checked (deleted, or ignored now) changes what its neighbours see.
  for (const [shown, entry] of Object.entries(stored?.files ?? {})) {
    if (discoveredPaths.has(absolute(shown))) continue;
    for (const dep of storedDeps(entry)) if (discoveredPaths.has(dep)) dirty.add(dep);
  }

  const parseCache = new ParseCache(cacheOptions.onParse);
  const siblings = siblingIndex(discovered);
  let result: LintResult | null = null;
  let dependencies = new Map<string, Set<string>>();
  for (let round = 0; dirty.size; round++) {
    if (round === MAX_ROUNDS) for (const file of discoveredPaths) dirty.add(file);
    // Everything a re-checked file may read must be in the model: its old and new neighbours.
    const context = new Set(dirty);
    for (const file of dirty) {
      const entry = storedEntry(file);
      const neighbours = [...(entry ? storedDeps(entry) : []), ...(dependencies.get(file) ?? []), ...(siblings.get(path.dirname(file)) ?? [])];
      for (const neighbour of neighbours) if (discoveredPaths.has(neighbour)) context.add(neighbour);
    }
    result = await lint({ ...options, stdin: undefined, paths: [...context].sort(), parseCache });
    dependencies = fileDependencies(result.project, discovered);
    // A relation that did not exist last time (a compose file now builds this Dockerfile, a new
    // sibling): the other side has not seen it yet, so it is re-checked too.
    let grew = false;
    for (const file of [...dirty]) {
      const entry = storedEntry(file);
      const known = new Set(entry ? storedDeps(entry) : []);
      for (const dep of dependencies.get(file) ?? []) {
        if (discoveredPaths.has(dep) && !dirty.has(dep) && !known.has(dep)) {
          dirty.add(dep);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }

  const fresh = new Map<string, Finding[]>();
  for (const finding of result?.findings ?? []) fresh.set(finding.file, [...(fresh.get(finding.file) ?? []), finding]);
  const findings: Finding[] = [];
  const entries = new Map<string, { config: string; deps: string[]; findings: Finding[] }>();
  for (const file of discovered) {
    const shown = relative(file.path);
    const entry = storedEntry(file.path);
    const own = dirty.has(file.path) || !entry ? fresh.get(shown) ?? [] : entry.findings;
    const deps = dirty.has(file.path) || !entry ? [...(dependencies.get(file.path) ?? [])] : storedDeps(entry);
    findings.push(...own);
    entries.set(file.path, { config: configKeys.get(file.path)!, deps, findings: own });
  }
  findings.sort(compareFindings);

  const internalErrors = result?.internalErrors ?? [];
  const stats: CacheStats = { status, location, files: discovered.length, rechecked: dirty.size, parsed: parseCache.parsed };
  // A run where a rule crashed must not hide the crash behind cached results next time.
  // Nothing re-checked and the same files as last time: the cache on disk is already exact.
  const unchanged = status === 'loaded' && dirty.size === 0 && Object.keys(stored!.files).length === discovered.length;
  if (!internalErrors.length && !unchanged) {
    try {
      writeCacheFile(location, key, entries, hashOf, relative);
    } catch (error) {
      stats.writeError = (error as Error).message;
    }
  }
  return {
    findings,
    filesChecked: discovered.length,
    durationMs: Math.round(performance.now() - started),
    internalErrors,
    pathErrors: [
      ...discovery.errors.map((error) => ({ path: toDisplayPath(path.resolve(cwd, error.path), cwd), message: error.message })),
      // Files found but unreadable (the discovery errors come back from lint too: not twice).
      ...(result?.pathErrors ?? []).filter((error) => !discovery.errors.some((known) => toDisplayPath(path.resolve(cwd, known.path), cwd) === error.path)),
    ],
    project: result?.project ?? buildProject([], { read: () => null }, cwd),
    failureThreshold: rootConfig.failureThreshold,
    cache: stats,
  };
}

export function cacheFilePath(cwd: string, location?: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isDirectory = /[\\/]$/.test(location) || safeIsDirectory(resolved);
  return isDirectory ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

function safeIsDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function contentHash(file: string, overlays: Map<string, string> | undefined): string | null {
  const overlay = overlays?.get(file);
  if (overlay !== undefined) return hash(overlay);
  try {
    // Only regular files: reading a FIFO would block forever.
    if (!fs.statSync(file).isFile()) return null;
    return hash(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function configFingerprint(config: ResolvedConfig): string {
  return JSON.stringify({ rules: [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), settings: config.settings, ignore: config.ignore });
}

/** Rule IDs and, for plugins, their code: editing a local plugin invalidates the cache too. */
function ruleSetFingerprint(rules: Rule[]): string {
  return rules.map((rule) => `${rule.meta.id}:${hash(String(rule.check))}`).join(',');
}

/** Discovered Dockerfiles, compose files and .env files by directory: the units of dependencies.ts. */
function siblingIndex(discovered: DiscoveredFile[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const file of discovered) {
    if (file.kind !== 'dockerfile' && file.kind !== 'compose' && file.kind !== 'env') continue;
    const directory = path.dirname(file.path);
    index.set(directory, [...(index.get(directory) ?? []), file.path]);
  }
  return index;
}

function readCacheFile(location: string): CacheFile | 'missing' | 'corrupt' {
  let text: string;
  try {
    text = fs.readFileSync(location, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    const valid =
      data &&
      data.format === FORMAT &&
      typeof data.key === 'string' &&
      Array.isArray(data.paths) &&
      Array.isArray(data.hashes) &&
      data.paths.length === data.hashes.length &&
      data.files &&
      typeof data.files === 'object' &&
      Object.values(data.files).every(
        (entry) =>
          entry &&
          typeof entry.config === 'string' &&
          Array.isArray(entry.deps) &&
          entry.deps.every((index) => Number.isInteger(index) && index >= 0 && index < data.paths.length) &&
          Array.isArray(entry.findings) &&
          entry.findings.every(isFinding),
      );
    return valid ? data : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

function isFinding(value: unknown): value is Finding {
  const finding = value as Finding;
  return (
    !!finding &&
    typeof finding.ruleId === 'string' &&
    typeof finding.file === 'string' &&
    typeof finding.message === 'string' &&
    ['error', 'warning', 'info'].includes(finding.severity) &&
    [finding.line, finding.column, finding.endLine, finding.endColumn].every(Number.isInteger) &&
    Array.isArray(finding.aliases)
  );
}

function writeCacheFile(
  location: string,
  key: string,
  entries: Map<string, { config: string; deps: string[]; findings: Finding[] }>,
  hashOf: (absolute: string) => string | null,
  relative: (absolute: string) => string,
): void {
  const paths: string[] = [];
  const hashes: (string | null)[] = [];
  const indices = new Map<string, number>();
  const indexOf = (file: string) => {
    let index = indices.get(file);
    if (index === undefined) {
      index = paths.length;
      indices.set(file, index);
      paths.push(relative(file));
      hashes.push(hashOf(file));
    }
    return index;
  };
  const files: Record<string, CacheEntry> = {};
  for (const [file, entry] of entries) {
    indexOf(file);
    files[relative(file)] = { config: entry.config, deps: entry.deps.map(indexOf), findings: entry.findings };
  }
  const data: CacheFile = { format: FORMAT, key, paths, hashes, files };
  fs.mkdirSync(path.dirname(location), { recursive: true });
  // Write then rename: an interrupted run leaves the old cache or the new one, never half a file.
  const temporary = `${location}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(data));
  fs.renameSync(temporary, location);
}
