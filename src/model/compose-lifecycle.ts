import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ComposeService } from './compose.js';
import { anyDefinitionEntry, entryText, isPrimaryDefinition, mapEntry, resolveAlias, scalarText, serviceDefinitions, type Entry } from './compose-values.js';
import type { Project } from './project.js';

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

const EXIT_AT_ONCE = new Set(['true', '/bin/true', '/usr/bin/true', ':', 'exit', 'echo', '/bin/echo']);
const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', '/bin/ash', 'dash']);
// The last command of a one-shot job: schema migrations, seeding, bucket/topic creation.
const ONE_SHOT_COMMAND = /(^|\s)(migrate|db:migrate|migrate:latest|migrate:deploy|db:seed|seed|upgrade head)(\s|$)|alembic\s+upgrade|flyway\s+migrate|liquibase\s+update|prisma\s+migrate\s+deploy|createsuperuser|mc\s+mb\s/;
const ONE_SHOT_NAME = /(^|[-_.])(migrat(e|es|ion|ions|or)|db-?init|init|seed(er|ing)?|setup|bootstrap|provision(er|ing)?|create-?buckets?|createbuckets?|one-?shot)([-_.]|\d*$)/i;

/** The words of `command:` as written: a string split on blanks, or the list items. */
function commandWords(entry: Entry): string[] {
  const document = entry.document;
  const value = resolveAlias(document, entry.value);
  if (isScalar(value) && value.value !== null && value.value !== undefined) return String(value.value).trim().split(/\s+/).filter(Boolean);
  if (isSeq(value)) return value.items.map((item) => scalarText(document, item) ?? '');
  return [];
}

/** The script a `sh -c "…"` command runs, or the command line itself. */
function commandScript(words: string[]): string {
  if (words.length >= 3 && SHELLS.has(words[0]!) && /^-[a-z]*c$/.test(words[1]!)) return words.slice(2).join(' ').replace(/^["']|["']$/g, '');
  return words.join(' ');
}

/** The last command of a `a && b; c` chain (good enough for the signals we look for). */
function lastCommand(script: string): string {
  const parts = script.split(/&&|\|\||;/).map((part) => part.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

export function oneShotSignal(project: Project, service: ComposeService): OneShotSignal | null {
  const commandEntry = anyDefinitionEntry(project, service, 'command');
  if (commandEntry && commandEntry !== 'unknown') {
    const script = commandScript(commandWords(commandEntry));
    const last = lastCommand(script);
    const program = last.split(/\s+/)[0] ?? '';
    if (last && EXIT_AT_ONCE.has(program)) return { strength: 'strong', reason: `its command (\`${script}\`) exits at once` };
    if (last && ONE_SHOT_COMMAND.test(last)) return { strength: 'strong', reason: `its command (\`${last}\`) runs to completion` };
  }
  const files = new Set(serviceDefinitions(project, service).map((definition) => definition.compose));
  for (const other of [...files].flatMap((compose) => compose.services)) {
    const waits = other.dependsOn.find((dependency) => dependency.service === service.name && dependency.condition === 'service_completed_successfully');
    if (waits) return { strength: 'strong', reason: `"${other.name}" waits for it to complete (\`condition: service_completed_successfully\`)` };
  }
  if (ONE_SHOT_NAME.test(service.name)) return { strength: 'weak', reason: `its name "${service.name}" names a one-shot job` };
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
