import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError, type ResolvedConfig } from '../config/config.js';
import type { DockerfileModel } from '../model/dockerfile.js';
import type { Project } from '../model/project.js';
import { offsetInText, runScripts, type RunScript, type ShellcheckFinding } from '../model/run-scripts.js';

/**
 * The engine step that runs ShellCheck on the RUN scripts of every Dockerfile whose config enables
 * the `shellcheck` rule, before the rules run; rules never spawn processes. Each RUN script is a
 * file of its own; one shellcheck process (`--format=json1`) reads all the scripts of a Dockerfile
 * (of several, in large projects), and every finding is mapped back to the Dockerfile's offsets and
 * stored on `project.shellcheck`.
 */

export const SHELLCHECK_RULE = 'shellcheck';

/** Codes hadolint excludes for Dockerfiles (SC2187 ash, SC1090 dynamic source), plus SC1091: a sourced file lives in the image, not beside the Dockerfile. */
export const DEFAULT_EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];
const LEVELS = ['error', 'warning', 'info', 'style'] as const;

/** `settings.shellcheck`: `off`, or what to run. */
export interface ShellcheckSettings {
  /** Codes not reported, on top of the defaults (`SC2086` or `2086`). */
  exclude: string[];
  /** The least severe ShellCheck level reported (ShellCheck's `--severity`). */
  severity: (typeof LEVELS)[number];
  /** The shellcheck executable; found on PATH when absent. */
  path?: string;
}

export interface ShellcheckRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Runs the shellcheck executable; tests inject their own to count or fake invocations. */
export type ShellcheckRunner = (executable: string, args: string[]) => Promise<ShellcheckRun>;

export interface LintNotice {
  /** `verbose` notices print only with `check --verbose`; warnings always print. */
  level: 'verbose' | 'warning';
  message: string;
  /** The counts a summary notice is made of: the batches of one run add them up (`mergeNotices`). */
  tally?: ShellcheckTally;
}

type ShellcheckTally = { kind: 'skipped'; dockerfiles: number; where: string } | { kind: 'runs'; runs: number; dockerfiles: number; ms: number; reused: number; shared: number };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function tallyNotice(tally: ShellcheckTally): LintNotice {
  const message =
    tally.kind === 'skipped'
      ? `shell checks skipped for ${plural(tally.dockerfiles, 'Dockerfile')}: ${tally.where} (install ShellCheck, e.g. apt-get install shellcheck, or set settings.shellcheck: off)`
      : `shellcheck: ${plural(tally.runs, 'run')} for ${plural(tally.dockerfiles, 'Dockerfile')}${tally.reused ? ` (${tally.reused} unchanged scripts reused)` : ''}${tally.shared ? ` (${plural(tally.shared, 'script')} identical to another, checked once)` : ''} in ${tally.ms} ms`;
  return { level: 'verbose', message, tally };
}

/** One notice per summary for a run checked in batches: counts add up, other notices stay as they are. */
export function mergeNotices(notices: LintNotice[]): LintNotice[] {
  const merged: LintNotice[] = [];
  const summaries = new Map<string, number>();
  for (const notice of notices) {
    const tally = notice.tally;
    const key = tally ? (tally.kind === 'skipped' ? `skipped\0${tally.where}` : 'runs') : null;
    const index = key === null ? undefined : summaries.get(key);
    if (!tally || index === undefined) {
      if (key !== null) summaries.set(key, merged.length);
      merged.push(notice);
      continue;
    }
    const earlier = merged[index]!.tally!;
    merged[index] = tallyNotice(
      earlier.kind === 'runs' && tally.kind === 'runs'
        ? { kind: 'runs', runs: earlier.runs + tally.runs, dockerfiles: earlier.dockerfiles + tally.dockerfiles, ms: earlier.ms + tally.ms, reused: earlier.reused + tally.reused, shared: earlier.shared + tally.shared }
        : { ...earlier, dockerfiles: earlier.dockerfiles + tally.dockerfiles },
    );
  }
  return merged;
}

export const defaultShellcheckRunner: ShellcheckRunner = (executable, args) => {
  // Loaded on first use (synchronously, so the process starts before the rules run): runs without a RUN script never load it.
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve) => {
    execFile(executable, args, { maxBuffer: 256 * 1024 * 1024, timeout: 120_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ stdout, stderr: stderr || (error && code === null ? error.message : ''), exitCode: code });
    });
  });
};

/** Validate `settings.shellcheck`; null means off. Throws a ConfigError naming the config file. */
export function shellcheckSettings(config: ResolvedConfig): ShellcheckSettings | null {
  const value = config.settings.shellcheck;
  const fail = (message: string): never => {
    throw new ConfigError(config.source ?? '<default config>', null, `settings.shellcheck: ${message}`);
  };
  if (value === undefined || value === null) return { exclude: [], severity: 'style' };
  if (value === 'off' || value === false) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return fail('must be off or a mapping with exclude, severity, path');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!['exclude', 'severity', 'path'].includes(key)) fail(`unknown key "${key}" (expected exclude, severity, path)`);
  const exclude = record.exclude ?? [];
  if (!Array.isArray(exclude) || !exclude.every((code) => (typeof code === 'string' && /^(SC)?\d{4}$/i.test(code)) || (typeof code === 'number' && Number.isInteger(code)))) {
    fail('exclude must be a list of ShellCheck codes such as SC2086');
  }
  const severity = record.severity ?? 'style';
  if (typeof severity !== 'string' || !(LEVELS as readonly string[]).includes(severity)) fail(`severity must be one of ${LEVELS.join(', ')}`);
  if (record.path !== undefined && typeof record.path !== 'string') fail('path must be a string');
  return {
    exclude: (exclude as (string | number)[]).map((code) => `SC${String(code).replace(/^SC/i, '')}`),
    severity: severity as ShellcheckSettings['severity'],
    path: record.path as string | undefined,
  };
}

/** The shellcheck executable: an explicit path, or the first on PATH. */
export function findShellcheck(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (explicit) return isExecutable(explicit) ? explicit : null;
  const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck.cmd', 'shellcheck'] : ['shellcheck'];
  for (const directory of (env.PATH ?? '').split(path.delimiter)) {
    if (!directory) continue;
    for (const name of names) {
      const candidate = path.join(directory, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * ShellCheck results kept between runs of a long-lived process (the language server), per RUN
 * script: a script whose text, shell, variables and settings are unchanged is not sent to shellcheck
 * again. Without it every edit re-ran shellcheck over every Dockerfile of the folder, which was most of
 * an edit's latency; now an edit re-checks the scripts it changed. Findings are kept relative to the
 * script, so a script that moved (lines added above it) is reused too.
 */
export class ShellcheckMemo {
  private entries = new Map<string, ShellcheckFinding[]>();

  /** The memo's key of a script's identity (executable, settings and text; see runShellcheckStep): a hash, so the memo does not hold the texts. */
  static key(identity: string): string {
    // Loaded here: only the language server keeps a memo, and node:crypto is slow to load for a CLI run.
    const { createHash } = process.getBuiltinModule('node:crypto');
    return createHash('sha256').update(identity).digest('hex');
  }

  get(key: string): ShellcheckFinding[] | undefined {
    return this.entries.get(key);
  }

  set(key: string, findings: ShellcheckFinding[]): void {
    this.entries.set(key, findings);
  }

  /** Forget every entry but these (the scripts of the latest run): edited versions do not pile up. */
  retainOnly(keys: Set<string>): void {
    for (const key of this.entries.keys()) if (!keys.has(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A finding moved by `by` characters (script-relative ↔ Dockerfile offsets). */
function shifted(finding: ShellcheckFinding, by: number): ShellcheckFinding {
  const moved: ShellcheckFinding = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.fix) moved.fix = finding.fix.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by }));
  return moved;
}

export interface ShellcheckStepOptions {
  project: Project;
  /** The config of each file being linted. */
  configs: Map<string, ResolvedConfig>;
  runner?: ShellcheckRunner;
  env?: NodeJS.ProcessEnv;
  /** How many Dockerfiles one shellcheck process reads at most; by default enough for two processes per worker, up to 64. */
  dockerfilesPerRun?: number;
  /** Results of earlier runs to reuse for unchanged Dockerfiles (the language server keeps one). */
  memo?: ShellcheckMemo;
  /** shellcheck processes at a time; by default one per core, up to 4 (worker threads share the cores). */
  processes?: number;
}

/** Run ShellCheck where the `shellcheck` rule is on; results go to `project.shellcheck`. */
export async function runShellcheckStep({ project, configs, runner = defaultShellcheckRunner, env, dockerfilesPerRun, memo, processes }: ShellcheckStepOptions): Promise<LintNotice[]> {
  const jobs: { dockerfile: DockerfileModel; settings: ShellcheckSettings }[] = [];
  for (const dockerfile of project.dockerfiles) {
    const config = configs.get(dockerfile.file.path);
    if (!config || (config.rules.get(SHELLCHECK_RULE)?.severity ?? 'off') === 'off') continue;
    const settings = shellcheckSettings(config);
    if (settings) jobs.push({ dockerfile, settings });
  }
  if (!jobs.length) return [];
  const executables = new Map<string | undefined, string | null>();
  const executableFor = (settings: ShellcheckSettings) => {
    if (!executables.has(settings.path)) executables.set(settings.path, findShellcheck(settings.path, env));
    return executables.get(settings.path)!;
  };
  const missing = jobs.filter((job) => !executableFor(job.settings));
  const notices: LintNotice[] = [];
  if (missing.length) {
    const where = missing[0]!.settings.path ? `${missing[0]!.settings.path} is not an executable file` : 'no shellcheck executable on PATH';
    notices.push(tallyNotice({ kind: 'skipped', dockerfiles: missing.length, where }));
  }
  const checkable = jobs.filter((job) => executableFor(job.settings));
  if (!checkable.length) return notices;

  const started = performance.now();
  // Identical scripts (same text, shell, variables and settings) are checked once and their findings
  // given to every RUN that has them: on the 1,064 corpus Dockerfiles 2,767 scripts are 788 distinct
  // ones (the official images repeat theirs across variants), and ShellCheck's CPU follows the text.
  const distinct = new Map<string, DistinctScript>();
  // Each Dockerfile's scripts first seen there and not in the memo: what its shellcheck process reads.
  const pending = new Map<(typeof checkable)[number], DistinctScript[]>();
  const used = new Set<string>();
  let reused = 0;
  let shared = 0;
  for (const job of checkable) {
    // What makes two scripts' results the same besides their text: the executable and its settings.
    const scope = `${executableFor(job.settings)!}\0${JSON.stringify(job.settings)}\0`;
    for (const script of runScripts(job.dockerfile)) {
      const text = prologue(script) + script.text;
      const identity = scope + text;
      const owner = { dockerfile: job.dockerfile.file.path, start: script.start };
      const seen = distinct.get(identity);
      if (seen) {
        seen.owners.push(owner);
        shared++;
        continue;
      }
      // Hashed only for a memo (the language server); a CLI run has none to look in.
      const key = memo ? ShellcheckMemo.key(identity) : '';
      used.add(key);
      const entry: DistinctScript = { text, body: script.text, key, owners: [owner], findings: memo?.get(key) };
      distinct.set(identity, entry);
      if (entry.findings) reused++;
      else pending.set(job, [...(pending.get(job) ?? []), entry]);
    }
  }
  memo?.retainOnly(used);
  const runnable = [...pending.keys()];
  // Created only when something is left to check: an edit that changed no RUN script spawns nothing.
  const directory = runnable.length ? fs.mkdtempSync(path.join(os.tmpdir(), 'docker-policy-shellcheck-')) : '';
  const written: string[] = [];
  let invocations = 0;
  const failed = new Set<string>();
  try {
    // A Dockerfile's new scripts always go to one process. Starting shellcheck costs more than reading a
    // typical Dockerfile, so large projects share processes: on the 1,064 corpus Dockerfiles one
    // process per Dockerfile took 127 s, 64 per process 51 s, with the same findings.
    const cores = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
    // Sized by the cores even when fewer run at once (worker threads): a larger run is a larger process.
    const size = dockerfilesPerRun ?? Math.min(64, Math.max(1, Math.ceil(runnable.length / (2 * cores))));
    const tasks = batches(runnable, size).map((batch, batchIndex) => async () => {
      const inputs: ScriptInput[] = [];
      batch.forEach((job, jobIndex) => {
        pending.get(job)!.forEach((entry, index) => {
          const file = path.join(directory, `b${batchIndex}-d${jobIndex}-r${index}.sh`);
          fs.writeFileSync(file, entry.text);
          written.push(file);
          inputs.push({ file, entry });
        });
      });
      const settings = batch[0]!.settings;
      const args = ['--format=json1', '--norc', `--severity=${settings.severity}`, `--exclude=${[...DEFAULT_EXCLUDED, ...settings.exclude].join(',')}`, '--', ...inputs.map((input) => input.file)];
      invocations++;
      const run = await runner(executableFor(settings)!, args);
      const findings = parseOutput(run, inputs);
      if (typeof findings === 'string') {
        const names = batch.map((job) => job.dockerfile.file.displayPath);
        notices.push({ level: 'warning', message: `shellcheck failed on ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}: ${findings}` });
        // Every Dockerfile with one of these scripts goes without ShellCheck's findings, not with a part of them.
        for (const input of inputs) for (const owner of input.entry.owners) failed.add(owner.dockerfile);
      } else {
        for (const input of inputs) input.entry.findings = [];
        for (const { input, finding } of findings) input.entry.findings!.push(finding);
        for (const input of inputs) memo?.set(input.entry.key, input.entry.findings!);
      }
    });
    await runPool(tasks, processes ?? cores);
  } finally {
    if (directory) removeScripts(directory, written);
  }
  const results = new Map<string, ShellcheckFinding[]>(checkable.map((job) => [job.dockerfile.file.path, []]));
  for (const entry of distinct.values()) {
    for (const owner of entry.owners) results.get(owner.dockerfile)!.push(...(entry.findings ?? []).map((finding) => shifted(finding, owner.start)));
  }
  for (const dockerfile of failed) results.delete(dockerfile);
  // In the Dockerfile's order, as one run of all its scripts would give them.
  for (const found of results.values()) found.sort((a, b) => a.start - b.start || a.end - b.end || a.code - b.code);
  const durationMs = Math.round(performance.now() - started);
  project.shellcheck = { byFile: results, invocations, durationMs };
  notices.push(tallyNotice({ kind: 'runs', runs: invocations, dockerfiles: runnable.length, ms: durationMs, reused, shared }));
  return notices;
}

/**
 * The files written, then the directory: a few system calls, where a recursive removal stats and
 * lists the tree (and, asynchronous, took several event-loop turns before the process could exit).
 */
function removeScripts(directory: string, files: string[]): void {
  try {
    for (const file of files) fs.unlinkSync(file);
    fs.rmdirSync(directory);
  } catch {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** A script text checked once for every RUN that has it; findings are relative to the script's start. */
interface DistinctScript {
  /** What shellcheck reads: the prologue, then the script. */
  text: string;
  /** The script without the prologue: findings' lines and columns are read in it. */
  body: string;
  /** The memo's key ('' without a memo). */
  key: string;
  /** Where the script stands: the Dockerfile and the offset of the script's first character. */
  owners: { dockerfile: string; start: number }[];
  /** Undefined until checked; stays undefined when its shellcheck process failed. */
  findings?: ShellcheckFinding[];
}

/** Two lines before every script: the dialect's shebang, and the variables ARG and ENV declared. */
const PROLOGUE_LINES = 2;
function prologue(script: RunScript): string {
  const exports = script.variables.length ? `export ${script.variables.map((name) => `${name}=1`).join(' ')}` : '';
  return `#!/bin/${script.dialect}\n${exports}\n`;
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix?: { replacements: { line: number; endLine: number; column: number; endColumn: number; replacement: string }[] } | null;
}

/** A script written to a file for shellcheck. */
interface ScriptInput {
  file: string;
  entry: DistinctScript;
}

/** Findings in offsets of the script (prologue excluded), or the reason shellcheck's output is unusable. */
function parseOutput(run: ShellcheckRun, inputs: ScriptInput[]): { input: ScriptInput; finding: ShellcheckFinding }[] | string {
  // 0: no findings, 1: findings; anything else is a failure (bad options, unreadable files).
  if (run.exitCode !== 0 && run.exitCode !== 1) return (run.stderr.trim().split('\n')[0] || `exit code ${String(run.exitCode)}`).slice(0, 300);
  let comments: Json1Comment[];
  try {
    comments = (JSON.parse(run.stdout || '{"comments":[]}') as { comments: Json1Comment[] }).comments;
  } catch {
    return 'its output is not ShellCheck JSON (json1 needs ShellCheck 0.7 or later)';
  }
  const byFile = new Map(inputs.map((input) => [input.file, input]));
  const findings: { input: ScriptInput; finding: ShellcheckFinding }[] = [];
  for (const comment of comments) {
    const input = byFile.get(comment.file) ?? byFile.get(path.resolve(comment.file));
    if (!input) continue;
    const body = input.entry.body;
    const toOffset = (line: number, column: number) => (line <= PROLOGUE_LINES ? null : offsetInText(body, line - PROLOGUE_LINES, column));
    const start = toOffset(comment.line, comment.column);
    if (start === null) continue;
    const end = Math.max(start, toOffset(comment.endLine, comment.endColumn) ?? start);
    const finding: ShellcheckFinding = { code: comment.code, level: toLevel(comment.level), message: comment.message, start, end };
    const edits = (comment.fix?.replacements ?? []).map((replacement) => ({ start: toOffset(replacement.line, replacement.column), end: toOffset(replacement.endLine, replacement.endColumn), text: replacement.replacement }));
    if (edits.length && edits.every((edit) => edit.start !== null && edit.end !== null)) finding.fix = edits as ShellcheckFinding['fix'];
    findings.push({ input, finding });
  }
  return findings;
}

function toLevel(level: string): ShellcheckFinding['level'] {
  return (LEVELS as readonly string[]).includes(level) ? (level as ShellcheckFinding['level']) : 'error';
}

/** Dockerfiles with the same executable and settings, at most `size` to a batch, in file order. */
function batches<T extends { settings: ShellcheckSettings }>(jobs: T[], size: number): T[][] {
  const groups = new Map<string, T[][]>();
  for (const job of jobs) {
    const key = JSON.stringify(job.settings);
    const list = groups.get(key) ?? [[]];
    if (list[list.length - 1]!.length >= size) list.push([]);
    list[list.length - 1]!.push(job);
    groups.set(key, list);
  }
  return [...groups.values()].flat();
}

async function runPool(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}
