import type { DockerfileModel, DockerInstruction, Stage } from './dockerfile.js';
import type { ShellCommand, ShellWord } from './shell.js';
import type { Range, SourceFile } from './source.js';
import { derivedOnce } from './derived.js';

/** Small questions rules keep asking of the model. */

export interface RunCommand {
  stage: Stage;
  instruction: DockerInstruction;
  command: ShellCommand;
}

/**
 * Every shell command of every RUN, in file order (heredocs, `&&` chains and `sh -c` included),
 * and of every `ONBUILD RUN` trigger (`instruction.keyword` is then `ONBUILD`): they run in the
 * builds that use this image as a base. Listed once per model and stage: some thirty rules ask.
 */
export function runCommands(model: DockerfileModel, stage?: Stage): readonly RunCommand[] {
  return derivedOnce(listedRunCommands, stage ?? model, () => {
    const listed: RunCommand[] = [];
    for (const current of stage ? [stage] : model.stages) {
      for (const instruction of current.instructions) {
        if (!instruction.shell || !isRunLike(instruction)) continue;
        for (const command of instruction.shell.commands) listed.push({ stage: current, instruction, command });
      }
    }
    return listed;
  });
}
const listedRunCommands = new WeakMap<DockerfileModel | Stage, RunCommand[]>();

/** A RUN, or an ONBUILD whose trigger is a RUN. */
export function isRunLike(instruction: DockerInstruction): boolean {
  return instruction.keyword === 'RUN' || (instruction.keyword === 'ONBUILD' && instruction.triggerKeyword === 'RUN');
}

export function wordRange(file: SourceFile, word: ShellWord | { start: number; end: number }): Range {
  return file.rangeOf(word.start, word.end);
}

/** The command word's range: where a finding about a command points. */
export function commandRange(file: SourceFile, command: ShellCommand): Range {
  return command.argv[0] ? wordRange(file, command.argv[0]) : file.rangeOf(command.start, command.end);
}

/** The program word's range, past `sudo`/`env` prefixes: `sudo apt-get install` points at `apt-get`. */
export function programRange(file: SourceFile, command: ShellCommand): Range {
  const word = effectiveArgv(command)[0];
  return word ? wordRange(file, word) : commandRange(file, command);
}

/** Options of the prefix commands that take the next word as their value (`sudo -u app cmd`). */
const PREFIX_VALUE_OPTIONS: Record<string, string[]> = {
  sudo: ['-u', '-g', '-C', '-D', '-p', '-r', '-t', '-U', '-T'],
  env: ['-u', '-C', '-S'],
  nice: ['-n'],
  time: ['-f', '-o'],
};

/** argv after the command name, with `sudo`/`env` prefixes looked through (worked out once per command: most rules ask). */
export function effectiveArgv(command: ShellCommand): ShellWord[] {
  return derivedOnce(effectiveArgvs, command, () => withoutPrefixes(command.argv));
}
const effectiveArgvs = new WeakMap<ShellCommand, ShellWord[]>();

const PREFIX_COMMANDS = new Set(['sudo', 'env', 'nice', 'time', 'command', 'exec']);

function withoutPrefixes(words: ShellWord[]): ShellWord[] {
  let argv = words;
  while (argv.length && PREFIX_COMMANDS.has(argv[0]!.value)) {
    const valueOptions = PREFIX_VALUE_OPTIONS[argv[0]!.value] ?? [];
    argv = argv.slice(1);
    while (argv.length && (argv[0]!.value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!.value))) {
      argv = argv.slice(valueOptions.includes(argv[0]!.value) ? 2 : 1);
    }
  }
  return argv;
}

/** The program name without its directory: `/usr/bin/apt-get` → `apt-get`. */
export function programName(command: ShellCommand): string {
  const word = effectiveArgv(command)[0]?.value ?? '';
  return word.slice(word.lastIndexOf('/') + 1);
}

/** True when any of the flags is present: `--no-cache`, or a short flag, also inside `-qy`. */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  const words = effectiveArgv(command).slice(1).map((word) => word.value);
  return flags.some((flag) => {
    if (flag.startsWith('--')) return words.some((word) => word === flag || word.startsWith(`${flag}=`));
    const letter = flag.slice(1);
    return words.some((word) => word === flag || (/^-[A-Za-z0-9]+$/.test(word) && word.slice(1).includes(letter)));
  });
}

/** Positional arguments (not flags) after the command name and sub-command words. */
export function positionalArgs(command: ShellCommand, skipWords = 1): ShellWord[] {
  return effectiveArgv(command)
    .slice(skipWords)
    .filter((word) => !word.value.startsWith('-'));
}

/** The final stage: what `docker build` produces without `--target`. */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** A stage and the stages it builds on (`FROM build`), nearest first; stops at a loop. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  let current: Stage | undefined = stage;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.from.stageRef !== null ? model.stages[current.from.stageRef] : undefined;
  }
  return chain;
}

/** True when a stage this one builds on (`FROM <stage>`, transitively) has an instruction with this keyword. */
export function inheritsInstruction(model: DockerfileModel, stage: Stage, keyword: string): boolean {
  return stageChain(model, stage)
    .slice(1)
    .some((parent) => parent.instructions.some((instruction) => instruction.keyword === keyword));
}

/** Stage indexes used by later stages: `FROM stage`, `COPY --from=stage`, `RUN --mount=from=stage`. */
export function stageReferences(model: DockerfileModel): Map<number, DockerInstruction[]> {
  const used = new Map<number, DockerInstruction[]>();
  const add = (index: number | undefined, instruction: DockerInstruction) => {
    if (index === undefined) return;
    used.set(index, [...(used.get(index) ?? []), instruction]);
  };
  const resolve = (reference: string, before: number): number | undefined => {
    if (/^\d+$/.test(reference)) return Number(reference) < before ? Number(reference) : undefined;
    const lower = reference.toLowerCase();
    for (let index = before - 1; index >= 0; index--) if (model.stages[index]!.name?.toLowerCase() === lower) return index;
    return undefined;
  };
  for (const stage of model.stages) {
    if (stage.from.stageRef !== null) add(stage.from.stageRef, stage.fromInstruction);
    for (const instruction of stage.instructions) {
      if (instruction.copy?.from) add(resolve(instruction.copy.from.value, stage.index), instruction);
      for (const mount of instruction.mounts) if (mount.options.from) add(resolve(mount.options.from, stage.index), instruction);
    }
  }
  return used;
}
