import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FailureThreshold, ResolvedConfig } from '../config/config.js';
import { composeOptionsFor, type ComposeCliOptions } from '../config/compose-settings.js';
import { ConfigResolver, type ConfigLayer } from '../config/resolver.js';
import { composeFilesAround, discoverFiles } from '../model/discovery.js';
import type { ParseCache } from '../model/parse-cache.js';
import { buildProject, classifyFile, FILE_LIMITS, type DiscoveredFile, type FileReader, type Project } from '../model/project.js';
import { toDisplayPath } from '../model/source.js';
import { CheckDirectives } from './check-directive.js';
import { runShellcheckStep, SHELLCHECK_RULE, type LintNotice, type ShellcheckMemo, type ShellcheckRunner } from './shellcheck.js';
import { collectSuppressions, type Suppressions } from './suppressions.js';
import type { Finding, Report, Rule, Severity, SeveritySetting } from './types.js';

export const PARSE_ERROR_RULE = 'parse-error';

export interface LintOptions {
  cwd: string;
  paths: string[];
  rules: Rule[];
  configPath?: string;
  cliRules?: Record<string, SeveritySetting>;
  /** Lint this text as if it were the file `filename` (editors, `--stdin`). */
  stdin?: { text: string; filename: string };
  /** Texts that replace what is on disk (the language server's unsaved buffers). */
  overlays?: Map<string, string>;
  /** Parsed models kept between runs (language server, `check --cache`): unchanged files are not parsed again. */
  parseCache?: ParseCache;
  /** Rule severities and settings over every resolved config (`--hadolint-config`). */
  configLayer?: ConfigLayer;
  /** false: `# hadolint ignore=…` comments are not honoured (hadolint's `disable-ignore-pragma`). */
  hadolintPragmas?: boolean;
  /** Runs the shellcheck executable (tests count or fake the invocations). */
  shellcheckRunner?: ShellcheckRunner;
  /** shellcheck processes at a time (worker threads of a batched run share the cores); default one per core. */
  shellcheckProcesses?: number;
  /** ShellCheck results kept between runs (language server): unchanged Dockerfiles are not checked again. */
  shellcheckMemo?: ShellcheckMemo;
  /** `--compose-file`, `--env-file`, `--profile` (they win over `settings.compose`). */
  compose?: ComposeCliOptions;
  /** Files already discovered (a batch of a larger run, see batches.ts): `paths` is not walked and compose file sets are not added. */
  files?: DiscoveredFile[];
}

export interface InternalError {
  ruleId: string;
  message: string;
}

export interface LintResult {
  findings: Finding[];
  filesChecked: number;
  durationMs: number;
  /** A rule that threw: a bug in docker-policy, reported and counted, never hidden. */
  internalErrors: InternalError[];
  /** Paths from the command line that do not exist, and files found that could not be read. */
  pathErrors: { path: string; message: string }[];
  project: Project;
  /** Display paths of the files checked (findings or not), sorted: reports that list clean files too. */
  checkedFiles?: string[];
  /** Things the user may want to know on `--verbose` (shell checks skipped and why), or warnings. */
  notices?: LintNotice[];
  /** `failureThreshold` of the current directory's config: which findings make `check` exit 1. */
  failureThreshold?: FailureThreshold;
  /** Compose files read only as context for the Dockerfiles checked (absolute paths; see composeFilesAround). */
  contextFiles?: string[];
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const started = performance.now();
  const resolver = new ConfigResolver(options.rules, { cwd: options.cwd, configPath: options.configPath, cliRules: options.cliRules, layer: options.configLayer });
  const rootConfig = await resolver.forDirectory(options.cwd);
  const overlays = new Map(options.overlays ?? []);
  let discovered: DiscoveredFile[];
  let pathErrors: LintResult['pathErrors'] = [];
  if (options.stdin) {
    const absolute = path.resolve(options.cwd, options.stdin.filename);
    overlays.set(absolute, options.stdin.text);
    discovered = [{ path: absolute, kind: classifyFile(path.basename(absolute)) ?? (/\.ya?ml$/i.test(absolute) ? 'compose' : 'dockerfile') }];
  } else if (options.files) {
    discovered = [...options.files];
  } else {
    const result = discoverFiles(options.paths, { cwd: options.cwd, ignoreGlobs: rootConfig.ignore });
    discovered = result.files;
    pathErrors = result.errors;
  }
  const readErrors: LintResult['pathErrors'] = [];
  const reader: FileReader = {
    read(absolutePath) {
      const overlay = overlays.get(absolutePath);
      if (overlay !== undefined) return overlay;
      try {
        return readCheckableFile(absolutePath);
      } catch (error) {
        // A linked file that is not there is normal (no .dockerignore); one that is there and cannot be read is not.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') readErrors.push({ path: absolutePath, message: `cannot read: ${(error as Error).message}` });
        return null;
      }
    },
  };
  const composeOptions = composeOptionsFor(rootConfig, options.compose ?? {}, options.cwd);
  if (!options.stdin && !options.files) addComposeFileSets(discovered, composeOptions.fileSets);
  // Compose files that may build the Dockerfiles named, read as context only (pre-commit file lists).
  const known = new Set(discovered.map((file) => file.path));
  const context: DiscoveredFile[] = [];
  for (const file of composeFilesAround(discovered, options.cwd)) {
    if (known.has(file.path)) continue;
    known.add(file.path);
    context.push(file);
  }
  const project = buildProject([...discovered, ...context], reader, options.cwd, { parseCache: options.parseCache, compose: composeOptions });
  const targets = new Set(discovered.map((file) => file.path));
  const configs = new Map<string, ResolvedConfig>();
  for (const file of targets) configs.set(file, await resolver.forFile(file));

  const catalog = resolver.ruleCatalog;
  const enabled = new Set<string>();
  for (const config of configs.values()) for (const [id, setting] of config.rules) if (setting.severity !== 'off') enabled.add(id);
  // BuildKit's `# check=` directive: skips checks, raises them to errors, switches on experimental ones.
  const checkDirectives = new CheckDirectives(project);
  for (const id of checkDirectives.enabledRules(catalog.rules)) enabled.add(id);
  // ShellCheck runs in its own processes while the other rules run; only the `shellcheck` rule waits for it.
  const shellcheckStep = enabled.has(SHELLCHECK_RULE)
    ? runShellcheckStep({ project, configs, runner: options.shellcheckRunner, memo: options.shellcheckMemo, processes: options.shellcheckProcesses }).then(
        (notices) => ({ notices }),
        (error: unknown) => ({ error }),
      )
    : null;

  const suppressionCache = new Map<string, Suppressions>();
  const suppressionsFor = (absolutePath: string): Suppressions | null => {
    const model = project.files.get(absolutePath);
    if (!model) return null;
    let suppressions = suppressionCache.get(absolutePath);
    if (!suppressions) {
      suppressions = collectSuppressions(model, catalog.resolveId, { hadolintPragmas: options.hadolintPragmas });
      suppressionCache.set(absolutePath, suppressions);
    }
    return suppressions;
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const accept = (rule: Rule, report: Report) => {
    const config = configs.get(report.file.path);
    const directed = checkDirectives.severityFor(rule, report.file, config?.rules.get(rule.meta.id)?.severity ?? 'off');
    const configured = directed.severity;
    if (configured === 'off') return;
    // `# check=error=true` raises BuildKit checks to errors; otherwise a report may ask for a milder level (a ceiling).
    const severity = directed.forceError ? 'error' : report.severity ? milder(report.severity, configured) : configured;
    const ruleId = report.code ? `${rule.meta.id}/${report.code}` : rule.meta.id;
    const suppressions = suppressionsFor(report.file.path);
    const names = report.code ? [rule.meta.id, ruleId, report.code] : [rule.meta.id];
    if (names.some((name) => suppressions?.isSuppressed(name, report.range.start.line))) return;
    const finding: Finding = {
      ruleId,
      severity,
      file: report.file.displayPath,
      line: report.range.start.line,
      column: report.range.start.column,
      endLine: report.range.end.line,
      endColumn: report.range.end.column,
      message: report.message,
      aliases: report.code ? [report.code] : (rule.meta.aliases ?? []),
    };
    if (report.fix) finding.fix = report.fix;
    const key = `${finding.ruleId}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };

  const internalErrors: InternalError[] = [];
  const crashed = (rule: Rule, error: unknown) => internalErrors.push({ ruleId: rule.meta.id, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  // A rule that must prepare (compile the compose schema) is left out when no file of its kinds is
  // checked: a Dockerfile whose compose file is read only as context does not pay for the schema.
  const targetKinds = new Set(discovered.map((file) => file.kind));
  const worthPreparing = (rule: Rule) => !rule.prepare || rule.meta.fileKinds.some((kind) => targetKinds.has(kind));
  const active = catalog.rules.filter((rule) => enabled.has(rule.meta.id) && rule.meta.id !== PARSE_ERROR_RULE && worthPreparing(rule));
  const unprepared = new Set<Rule>();
  await Promise.all(active.map((rule) => rule.prepare?.(project).catch((error: unknown) => (unprepared.add(rule), crashed(rule, error)))));
  const runRule = (rule: Rule) => {
    if (unprepared.has(rule)) return;
    const configured = rootConfig.rules.get(rule.meta.id)?.options ?? {};
    const context = {
      project,
      options: { ...rule.meta.options?.defaults, ...configured },
      settings: rootConfig.settings,
      report: (report: Report) => accept(rule, report),
    };
    try {
      rule.check(context);
    } catch (error) {
      crashed(rule, error);
    }
  };
  // Rule order does not matter for the result: findings are deduplicated per rule and sorted.
  for (const rule of active) if (rule.meta.id !== SHELLCHECK_RULE) runRule(rule);
  const shellcheck = await shellcheckStep;
  if (shellcheck && 'error' in shellcheck) throw shellcheck.error;
  const notices = shellcheck?.notices ?? [];
  for (const rule of active) if (rule.meta.id === SHELLCHECK_RULE) runRule(rule);
  const parseErrorRule = catalog.get(PARSE_ERROR_RULE);
  if (parseErrorRule) {
    for (const error of [...project.parseErrors, ...checkDirectives.problems()]) accept(parseErrorRule, { file: error.file, range: error.range, message: error.message });
  }
  findings.sort(compareFindings);
  return {
    findings,
    filesChecked: targets.size,
    durationMs: Math.round(performance.now() - started),
    internalErrors,
    pathErrors: [...pathErrors, ...readErrors].map((error) => ({ path: toDisplayPath(path.resolve(options.cwd, error.path), options.cwd), message: error.message })),
    project,
    contextFiles: context.map((file) => file.path),
    checkedFiles: [...targets].map((file) => project.files.get(file)?.file.displayPath ?? toDisplayPath(file, options.cwd)).sort(),
    notices,
    failureThreshold: rootConfig.failureThreshold,
  };
}

/**
 * A file's text, read only when it is a regular file (a FIFO named `.dockerignore` would block the
 * read forever) and only as far as the model's size limit can tell it is too large to check.
 */
export function readCheckableFile(absolutePath: string): string {
  const stat = fs.statSync(absolutePath);
  if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!stat.isFile()) throw new Error('not a regular file (a pipe, socket or device)');
  // UTF-8 takes at most 4 bytes a character: this many bytes decode to more characters than the limit allows.
  const readLimit = FILE_LIMITS.maxFile * 4 + 4;
  if (stat.size <= readLimit) return fs.readFileSync(absolutePath, 'utf8');
  const buffer = Buffer.alloc(readLimit);
  const descriptor = fs.openSync(absolutePath, 'r');
  try {
    const length = fs.readSync(descriptor, buffer, 0, readLimit, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads what {@link readCheckableFile} reads; a file that is missing or cannot be read is null. */
export const checkableFileReader: FileReader = {
  read(absolutePath) {
    try {
      return readCheckableFile(absolutePath);
    } catch {
      return null;
    }
  },
};

/** Compose files named as a file set are checked even when their names are not compose-like. */
export function addComposeFileSets(discovered: DiscoveredFile[], fileSets: string[][] | undefined): void {
  const known = new Set(discovered.map((file) => file.path));
  for (const file of (fileSets ?? []).flat()) {
    if (known.has(file) || !fs.existsSync(file)) continue;
    known.add(file);
    discovered.push({ path: file, kind: 'compose' });
  }
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
function milder(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
