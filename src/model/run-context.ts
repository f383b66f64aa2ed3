import type { DockerfileModel, DockerInstruction, Stage } from './dockerfile.js';
import { effectiveArgv, programName, stageChain } from './queries.js';
import type { ToolCall } from './package-args.js';
import type { ShellCommand, ShellScript, ShellWord } from './shell.js';
import { withoutTrailing } from './trim.js';

/** What a RUN's surroundings say about its commands: mounts, environment, clean-up in the same RUN. */

/** Targets of the RUN's `--mount=type=<type>` mounts (`target`, `dst` or `destination`), without a trailing slash. */
export function mountTargets(instruction: DockerInstruction, ...types: string[]): string[] {
  return instruction.mounts
    .filter((mount) => types.includes(mount.type))
    .map((mount) => withoutTrailing(mount.options.target ?? mount.options.dst ?? mount.options.destination ?? '', '/'))
    .filter(Boolean);
}

/** True when `directory` is `path` or one of its parents: a mount on `/var/lib/apt` covers `/var/lib/apt/lists`. */
export function coversPath(directory: string, path: string): boolean {
  return path === directory || path.startsWith(`${directory}/`);
}

/**
 * Variables set by ENV and ARG (ARG values are in the environment of RUN) in the stage and the
 * stages it builds on, up to `before`: name → last value written.
 */
export function buildEnvironment(model: DockerfileModel, stage: Stage, before: DockerInstruction): Map<string, string> {
  const env = new Map<string, string>();
  const chain = stageChain(model, stage).reverse();
  for (const current of chain) {
    for (const instruction of current.instructions) {
      if (instruction === before) return env;
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
      const args = instruction.args.map((arg) => arg.value);
      if (instruction.keyword === 'ENV' && args.length >= 2 && !args[0]!.includes('=')) {
        // Legacy `ENV NAME value with spaces`.
        env.set(args[0]!, unquote(args.slice(1).join(' ')));
        continue;
      }
      for (const arg of args) {
        const eq = arg.indexOf('=');
        if (eq > 0) env.set(arg.slice(0, eq), unquote(arg.slice(eq + 1)));
      }
    }
  }
  return env;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/**
 * The value the RUN's own script gives `name` before `offset` (`NAME=1 cmd`, `env NAME=1 cmd`,
 * `export NAME=1 && cmd`, a heredoc line): the last `NAME=value` written before it, or undefined.
 */
export function scriptAssignmentBefore(script: ShellScript, offset: number, name: string): string | undefined {
  const text = script.file.text.slice(script.start, Math.min(offset, script.end));
  let value: string | undefined;
  for (const match of text.matchAll(new RegExp(`(?:^|[\\s;&|(])${name}=("[^"]*"|'[^']*'|[^\\s;&|)]*)`, 'g'))) value = unquote(match[1]!);
  return value;
}

/** Paths a recursive `rm` removes (`rm -rf /var/lib/apt/lists/*`); empty for other commands. */
export function removedPaths(command: ShellCommand): string[] {
  if (programName(command) !== 'rm') return [];
  const args = effectiveArgv(command).slice(1);
  const recursive = args.some((word) => word.value === '--recursive' || /^-[a-zA-Z]*[rR]/.test(word.value));
  if (!recursive) return [];
  return args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
}

/** Shells whose syntax is not POSIX sh: command rules about sh semantics do not apply under them. */
export const NON_POSIX_SHELLS = new Set(['pwsh', 'pwsh.exe', 'powershell', 'powershell.exe', 'cmd', 'cmd.exe']);

/** The program of a SHELL instruction, without its directory: `bash`, `pwsh`. */
export function shellInstructionProgram(instruction: DockerInstruction): string {
  const first = instruction.jsonArgs[0]?.value ?? '';
  return first.slice(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1).toLowerCase();
}

/** One package argument: written out (`curl`), or one of the words a variable holds (`$buildDeps` → `gcc`). */
export interface OperandValue {
  word: ShellWord;
  value: string;
  /** The variable the value came from, for messages. */
  variable?: string;
}

/**
 * The package arguments of a call with `$NAME` / `${NAME}` operands expanded, when the RUN's own
 * script (`buildDeps='gcc make'; …`) or an ENV/ARG of the stage gives the variable a literal value.
 * Operands that stay unknown (command substitutions, build args without defaults) are left out.
 */
export function operandValues(call: ToolCall, script: ShellScript | null, environment: () => ReadonlyMap<string, string>): OperandValue[] {
  const values: OperandValue[] = [];
  let env: ReadonlyMap<string, string> | undefined;
  for (const word of call.operands) {
    if (!word.dynamic && !word.value.includes('$')) {
      values.push({ word, value: word.value });
      continue;
    }
    const name = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(word.value);
    if (!name) continue;
    const variable = name[1] ?? name[2]!;
    const content = (script ? scriptAssignmentBefore(script, word.start, variable) : undefined) ?? (env ??= environment()).get(variable);
    if (content === undefined || content.includes('$') || content.includes('`')) continue;
    for (const value of content.split(/\s+/)) if (value && value !== '\\' && !value.startsWith('-')) values.push({ word, value, variable });
  }
  return values;
}
