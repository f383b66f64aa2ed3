import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config/config.js';
import { ConfigResolver } from '../../config/resolver.js';
import { lint, type LintResult } from '../../engine/lint.js';
import type { SeveritySetting } from '../../engine/types.js';
import { FORMATTERS } from '../../formatters/index.js';
import { builtinRules } from '../../../rules/index.js';
import { toolVersion } from '../../version.js';
import { shouldColor } from '../color.js';

export interface CheckOptions {
  format?: 'stylish' | 'json' | 'sarif';
  config?: string;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  outputFile?: string;
  color: boolean;
  composeFile?: string[];
  envFile?: string[];
  profile?: string[];
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
    if (options.printConfig) return await printConfig(options.printConfig, options, cliRules);
    if (options.stdin && !options.stdinFilename) {
      process.stderr.write('docker-policy: --stdin needs --stdin-filename (for example --stdin-filename Dockerfile)\n');
      return 2;
    }
    const stdin = options.stdin ? { text: fs.readFileSync(0, 'utf8'), filename: options.stdinFilename! } : undefined;
    const compose = { files: options.composeFile, envFiles: options.envFile, profiles: options.profile };
    const result = await lint({ cwd, paths, rules: builtinRules, configPath: options.config, cliRules, stdin, compose });
    if (options.quiet) result.findings = result.findings.filter((finding) => finding.severity === 'error');
    const format = options.format ?? 'stylish';
    const formatter = await FORMATTERS[format]!();
    const output = formatter({ result, rules: builtinRules, color: !options.outputFile && shouldColor(options.color), toolVersion: toolVersion() });
    if (options.outputFile) fs.writeFileSync(path.resolve(cwd, options.outputFile), output);
    else process.stdout.write(output);
    return reportProblems(result) ?? exitCodeFor(result, options.maxWarnings);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`docker-policy: config error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
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
  if (result.findings.some((finding) => finding.severity === 'error')) return 1;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
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

async function printConfig(file: string, options: CheckOptions, cliRules: Record<string, SeveritySetting>): Promise<number> {
  const resolver = new ConfigResolver(builtinRules, { cwd: process.cwd(), configPath: options.config, cliRules });
  const config = await resolver.forFile(path.resolve(file));
  const rules = Object.fromEntries(
    [...config.rules].filter(([, setting]) => setting.severity !== 'off').map(([id, setting]) => [id, Object.keys(setting.options).length ? [setting.severity, setting.options] : setting.severity]),
  );
  process.stdout.write(`${JSON.stringify({ configFile: config.source, rules, settings: config.settings, ignore: config.ignore }, null, 2)}\n`);
  return 0;
}
