import { InvalidArgumentError, Option, type Command } from 'commander';

/**
 * `parse-log` and `verify-cache` (src/buildkit/). Their modules load only when the command runs:
 * start-up time of the other commands must not pay for them. Exit codes go through process.exitCode:
 * 0 ok, 1 a scenario or expectation failed, 2 usage error or no Docker engine.
 */
export function registerBuildkitCommands(program: Command): void {
  program
    .command('parse-log')
    .description('read a BuildKit build log (plain, rawjson or compose output) into one record per step')
    .argument('<file>', 'the log file, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--no-color', 'never colour the output')
    .action(async (file: string, options: { format: 'stylish' | 'json'; color: boolean }) => {
      await run(async () => {
        const { readLog } = await import('../../buildkit/read-log.js');
        const { parseBuildLog } = await import('../../buildkit/parse-log.js');
        const parsed = parseBuildLog(readLog(file));
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
        } else {
          const { formatStepsStylish } = await import('../../buildkit/report.js');
          const { shouldColor } = await import('../color.js');
          process.stdout.write(formatStepsStylish(parsed, shouldColor(options.color)));
        }
        return 0;
      });
    });

  program
    .command('verify-cache')
    .description('prove cache behaviour with real BuildKit builds on a temporary copy, or check an existing build log (--log)')
    .option('--dockerfile <file>', 'the Dockerfile to build')
    .option('--context <dir>', 'its build context (default: the Dockerfile\'s directory)')
    .option('--target <stage>', 'the stage to build')
    .option('--compose <file>', 'build the services of this compose file instead')
    .option('--service <name...>', 'only these compose services (repeatable)')
    .option('--install-step <regex>', 'RUN instructions matching this are the dependency installs (default: known package managers)')
    .option('--source-file <path>', 'the application source file to edit, relative to the context (default: chosen from the COPYs)')
    .option('--docker <path>', 'docker client to use (default: the first on PATH that can run BuildKit builds)')
    .option('--build-arg <name=value>', 'passed to every build (repeatable)', collect, [])
    .option('--network <mode>', 'network for RUN steps, passed to docker build (e.g. none)')
    .option('--timeout <seconds>', 'give up on a build after this long', parsePositive, 600)
    .option('--no-compose-build', 'with --compose: build each service with docker build instead of docker compose / docker-compose')
    .option('--keep', 'leave the temporary copy of the build contexts in place')
    .option('--log <file>', 'check this existing build log instead of building (no Docker needed)')
    .option('--expect-cached <stage|regex...>', 'with --log: steps of this stage, or whose name matches, must be CACHED')
    .option('--expect-rebuilt <stage|regex...>', 'with --log: steps of this stage, or whose name matches, must have run')
    .option('--build <n>', 'with --log: only the n-th build in the log (0-based, -1 for the last)', parseInteger)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--no-color', 'never colour the output')
    .action(async (options: VerifyCacheCliOptions) => {
      await run(() => (options.log ? checkLogCommand(options) : verifyCacheCommand(options)));
    });
}

interface VerifyCacheCliOptions {
  dockerfile?: string;
  context?: string;
  target?: string;
  compose?: string;
  service?: string[];
  installStep?: string;
  sourceFile?: string;
  docker?: string;
  buildArg: string[];
  network?: string;
  timeout: number;
  keep?: boolean;
  composeBuild: boolean;
  log?: string;
  expectCached?: string[];
  expectRebuilt?: string[];
  build?: number;
  format: 'stylish' | 'json';
  color: boolean;
}

async function verifyCacheCommand(options: VerifyCacheCliOptions): Promise<number> {
  if (options.expectCached || options.expectRebuilt || options.build !== undefined) {
    return usage('--expect-cached, --expect-rebuilt and --build go with --log FILE');
  }
  const { verifyCache } = await import('../../buildkit/verify-cache.js');
  const { formatVerifyJson, formatVerifyStylish } = await import('../../buildkit/report.js');
  const { shouldColor } = await import('../color.js');
  const report = await verifyCache({
    dockerfile: options.dockerfile,
    context: options.context,
    target: options.target,
    compose: options.compose,
    services: options.service,
    installStep: options.installStep,
    sourceFile: options.sourceFile,
    docker: options.docker,
    buildArgs: options.buildArg,
    network: options.network ?? null,
    timeoutSeconds: options.timeout,
    keep: options.keep,
    composeBuild: options.composeBuild,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(options.format === 'json' ? formatVerifyJson(report) : formatVerifyStylish(report, shouldColor(options.color)));
  return report.ok ? 0 : 1;
}

async function checkLogCommand(options: VerifyCacheCliOptions): Promise<number> {
  if (options.dockerfile || options.compose) return usage('--log checks an existing log; it does not build (drop --dockerfile/--compose)');
  const { readLog } = await import('../../buildkit/read-log.js');
  const { parseBuildLog } = await import('../../buildkit/parse-log.js');
  const { checkLog, formatLogCheckStylish } = await import('../../buildkit/log-expectations.js');
  const report = checkLog(options.log!, parseBuildLog(readLog(options.log!)), {
    cached: options.expectCached ?? [],
    rebuilt: options.expectRebuilt ?? [],
    services: options.service,
    build: options.build,
  });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { shouldColor } = await import('../color.js');
    const pc = (await import('picocolors')).default.createColors(shouldColor(options.color));
    process.stdout.write(formatLogCheckStylish(report, (text, kind) => (kind === 'pass' ? pc.green(text) : kind === 'fail' ? pc.red(text) : pc.dim(text))));
  }
  return report.ok ? 0 : 1;
}

/** Run a command body: known errors become one clear line on stderr and exit 2, never a stack trace. */
async function run(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const { UsageError } = await import('../../buildkit/build-target.js');
    const { EngineUnavailableError } = await import('../../buildkit/docker-cli.js');
    const message = error instanceof Error ? error.message : String(error);
    const known = error instanceof UsageError || error instanceof EngineUnavailableError;
    process.stderr.write(`docker-policy: ${known ? '' : 'unexpected error: '}${message}\n`);
    process.exitCode = 2;
  }
}

function usage(message: string): number {
  process.stderr.write(`docker-policy: ${message}\n`);
  return 2;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`expected a positive number of seconds, got "${value}"`);
  return number;
}

function parseInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return number;
}
