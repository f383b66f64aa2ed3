import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, createCatalog } from '../../config/config.js';
import { hadolintExitCode, readHadolintConfig, type HadolintTranslation } from '../../config/hadolint.js';
import { ConfigResolver, type ConfigLayer } from '../../config/resolver.js';
import { lintWithFixes, writeChanges, type FixRun } from '../../engine/fixes.js';
import { lintInBatches } from '../../engine/batches.js';
import { lint, type LintOptions, type LintResult } from '../../engine/lint.js';
import type { Shard } from '../../engine/partition.js';
import type { Severity, SeveritySetting } from '../../engine/types.js';
import { FORMATTERS, type FormatName } from '../../formatters/index.js';
import { builtinRules } from '../../../rules/index.js';
import { toolVersion } from '../../version.js';
import { shouldColor } from '../color.js';

export interface CheckOptions {
  format?: FormatName;
  config?: string;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  outputFile?: string;
  color: boolean;
  cache?: boolean;
  cacheLocation?: string;
  /** Apply fixes and write the files (with --stdin: print the fixed text). */
  fix?: boolean;
  /** Compute the fixes and print them as a unified diff; write nothing. */
  fixDryRun?: boolean;
  /** A `.hadolint.yaml` applied over the resolved config. */
  hadolintConfig?: string;
  verbose?: boolean;
  composeFile?: string[];
  envFile?: string[];
  profile?: string[];
  /** Worker threads (undefined: auto). */
  jobs?: number | 'auto';
  shard?: Shard;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'warn', 'error']);

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  let cliRules: Record<string, SeveritySetting>;
  try {
    cliRules = parseRuleFlags(options.rule);
  } catch (error) {
    process.stderr.write(`docker-policy: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const hadolint = options.hadolintConfig ? loadHadolintConfig(path.resolve(cwd, options.hadolintConfig)) : undefined;
    const configLayer = hadolint ? { rules: hadolint.rules, settings: hadolint.settings } : undefined;
    if (options.printConfig) return await printConfig(options.printConfig, options, cliRules, configLayer);
    if (options.stdin && !options.stdinFilename) {
      process.stderr.write('docker-policy: --stdin needs --stdin-filename (for example --stdin-filename Dockerfile)\n');
      return 2;
    }
    const stdin = options.stdin ? { text: fs.readFileSync(0, 'utf8'), filename: options.stdinFilename! } : undefined;
    const compose = { files: options.composeFile, envFiles: options.envFile, profiles: options.profile };
    const lintOptions: LintOptions = { cwd, paths, rules: builtinRules, configPath: options.config, cliRules, stdin, configLayer, hadolintPragmas: !hadolint?.disableIgnorePragma, compose };
    if (options.fix && options.fixDryRun) {
      process.stderr.write('docker-policy: use either --fix or --fix-dry-run, not both\n');
      return 2;
    }
    const unshardable = options.stdin ? '--stdin' : options.fix ? '--fix' : options.fixDryRun ? '--fix-dry-run' : options.cache || options.cacheLocation ? '--cache' : null;
    if (options.shard && unshardable) {
      process.stderr.write(`docker-policy: --shard cannot be combined with ${unshardable}\n`);
      return 2;
    }
    // Fixing rewrites files between passes, so it always lints afresh; the result cache loads only when
    // asked for, and standard input is never cached.
    const fixRun = options.fix || options.fixDryRun ? await lintWithFixes(lintOptions) : null;
    const useCache = (options.cache || options.cacheLocation) && !stdin;
    const result =
      fixRun?.result ??
      (useCache ? await lintCached(lintOptions, options.cacheLocation) : stdin ? await lint(lintOptions) : await lintInBatches(lintOptions, { jobs: options.jobs === 'auto' ? undefined : options.jobs, shard: options.shard }));
    // With fixes, standard output carries the fixed text or the diff; the report moves to standard error.
    const reportStream = fixRun && (options.fixDryRun || stdin) ? process.stderr : process.stdout;
    if (fixRun) await emitFixes(fixRun, options, stdin?.text);
    if (options.quiet) result.findings = result.findings.filter((finding) => finding.severity === 'error');
    const format = options.format ?? 'stylish';
    const formatter = await FORMATTERS[format]!();
    const output = formatter({ result, rules: builtinRules, color: !options.outputFile && shouldColor(options.color) && reportStream === process.stdout, toolVersion: toolVersion() });
    if (options.outputFile) fs.writeFileSync(path.resolve(cwd, options.outputFile), output);
    else reportStream.write(output);
    for (const notice of result.notices ?? []) if (notice.level === 'warning' || options.verbose) process.stderr.write(`docker-policy: ${notice.message}\n`);
    const hadolintCode = hadolint ? hadolintExitCode(hadolint, result.findings.map((finding) => finding.severity)) : undefined;
    // hadolint's failure-threshold / no-fail decide the exit code; an explicit --max-warnings still counts unless no-fail.
    const tooManyWarnings = options.maxWarnings !== undefined && !hadolint?.noFail && result.findings.filter((finding) => finding.severity === 'warning').length > options.maxWarnings;
    return reportProblems(result) ?? (hadolintCode === undefined ? exitCodeFor(result, options.maxWarnings) : tooManyWarnings ? 1 : hadolintCode);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`docker-policy: config error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function lintCached(lintOptions: LintOptions, location: string | undefined): Promise<LintResult> {
  const { lintWithCache } = await import('../../engine/cache.js');
  const result = await lintWithCache(lintOptions, { location });
  const { cache } = result;
  if (cache.writeError) process.stderr.write(`docker-policy: cannot write the cache ${cache.location}: ${cache.writeError}\n`);
  if (process.env.DOCKER_POLICY_DEBUG) {
    process.stderr.write(`docker-policy: cache ${cache.status}: ${cache.files} files, ${cache.rechecked} re-checked, ${cache.parsed} parsed\n`);
  }
  return result;
}

/** `--fix` writes the files (or prints the fixed standard input); `--fix-dry-run` prints a unified diff. */
async function emitFixes(run: FixRun, options: CheckOptions, stdinText: string | undefined): Promise<void> {
  if (options.fixDryRun) {
    const { formatFixDiff } = await import('../../formatters/fix-diff.js');
    process.stdout.write(formatFixDiff(run.changes));
    return;
  }
  if (stdinText !== undefined) {
    const fixed = run.changes[0]?.after;
    process.stdout.write(fixed === undefined ? stdinText : `${stdinText.startsWith('\uFEFF') ? '\uFEFF' : ''}${fixed}`);
    return;
  }
  writeChanges(run.changes);
  if (run.applied) process.stderr.write(`docker-policy: applied ${run.applied} fix${run.applied === 1 ? '' : 'es'} to ${run.changes.length} file${run.changes.length === 1 ? '' : 's'}\n`);
}

/** Path and internal errors go to stderr and make the run exit 2 after the report is out. */
function reportProblems(result: LintResult): number | undefined {
  for (const problem of result.pathErrors) process.stderr.write(`docker-policy: ${problem.path}: ${problem.message}\n`);
  for (const problem of result.internalErrors) {
    process.stderr.write(`docker-policy: internal error in rule ${problem.ruleId} (please report it): ${problem.message.split('\n')[0]}\n`);
    if (process.env.DOCKER_POLICY_DEBUG) process.stderr.write(`${problem.message}\n`);
  }
  return result.pathErrors.length || result.internalErrors.length ? 2 : undefined;
}

export function exitCodeFor(result: LintResult, maxWarnings: number | undefined): number {
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  // The config's failureThreshold (default error): findings at that level or worse fail the run.
  const threshold = result.failureThreshold ?? 'error';
  if (threshold === 'none') return 0;
  const failing: Severity[] = threshold === 'error' ? ['error'] : threshold === 'warning' ? ['error', 'warning'] : ['error', 'warning', 'info'];
  return result.findings.some((finding) => failing.includes(finding.severity)) ? 1 : 0;
}

function parseRuleFlags(flags: string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const match = /^([^=]+)=(\w+)$/.exec(flag.trim());
    if (!match || !SEVERITIES.has(match[2]!.toLowerCase())) throw new Error(`--rule takes id=severity with severity off, info, warning or error (got "${flag}")`);
    const word = match[2]!.toLowerCase();
    rules[match[1]!] = (word === 'warn' ? 'warning' : word) as SeveritySetting;
  }
  return rules;
}

/** Read `--hadolint-config`; codes no rule carries get one warning line (more rules may carry them later). */
function loadHadolintConfig(file: string): HadolintTranslation {
  const translation = readHadolintConfig(file, createCatalog(builtinRules));
  if (translation.unknownCodes.length) process.stderr.write(`docker-policy: warning: ${path.relative(process.cwd(), file) || file}: no rule carries ${translation.unknownCodes.join(', ')}; left out\n`);
  return translation;
}

async function printConfig(file: string, options: CheckOptions, cliRules: Record<string, SeveritySetting>, layer?: ConfigLayer): Promise<number> {
  const resolver = new ConfigResolver(builtinRules, { cwd: process.cwd(), configPath: options.config, cliRules, layer });
  const config = await resolver.forFile(path.resolve(file));
  const rules = Object.fromEntries(
    [...config.rules].filter(([, setting]) => setting.severity !== 'off').map(([id, setting]) => [id, Object.keys(setting.options).length ? [setting.severity, setting.options] : setting.severity]),
  );
  process.stdout.write(`${JSON.stringify({ configFile: config.source, rules, settings: config.settings, ignore: config.ignore }, null, 2)}\n`);
  return 0;
}
