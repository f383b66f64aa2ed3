import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDockerfile, type DockerfileModel, type Stage } from '../model/dockerfile.js';
import { SourceFile } from '../model/source.js';
import { stagesOfTarget } from './build-graph.js';
import { UsageError, type BuildTarget } from './build-target.js';
import { checkAllCached, checkBuildSucceeded, checkInstallCached, checkInstallRebuilt, type CheckContext } from './checks.js';
import { findComposeCli, runComposeBuild, type ComposeCli } from './compose-cli.js';
import { composeTargets } from './compose-targets.js';
import { engineVersion, findDockerCli, lacksBridgeNetwork, removeImages, runBuild, type DockerCli } from './docker-cli.js';
import { chooseManifestFile, chooseSourceFile } from './file-choice.js';
import { findInstallSteps, type InstallStep } from './install-steps.js';
import { parseBuildLog } from './parse-log.js';
import { SCENARIO_LETTER, type Offender, type ScenarioId, type ScenarioResult, type VerifyReport } from './scenario-types.js';
import { instructionText } from './step-map.js';
import { appendToFile, createWorkspace, uniqueWhitespace, type Workspace } from './workspace.js';

export interface VerifyOptions {
  dockerfile?: string;
  context?: string;
  target?: string;
  compose?: string;
  services?: string[];
  /** Regular expression for RUN instructions that install dependencies (default: known package managers). */
  installStep?: string;
  /** Application source file to edit in (c) and (e), relative to the context. */
  sourceFile?: string;
  docker?: string;
  buildArgs?: string[];
  network?: string | null;
  /** Per build, in seconds. */
  timeoutSeconds?: number;
  keep?: boolean;
  /** With `compose`: build through `docker compose` / `docker-compose` when present (default), else with docker build. */
  composeBuild?: boolean;
  /** One line per build, for stderr. */
  progress?: (line: string) => void;
}

const TITLES: Record<ScenarioId, string> = {
  'first-build': 'first build succeeds',
  'no-change': 'rebuild without changes: every step CACHED',
  'source-change': 'source edit keeps the dependency install CACHED',
  'manifest-change': 'manifest edit reruns the dependency install',
  'service-isolation': 'source edit in one service rebuilds no other service',
};

/** One target's static facts: its Dockerfile model, the stages it builds and its install steps. */
interface Plan {
  target: BuildTarget;
  /** The Dockerfile as the user named it, for messages. */
  displayFile: string;
  model: DockerfileModel;
  stages: Stage[];
  installs: InstallStep[];
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}

/** The build targets the options name, checked to exist. */
export function resolveTargets(options: VerifyOptions): BuildTarget[] {
  if (options.compose && options.dockerfile) throw new UsageError('use either --compose or --dockerfile, not both');
  if (options.compose) {
    if (!existsSync(options.compose)) throw new UsageError(`compose file ${options.compose} does not exist`);
    return composeTargets(options.compose, options.services ?? []);
  }
  if (!options.dockerfile) throw new UsageError('name what to build: --dockerfile FILE [--context DIR] or --compose FILE');
  const dockerfile = path.resolve(options.dockerfile);
  if (!existsSync(dockerfile) || !statSync(dockerfile).isFile()) throw new UsageError(`Dockerfile ${options.dockerfile} does not exist`);
  const context = path.resolve(options.context ?? path.dirname(dockerfile));
  if (!existsSync(context) || !statSync(context).isDirectory()) throw new UsageError(`build context ${options.context} is not a directory`);
  return [{ name: displayPath(dockerfile), service: null, dockerfile, context, target: options.target ?? null, buildArgs: {}, network: null }];
}

function planOf(original: BuildTarget, copy: BuildTarget, options: VerifyOptions): Plan {
  const model = parseDockerfile(new SourceFile(original.dockerfile, 'dockerfile', readFileSync(original.dockerfile, 'utf8')));
  const stages = stagesOfTarget(model, copy.target);
  if (copy.target && !stages.length) throw new UsageError(`${displayPath(original.dockerfile)} has no stage named "${copy.target}"`);
  let pattern: RegExp | undefined;
  if (options.installStep) {
    try {
      pattern = new RegExp(options.installStep);
    } catch (error) {
      throw new UsageError(`--install-step is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const installs = findInstallSteps(model, undefined, { pattern }).filter((install) => stages.includes(model.stages[install.stageIndex]!));
  return { target: copy, displayFile: displayPath(original.dockerfile), model, stages, installs };
}

/** Run the scenarios on a temporary copy of the build contexts and report each one. */
export async function verifyCache(options: VerifyOptions): Promise<VerifyReport> {
  const targets = resolveTargets(options);
  const cli = await findDockerCli(options.docker);
  const server = await engineVersion(cli);
  const progress = options.progress ?? (() => {});
  let fallbackNetwork: string | null = null;
  if (!options.network && targets.some((target) => !target.network) && (await lacksBridgeNetwork(cli))) {
    fallbackNetwork = 'none';
    progress('verify-cache: the engine has no bridge network (dockerd --bridge=none): building with --network=none (override with --network)');
  }
  let compose: ComposeCli | null = null;
  if (options.compose && options.composeBuild !== false) {
    compose = await findComposeCli(cli);
    if (!compose) progress('verify-cache: neither the docker compose plugin nor docker-compose answers: building each service with docker build');
  }
  const workspace = createWorkspace(targets);
  const runner = new ScenarioRunner(cli, compose, workspace, options, progress, fallbackNetwork);
  const scenarios: ScenarioResult[] = [];
  try {
    const plans = targets.map((target, index) => planOf(target, workspace.targets[index]!, options));
    if (options.sourceFile) {
      for (const plan of plans) {
        if (!existsSync(path.join(plan.target.context, options.sourceFile))) throw new UsageError(`--source-file ${options.sourceFile} is not in the build context of ${plan.target.name} (or .dockerignore leaves it out)`);
      }
    }
    const healthy: Plan[] = [];
    for (const plan of plans) {
      const result = await runner.firstBuild(plan);
      scenarios.push(result);
      if (result.outcome === 'pass') healthy.push(plan);
    }
    for (const plan of healthy) scenarios.push(await runner.noChange(plan));
    for (const plan of healthy) {
      if (!plan.installs.length) {
        const detail = `no dependency install step found in the stages built${options.installStep ? ` (--install-step ${options.installStep})` : '; name yours with --install-step REGEX'}`;
        scenarios.push(skip('source-change', plan, detail), skip('manifest-change', plan, detail));
        continue;
      }
      for (const install of plan.installs) {
        scenarios.push(await runner.sourceChange(plan, install));
        scenarios.push(await runner.manifestChange(plan, install));
      }
    }
    if (healthy.length > 1) {
      for (const changed of healthy) scenarios.push(await runner.serviceIsolation(changed, healthy.filter((plan) => plan !== changed)));
    }
  } finally {
    await removeImages(cli, runner.tags);
    if (!options.keep) workspace.remove();
  }
  return {
    engine: { client: cli.clientVersion, clientPath: cli.path, server, builder: builderLabel(cli, compose) },
    targets: targets.map((target) => target.name),
    scenarios,
    workspace: options.keep ? workspace.root : null,
    ok: scenarios.every((scenario) => scenario.outcome !== 'fail'),
  };
}

function builderLabel(cli: DockerCli, compose: ComposeCli | null): string {
  const docker = cli.builder === 'buildx' ? `docker buildx build --progress=${cli.rawjson ? 'rawjson' : 'plain'}` : 'DOCKER_BUILDKIT=1 docker build --progress=plain';
  if (!compose) return docker;
  // The plugin drives BuildKit itself; 1.x hands each build to the docker client.
  return compose.prefix.length ? `${compose.label} build (BUILDKIT_PROGRESS=plain)` : `${compose.label} build (COMPOSE_DOCKER_CLI_BUILD=1 through ${docker})`;
}

function skip(id: ScenarioId, plan: Plan, detail: string): ScenarioResult {
  return { id, title: TITLES[id], target: plan.target.name, detail, outcome: 'skip', offenders: [], builds: 0, seconds: 0 };
}

function describe(plan: Plan, install: InstallStep): string {
  return `${instructionText(plan.model, install.instruction)} (${plan.displayFile}:${install.instruction.range.start.line})`;
}

/** Runs builds for the scenarios and keeps the count of builds and images made. */
class ScenarioRunner {
  readonly tags: string[] = [];
  private builds = 0;

  constructor(
    private readonly cli: DockerCli,
    /** Builds compose services when set; otherwise every target goes through docker build. */
    private readonly compose: ComposeCli | null,
    private readonly workspace: Workspace,
    private readonly options: VerifyOptions,
    private readonly progress: (line: string) => void,
    /** Network for targets that name none, when the engine's default cannot run RUN steps. */
    private readonly fallbackNetwork: string | null,
  ) {}

  /** Build one target; a failed build yields offenders instead of a check context. */
  private async build(plan: Plan, id: ScenarioId, what: string): Promise<{ context: CheckContext; failed: Offender[]; seconds: number }> {
    this.builds++;
    const tag = `docker-policy-verify-cache/${plan.target.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'target'}:${process.pid}-${this.builds}`;
    this.tags.push(tag);
    const buildOptions = {
      tag,
      timeoutMs: (this.options.timeoutSeconds ?? 600) * 1000,
      buildArgs: this.options.buildArgs ?? [],
      network: this.options.network ?? plan.target.network ?? this.fallbackNetwork,
    };
    const run = this.compose && plan.target.service
      ? await runComposeBuild(this.compose, this.cli, plan.target, { ...buildOptions, workDir: this.workspace.root, project: `docker-policy-verify-cache-${process.pid}` })
      : await runBuild(this.cli, plan.target, buildOptions);
    const parsed = parseBuildLog(run.log);
    const context: CheckContext = { model: plan.model, file: plan.displayFile, target: plan.target.name, steps: parsed.steps };
    // FROM steps are resolutions, never reported CACHED: count only what the scenarios judge.
    const steps = parsed.steps.filter((step) => !step.internal && !/^FROM /i.test(step.instruction));
    const cached = steps.filter((step) => step.status === 'cached').length;
    const outcome = run.timedOut ? 'timed out' : run.exitCode === 0 ? 'ok' : `failed (exit ${run.exitCode})`;
    this.progress(`verify-cache: (${SCENARIO_LETTER[id]}) ${plan.target.name}: ${what}: ${outcome} in ${run.seconds.toFixed(1)}s, ${steps.length} steps, ${cached} cached`);
    return { context, failed: checkBuildSucceeded(context, run.exitCode, run.log, run.timedOut), seconds: run.seconds };
  }

  private result(id: ScenarioId, plan: Plan, detail: string, offenders: Offender[], builds: number, seconds: number): ScenarioResult {
    return { id, title: TITLES[id], target: plan.target.name, detail, outcome: offenders.length ? 'fail' : 'pass', offenders, builds, seconds: Math.round(seconds * 10) / 10 };
  }

  async firstBuild(plan: Plan): Promise<ScenarioResult> {
    const build = await this.build(plan, 'first-build', 'first build');
    return this.result('first-build', plan, 'build the unchanged context', build.failed, 1, build.seconds);
  }

  async noChange(plan: Plan): Promise<ScenarioResult> {
    const build = await this.build(plan, 'no-change', 'rebuild, nothing changed');
    const offenders = build.failed.length ? build.failed : checkAllCached(build.context, null, 'ran again although nothing changed (a cache key that changes every build, e.g. ADD of a URL or a changing build arg)');
    return this.result('no-change', plan, 'rebuild the unchanged context', offenders, 1, build.seconds);
  }

  /** Edit a file of the copy, build, check, and restore the file whatever happens. */
  private async withEdit(plan: Plan, id: ScenarioId, file: string, what: string, check: (context: CheckContext) => Offender[]) {
    const restore = appendToFile(path.join(plan.target.context, file), uniqueWhitespace());
    try {
      const build = await this.build(plan, id, what);
      return { offenders: build.failed.length ? build.failed : check(build.context), seconds: build.seconds };
    } finally {
      restore();
    }
  }

  private sourceFileFor(plan: Plan, install: InstallStep | null): string | null {
    if (this.options.sourceFile) return this.options.sourceFile;
    const files = this.workspace.contextFiles(plan.target);
    return chooseSourceFile(plan.stages, install?.sourceCopy ?? plan.installs.find((candidate) => candidate.sourceCopy)?.sourceCopy ?? null, files);
  }

  async sourceChange(plan: Plan, install: InstallStep): Promise<ScenarioResult> {
    const file = this.sourceFileFor(plan, install);
    if (!file) return skip('source-change', plan, `install step ${describe(plan, install)}: the build copies no application source file to edit (name one with --source-file)`);
    const detail = `edited ${file}; install step ${describe(plan, install)}`;
    const { offenders, seconds } = await this.withEdit(plan, 'source-change', file, `rebuild after editing ${file}`, (context) => checkInstallCached(context, install.instruction, file));
    return this.result('source-change', plan, detail, offenders, 1, seconds);
  }

  async manifestChange(plan: Plan, install: InstallStep): Promise<ScenarioResult> {
    const file = chooseManifestFile(plan.model, install, this.workspace.contextFiles(plan.target));
    if (!file) return skip('manifest-change', plan, `install step ${describe(plan, install)}: no dependency manifest is copied before it`);
    const detail = `edited ${file}; install step ${describe(plan, install)}`;
    const { offenders, seconds } = await this.withEdit(plan, 'manifest-change', file, `rebuild after editing ${file}`, (context) => checkInstallRebuilt(context, install.instruction, file));
    return this.result('manifest-change', plan, detail, offenders, 1, seconds);
  }

  /**
   * (e) Edit a source file of one service; every other service, rebuilt, must be all CACHED; then the
   * edited service itself must still build. The others build first: built after the edited service,
   * a stage they share with it would come back CACHED from its build and hide the shared context.
   */
  async serviceIsolation(changed: Plan, others: Plan[]): Promise<ScenarioResult> {
    const file = this.sourceFileFor(changed, null);
    if (!file) return skip('service-isolation', changed, 'the build copies no application source file to edit (name one with --source-file)');
    const absolute = path.join(changed.target.context, file);
    const restore = appendToFile(absolute, uniqueWhitespace());
    const offenders: Offender[] = [];
    let seconds = 0;
    try {
      for (const other of others) {
        const build = await this.build(other, 'service-isolation', `rebuild after editing ${changed.target.name}/${file}`);
        seconds += build.seconds;
        const sharesContext = other.target.context === changed.target.context;
        const found = build.failed.length ? build.failed : checkAllCached(build.context, sharesContext ? file : null, `rebuilt after a change in ${changed.target.name}'s ${file}`);
        const note = `; ${other.target.name} and ${changed.target.name} share the build context, so every file of one is in the other's`;
        offenders.push(...(sharesContext ? found.map((offender) => ({ ...offender, reason: `${offender.reason}${note}` })) : found));
      }
      const own = await this.build(changed, 'service-isolation', `rebuild after editing ${file}`);
      seconds += own.seconds;
      offenders.push(...own.failed);
    } finally {
      restore();
    }
    const detail = `edited ${file} in ${changed.target.name}; rebuilt ${others.map((other) => other.target.name).join(', ')}`;
    return this.result('service-isolation', changed, detail, offenders, 1 + others.length, seconds);
  }
}
