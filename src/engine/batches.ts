import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeOptionsFor } from '../config/compose-settings.js';
import { ConfigResolver } from '../config/resolver.js';
import type { ComposeOptions } from '../model/compose-project.js';
import { discoverFiles } from '../model/discovery.js';
import { buildProject, type DiscoveredFile } from '../model/project.js';
import { toDisplayPath } from '../model/source.js';
import { LintWorkers, WORKER_HEAP_MB } from './batch-workers.js';
import { addComposeFileSets, checkableFileReader, compareFindings, lint, type InternalError, type LintOptions, type LintResult } from './lint.js';
import { linkGroups, mergeGroups, packBatches, shardGroups, type LinkGroup, type Shard } from './partition.js';
import { mergeNotices, type LintNotice } from './shellcheck.js';
import type { Finding } from './types.js';

/**
 * `check` on many files: the files are split into link groups (partition.ts), packed into batches
 * of about BATCH_FILES files and each batch is linted on its own, one after the other or in worker
 * threads. Memory stays bounded by a batch, and the report is the same whichever way the batches
 * ran: results are merged in batch order and sorted.
 */

/**
 * Files per batch: large enough that a batch shares ShellCheck processes and outweighs starting a
 * worker (~0.3 s of CPU to load the rules, against ~1.5 s to check 300 files of the synthetic
 * monorepo), small enough to bound memory. Worker threads start only when there is more than a batch of files.
 */
export const BATCH_FILES = 300;

export interface BatchRunOptions {
  /** Worker threads checking at once; undefined: one per core, up to 4. */
  jobs?: number;
  shard?: Shard;
  /** Files per batch (tests make it small to force many batches). */
  batchFiles?: number;
  /** Old-generation cap of each worker thread's heap in MB (WORKER_HEAP_MB; tests make it tiny). */
  workerHeapMb?: number;
}

/** What a batch needs, as data a worker thread can receive. */
export type BatchRequest = Pick<LintOptions, 'cwd' | 'configPath' | 'cliRules' | 'configLayer' | 'hadolintPragmas' | 'compose' | 'shellcheckProcesses'> & { files: DiscoveredFile[] };

export interface BatchResult {
  findings: Finding[];
  filesChecked: number;
  internalErrors: InternalError[];
  notices: LintNotice[];
  /** Files the batch found but could not read (display paths). */
  readErrors: LintResult['pathErrors'];
  checkedFiles: string[];
  /** Files the batch read besides its own (links it followed); a discovered one means two groups are linked. */
  loaded: string[];
}

/** What link groups need, as data a worker thread can receive. */
export interface PartitionRequest {
  discovered: DiscoveredFile[];
  cwd: string;
  compose: ComposeOptions;
}

/** The link groups of a run: every compose file is parsed, so in a worker the garbage goes with the thread's heap. */
export function partitionFiles({ discovered, cwd, compose }: PartitionRequest): LinkGroup[] {
  return linkGroups(discovered, checkableFileReader, cwd, compose);
}

/** What stays in this thread: the rules (plugins are functions) and an injected shellcheck runner. */
type LocalOptions = Pick<LintOptions, 'rules' | 'shellcheckRunner'>;

export async function lintBatch(request: BatchRequest, local: LocalOptions): Promise<BatchResult> {
  const result = await lint({ ...request, ...local, paths: [] });
  // Context compose files (those above a Dockerfile) are not links: a compose file that builds the
  // Dockerfile is in its group already, and counting the others merged most of a tree into one group.
  const own = new Set([...request.files.map((file) => file.path), ...(result.contextFiles ?? [])]);
  return {
    findings: result.findings,
    filesChecked: result.filesChecked,
    internalErrors: result.internalErrors,
    notices: result.notices ?? [],
    readErrors: result.pathErrors,
    checkedFiles: result.checkedFiles ?? [],
    loaded: [...result.project.files.keys()].filter((file) => !own.has(file)),
  };
}

export async function lintInBatches(options: LintOptions, run: BatchRunOptions = {}): Promise<LintResult> {
  const started = performance.now();
  const { cwd } = options;
  const resolver = new ConfigResolver(options.rules, { cwd, configPath: options.configPath, cliRules: options.cliRules, layer: options.configLayer });
  const rootConfig = await resolver.forDirectory(cwd);
  const discovery = discoverFiles(options.paths, { cwd, ignoreGlobs: rootConfig.ignore });
  const composeOptions = composeOptionsFor(rootConfig, options.compose ?? {}, cwd);
  const discovered = discovery.files;
  addComposeFileSets(discovered, composeOptions.fileSets);
  const pathErrors = discovery.errors.map((error) => ({ path: toDisplayPath(path.resolve(cwd, error.path), cwd), message: error.message }));

  // DOCKER_POLICY_BATCH_FILES: small batches let tests run a fixture set through the worker threads.
  const size = run.batchFiles ?? (Number(process.env.DOCKER_POLICY_BATCH_FILES) || BATCH_FILES);
  // Few files and no shard: one batch, the plain run (its project model is kept for the formatters).
  if (!run.shard && discovered.length <= size) {
    const result = await lint({ ...options, files: discovered });
    return { ...result, pathErrors: [...pathErrors, ...result.pathErrors], durationMs: Math.round(performance.now() - started) };
  }
  const jobs = run.jobs ?? Math.min(4, os.availableParallelism());
  // Worker threads when there is more than a batch of files, even with --jobs 1: a worker's heap is
  // capped (batch-workers.ts), while this thread's heap grew to ~300 MB of garbage between full
  // collections. The workers split the files too, so this thread never holds the parsed compose files.
  const script = discovered.length > size ? workerScript() : null;
  const heapMb = run.workerHeapMb ?? (Number(process.env.DOCKER_POLICY_WORKER_HEAP_MB) || WORKER_HEAP_MB);
  const workers = script ? await LintWorkers.start(script, heapMb) : null;
  try {
    return await checkGroups(options, run, { discovered, cwd, compose: composeOptions }, { jobs, size, workers, started, pathErrors, failureThreshold: rootConfig.failureThreshold });
  } finally {
    await workers?.close();
  }
}

interface CheckPlan {
  jobs: number;
  size: number;
  workers: LintWorkers | null;
  started: number;
  pathErrors: LintResult['pathErrors'];
  failureThreshold: LintResult['failureThreshold'];
}

async function checkGroups(options: LintOptions, run: BatchRunOptions, partition: PartitionRequest, plan: CheckPlan): Promise<LintResult> {
  const { jobs, size, workers, started, pathErrors } = plan;
  let groups: LinkGroup[] = workers ? await workers.partition(partition) : partitionFiles(partition);
  if (run.shard) groups = shardGroups(groups, run.shard);
  const request = { cwd: partition.cwd, configPath: options.configPath, cliRules: options.cliRules, configLayer: options.configLayer, hadolintPragmas: options.hadolintPragmas, compose: options.compose };

  let results: BatchResult[] = [];
  let threads = 0;
  let rounds = 0;
  // A batch that followed a link into another group (a script copied from a nested directory)
  // means the two groups belong together: merge them and check again.
  for (let round = 0; round < 3; round++) {
    rounds++;
    const batches = packBatches(groups, size);
    threads = workers ? Math.min(jobs, batches.length) : 0;
    // Threads share the cores with their shellcheck processes: more at once would only hold more memory.
    const shellcheckProcesses = threads ? Math.max(1, Math.floor(os.availableParallelism() / threads)) : undefined;
    const requests = batches.map((files) => ({ ...request, files, shellcheckProcesses }));
    const local = { rules: options.rules, shellcheckRunner: options.shellcheckRunner };
    results = workers ? await workers.lint(requests, threads) : await lintSerially(requests, local);
    const shardFiles = new Set(groups.flatMap((group) => group.files.map((file) => file.path)));
    const links = results.flatMap((result, index) => {
      const escaped = result.loaded.filter((file) => shardFiles.has(file));
      return escaped.length ? [[...escaped, ...batches[index]!.map((file) => file.path)]] : [];
    });
    if (!links.length) break;
    const merged = mergeGroups(groups, links);
    if (merged.length === groups.length) break;
    groups = merged;
  }

  const findings = results.flatMap((result) => result.findings).sort(compareFindings);
  const filesChecked = results.reduce((sum, result) => sum + result.filesChecked, 0);
  // A file several batches link to and cannot read is one error, not one per batch.
  const readErrors = new Map(results.flatMap((result) => result.readErrors).map((error) => [`${error.path}\0${error.message}`, error]));
  const crashes = new Set<string>();
  const internalErrors = results.flatMap((result) => result.internalErrors).filter((error) => !crashes.has(error.ruleId) && crashes.add(error.ruleId));
  return {
    findings,
    filesChecked,
    durationMs: Math.round(performance.now() - started),
    internalErrors,
    pathErrors: [...pathErrors, ...readErrors.values()],
    failureThreshold: plan.failureThreshold,
    project: buildProject([], { read: () => null }, partition.cwd),
    checkedFiles: results.flatMap((result) => result.checkedFiles).sort(),
    notices: [
      ...mergeNotices(results.flatMap((result) => result.notices)),
      ...(workers?.notices ?? []).map((message) => ({ level: 'verbose' as const, message })),
      { level: 'verbose', message: `checked ${filesChecked} files in ${results.length} batches ${threads ? `on ${threads} worker thread${threads === 1 ? '' : 's'}` : 'in one thread'}${rounds > 1 ? `, ${rounds} rounds (groups linked while checking were merged and checked again)` : ''}` },
    ],
  };
}

async function lintSerially(requests: BatchRequest[], local: LocalOptions): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const request of requests) {
    results.push(await lintBatch(request, local));
    // tree-sitter frees a syntax tree's native memory in a finalizer Node runs from the event loop.
    // Without ShellCheck processes to wait for, a run never gets there and kept ~13 MB per batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

/** The worker script beside the bundle; absent when running from the TypeScript sources (tests), where batches run serially. */
function workerScript(): URL | null {
  const url = new URL('./lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && fs.existsSync(url) ? url : null;
}
