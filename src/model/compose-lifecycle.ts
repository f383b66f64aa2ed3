import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { baseImageUserOf } from './build-only.js';
import type { ComposeService } from './compose.js';
import { anyDefinitionEntry, entryText, isPrimaryDefinition, mapEntry, resolveAlias, scalarText, serviceDefinitions, type Entry } from './compose-values.js';
import { targetStage, type DockerInstruction } from './dockerfile.js';
import type { Project } from './project.js';
import { stageChain } from './queries.js';

/**
 * Is a service a one-shot job (a migration, a build-only base, an init step) or a long-running
 * process? Rules about restart policies, health checks, log rotation and limits apply to the latter.
 *
 * `strong` signals are certain enough to call `restart: always` on the service a bug; a `weak`
 * signal (only the service's name) merely excuses the service from the long-running policies.
 */
export interface OneShotSignal {
  strength: 'strong' | 'weak';
  /** Reads after "it is a one-shot job because …". */
  reason: string;
}

// Programs that print something and exit: test stubs, build-only base services.
const EXIT_AT_ONCE = new Set(['true', ':', 'exit', 'echo', 'printf', 'cat', 'ls', 'env', 'printenv', 'uname', 'id', 'whoami', 'date', 'pwd', 'hostname', 'test', '[']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
// The last command of a one-shot job: schema migrations, seeding, bucket/topic creation.
const ONE_SHOT_COMMAND = /(^|\s)(migrate|db:migrate|migrate:latest|migrate:deploy|db:seed|seed|upgrade head)(\s|$)|alembic\s+upgrade|flyway\s+migrate|liquibase\s+update|prisma\s+migrate\s+deploy|createsuperuser|mc\s+mb\s/;
const ONE_SHOT_NAME = /(^|[-_.])(migrat(e|es|ion|ions|or)|db-?init|init|seed(er|ing)?|setup|bootstrap|provision(er|ing)?|create-?buckets?|createbuckets?|one-?shot|tests?|e2e)([-_.]|\d*$)/i;
// Images whose default command is a shell, which exits at once without a terminal.
const SHELL_IMAGES = /^(docker\.io\/)?(library\/)?(alpine|busybox|ubuntu|debian|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|bash)(:[^/]*)?$/;

/** The words of `command:`/`entrypoint:` as written: a string split on blanks, or the list items. */
function commandWords(entry: Entry): string[] {
  const document = entry.document;
  const value = resolveAlias(document, entry.value);
  if (isScalar(value) && value.value !== null && value.value !== undefined) return String(value.value).trim().split(/\s+/).filter(Boolean);
  if (isSeq(value)) return value.items.map((item) => scalarText(document, item) ?? '');
  return [];
}

/**
 * The last `keyword` instruction of the stage a service builds, or of a stage it builds on
 * (nearest first). null when the stages have none; undefined when the Dockerfile is not in the model.
 */
export function builtStageInstruction(project: Project, service: ComposeService, keyword: string): DockerInstruction | null | undefined {
  const target = project.buildTargets.find((candidate) => candidate.service === service);
  const stage = target && targetStage(target.dockerfile, target.target);
  if (!target || !stage) return undefined;
  for (const current of stageChain(target.dockerfile, stage)) {
    const instruction = [...current.instructions].reverse().find((candidate) => candidate.keyword === keyword);
    if (instruction) return instruction;
  }
  return null;
}

/** ENTRYPOINT or CMD of the built stage as words ([] when unset), or null when the Dockerfile is not in the model. */
function dockerfileWords(project: Project, service: ComposeService, keyword: 'ENTRYPOINT' | 'CMD'): string[] | null {
  const instruction = builtStageInstruction(project, service, keyword);
  if (instruction === undefined) return null;
  if (instruction === null) return [];
  return instruction.jsonForm ? instruction.jsonArgs.map((word) => word.value) : ['/bin/sh', '-c', instruction.argsText.trim()];
}

/**
 * The command line the container runs, as far as the project shows it: compose `entrypoint` and
 * `command` over the built Dockerfile's ENTRYPOINT and CMD; a bare OS image runs its shell.
 */
function processWords(project: Project, service: ComposeService): string[] | null {
  const entrypoint = anyDefinitionEntry(project, service, 'entrypoint');
  const command = anyDefinitionEntry(project, service, 'command');
  if (entrypoint === 'unknown' || command === 'unknown') return null;
  const commandPart = command ? commandWords(command) : null;
  // An entrypoint set in compose drops the image's CMD.
  if (entrypoint) return [...commandWords(entrypoint), ...(commandPart ?? [])];
  const imageEntrypoint = service.build ? dockerfileWords(project, service, 'ENTRYPOINT') : null;
  if (commandPart) return [...(imageEntrypoint ?? []), ...commandPart];
  if (service.build) {
    const cmd = dockerfileWords(project, service, 'CMD');
    return imageEntrypoint === null || cmd === null ? null : [...imageEntrypoint, ...cmd];
  }
  const interactive = ['tty', 'stdin_open'].some((key) => {
    const entry = anyDefinitionEntry(project, service, key);
    return entry && entry !== 'unknown' && isScalar(entry.value) && (entry.value.value === true || entry.value.value === 'true');
  });
  return service.image && SHELL_IMAGES.test(service.image) && !interactive ? ['sh'] : null;
}

/** The script a `sh -c "…"` command runs, or the command line itself. */
function commandScript(words: string[]): string {
  const program = (words[0] ?? '').split('/').pop()!;
  if (words.length >= 3 && SHELLS.has(program) && /^-[a-z]*c$/.test(words[1]!)) return words.slice(2).join(' ').replace(/^["']|["']$/g, '');
  return words.join(' ');
}

/** The last command of a `a && b; c` chain (good enough for the signals we look for). */
function lastCommand(script: string): string {
  const parts = script.split(/&&|\|\||;/).map((part) => part.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/** Why a command line runs to completion, or null. */
function finiteCommand(words: string[]): string | null {
  const script = commandScript(words);
  const last = lastCommand(script);
  const [program = '', ...args] = last.split(/\s+/);
  const name = program.split('/').pop()!;
  if (!last) return null;
  if (EXIT_AT_ONCE.has(name)) return `its command (\`${script}\`) exits at once`;
  if (name === 'sleep' && args.length === 1 && /^\d+(\.\d+)?[smhd]?$/.test(args[0]!)) return `its command (\`${script}\`) ends after a pause`;
  if (SHELLS.has(name) && args.length === 0 && words.length === 1) return 'it runs a shell, which exits at once without a terminal';
  if (ONE_SHOT_COMMAND.test(last)) return `its command (\`${last}\`) runs to completion`;
  return null;
}

export function oneShotSignal(project: Project, service: ComposeService): OneShotSignal | null {
  const words = processWords(project, service);
  const finite = words ? finiteCommand(words) : null;
  if (finite) return { strength: 'strong', reason: finite };
  // Seed 000: a service that only builds another service's base image should exit at once, not restart.
  const user = baseImageUserOf(project, service);
  if (user) return { strength: 'strong', reason: `it only builds the base image of "${user}" (see build-only-service)` };
  const files = new Set(serviceDefinitions(project, service).map((definition) => definition.compose));
  for (const other of [...files].flatMap((compose) => compose.services)) {
    const waits = other.dependsOn.find((dependency) => dependency.service === service.name && dependency.condition === 'service_completed_successfully');
    if (waits) return { strength: 'strong', reason: `"${other.name}" waits for it to complete (\`condition: service_completed_successfully\`)` };
  }
  if (ONE_SHOT_NAME.test(service.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'))) return { strength: 'weak', reason: `its name "${service.name}" names a one-shot job` };
  return null;
}

export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface EffectiveRestart {
  policy: RestartPolicy | null;
  /** The node to point at: the `restart` value, or `deploy.restart_policy.condition`. */
  node: Node | null;
  /** As written (after interpolation). */
  text: string;
}

const DEPLOY_CONDITIONS: Record<string, RestartPolicy> = { none: 'no', any: 'always', 'on-failure': 'on-failure' };

/**
 * The restart policy Compose applies: `restart:`, else `deploy.restart_policy.condition`
 * (none → no, any → always). null when neither is set; 'unknown' when it cannot be read.
 */
export function effectiveRestart(project: Project, service: ComposeService): EffectiveRestart | null | 'unknown' {
  const restart = anyDefinitionEntry(project, service, 'restart');
  if (restart === 'unknown') return 'unknown';
  if (restart) return fromRestartEntry(service, restart);
  const deploy = anyDefinitionEntry(project, service, 'deploy');
  if (deploy === 'unknown') return 'unknown';
  if (!deploy || !isMap(deploy.value)) return null;
  const document = deploy.document;
  const policy = mapEntry(document, deploy.value as YAMLMap, 'restart_policy');
  if (!policy || !isMap(policy.value)) return null;
  const condition = mapEntry(document, policy.value as YAMLMap, 'condition');
  const text = entryText(service.compose, condition);
  if (text === null) return condition ? 'unknown' : { policy: 'always', node: policy.key, text: 'any' };
  const mapped = DEPLOY_CONDITIONS[text];
  return mapped ? { policy: mapped, node: condition!.value, text } : 'unknown';
}

function fromRestartEntry(service: ComposeService, entry: Entry): EffectiveRestart | 'unknown' {
  const value = entry.value;
  // `restart: no` unquoted is the YAML 1.1 boolean false in some parsers: read it as "no".
  if (isScalar(value) && value.value === false) return { policy: 'no', node: value, text: 'no' };
  const text = entryText(service.compose, entry);
  if (text === null) return 'unknown';
  const policy = text.replace(/:\d+$/, '');
  if (policy === 'no' || policy === 'always' || policy === 'unless-stopped' || policy === 'on-failure') return { policy, node: value, text };
  return 'unknown';
}

/**
 * The services the long-running policies apply to: defined with a body, reported once (in the
 * base file when sibling overrides also define them), and with no sign of being a one-shot job.
 */
export function* longRunningServices(project: Project): Generator<ComposeService> {
  for (const compose of project.composeFiles) {
    for (const service of compose.services) {
      if (!service.node || !isPrimaryDefinition(project, service)) continue;
      if (oneShotSignal(project, service)) continue;
      yield service;
    }
  }
}
