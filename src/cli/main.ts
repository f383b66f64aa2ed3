import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseShard } from '../engine/partition.js';
import { toolVersion } from '../version.js';
import { registerBuildkitCommands } from './commands/buildkit.js';
import { runCheck, type CheckOptions } from './commands/check.js';
import { registerLspCommand } from './commands/lsp.js';
import { registerGraphCommand } from './commands/graph.js';
import { runInit, type InitOptions } from './commands/init.js';
import { runRules } from './commands/rules.js';
import { FORMAT_NAMES } from '../formatters/index.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let exitCode: number = EXIT.ok;
  program
    .name('docker-policy')
    .description('Lint Dockerfiles, compose files, .dockerignore files and the scripts they run')
    .version(toolVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('check', { isDefault: true })
    .description('check files and directories (default: the current directory)')
    .argument('[paths...]', 'files or directories to check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES))
    .option('-c, --config <file>', 'use this config file instead of searching for .docker-policy.yaml')
    .option('--rule <id=severity>', 'set a rule severity (repeatable): --rule pinned-base-image=off', collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--stdin', 'read the file to check from standard input')
    .option('--stdin-filename <name>', 'the path the standard input stands for (decides the file kind and config)')
    .option('--print-config <file>', 'print the configuration that applies to a file and exit')
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--compose-file <file>', 'compose files used together, like docker compose -f (repeatable, in order)', collect, [])
    .option('--env-file <file>', 'env file for compose interpolation instead of the project .env (repeatable)', collect, [])
    .option('--profile <name>', 'compose profile to activate (repeatable; default: none, or COMPOSE_PROFILES from .env)', collect, [])
    .option('--no-color', 'never colour the output')
    .option('--cache', 'only check files that changed since the last run (or whose linked files, config or tool version changed)')
    .option('--cache-location <path>', 'cache file or directory (default: .docker-policy-cache in the current directory)')
    .option('--fix', 'apply fixes to the files, then report what remains (with --stdin: print the fixed text)')
    .option('--fix-dry-run', 'print the fixes as a unified diff and change no file')
    .option('--hadolint-config <file>', 'apply a .hadolint.yaml (ignored, override, trustedRegistries, label-schema, failure-threshold, …) over the config')
    .option('--verbose', 'say on stderr what was skipped and why (shell checks without shellcheck)')
    .option('--jobs <n>', 'worker threads: a number, or auto (one per core, up to 4, when there are many files)', parseJobs)
    .option('--shard <i/n>', 'check only part i of n of the files (CI matrix jobs); linked files stay in one part', parseShardOption)
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await runCheck(paths, options);
    });

  program
    .command('rules')
    .description('list every rule with its ID, aliases, default severity and presets')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action(async (options: { format: 'table' | 'json' | 'markdown' }) => {
      exitCode = await runRules(options);
    });

  program
    .command('init')
    .description('write a starter .docker-policy.yaml here (translating a .hadolint.yaml if there is one)')
    .addOption(new Option('--preset <preset>', 'preset to extend').choices(['recommended', 'strict', 'all']).default('recommended'))
    .option('--force', 'overwrite an existing config')
    .option('--hadolint-config <file>', 'translate this hadolint config (default: .hadolint.yaml or .hadolint.yml here)')
    .action(async (options: InitOptions) => {
      exitCode = await runInit(options);
    });

  // Commands registered elsewhere report their exit code through process.exitCode.
  registerBuildkitCommands(program);
  registerLspCommand(program);
  registerGraphCommand(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode === EXIT.ok ? (process.exitCode as number | undefined) ?? EXIT.ok : exitCode;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new CommanderError(2, 'docker-policy.invalidArgument', `--max-warnings takes a whole number, got "${value}"`);
  return count;
}

// 'auto' stays a word: commander turns a parser's undefined into '', which would read as serial.
function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('--jobs takes a whole number of 1 or more, or auto.');
  return jobs;
}

function parseShardOption(value: string) {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
