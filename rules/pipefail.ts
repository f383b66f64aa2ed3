import type { DockerInstruction, Stage } from '../src/model/dockerfile.js';
import { isRunLike, programName } from '../src/model/queries.js';
import { NON_POSIX_SHELLS, shellInstructionProgram } from '../src/model/run-context.js';
import type { ShellCommand } from '../src/model/shell.js';
import type { Rule } from '../src/engine/types.js';

interface ShellState {
  /** PowerShell or cmd: pipes mean something else. */
  nonPosix: boolean;
  /** SHELL sets `-o pipefail`. */
  pipefail: boolean;
}

/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail` among a shell's or `set`'s arguments. */
function setsPipefail(words: readonly string[]): boolean {
  return words.some((word, index) => /^-[a-zA-Z]*o$/.test(word) && words[index + 1] === 'pipefail');
}

function stateAfterShell(instruction: DockerInstruction): ShellState {
  const program = shellInstructionProgram(instruction);
  return { nonPosix: NON_POSIX_SHELLS.has(program), pipefail: setsPipefail(instruction.jsonArgs.map((arg) => arg.value)) };
}

function initialState(stage: Stage, ends: Map<number, ShellState>): ShellState {
  if (stage.from.stageRef !== null) return ends.get(stage.from.stageRef) ?? { nonPosix: false, pipefail: false };
  // Windows images run RUN with cmd.exe.
  return { nonPosix: /(^|\/)windows\/|nanoserver|servercore/i.test(stage.from.image), pipefail: false };
}

/** True when pipefail is on where `pipe` runs: set by its wrapping shell, by SHELL, or by an earlier `set -o pipefail` of the same script. */
function protectedPipe(commands: readonly ShellCommand[], pipe: ShellCommand, state: ShellState): boolean {
  const scope = pipe.wrappedBy;
  if (scope ? setsPipefail(scope.argv.map((word) => word.value)) : state.pipefail) return true;
  return commands.some((other) => other.start < pipe.start && other.wrappedBy === scope && programName(other) === 'set' && setsPipefail(other.argv.slice(1).map((word) => word.value)));
}

/** Offset of the `|` before `pipe`, looking back over blanks and line continuations; -1 when not found. */
function pipeOperatorOffset(text: string, pipe: ShellCommand): number {
  let index = pipe.start - 1;
  while (index >= 0 && /[\s\\&]/.test(text[index]!)) index--;
  return index >= 0 && text[index] === '|' ? index : -1;
}

/**
 * The command on the left of the `|` before `pipe`: the one that ends last before the operator
 * (so `go list $(TAGS) ./... | grep` gives `go`, not the substitution inside it).
 */
function leftOfPipe(commands: readonly ShellCommand[], pipe: ShellCommand, operator: number): ShellCommand | undefined {
  const limit = operator >= 0 ? operator : pipe.start;
  let best: ShellCommand | undefined;
  for (const other of commands) {
    if (other === pipe || other.wrappedBy !== pipe.wrappedBy || other.end > limit) continue;
    if (!best || other.end > best.end || (other.end === best.end && other.start < best.start)) best = other;
  }
  return best;
}

/** Commands that cannot fail on the left of a pipe (`yes` even ends by SIGPIPE, which pipefail would turn into a failure). */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes']);

const rule: Rule = {
  meta: {
    id: 'pipefail',
    aliases: ['DL4006'],
    description: 'Set `-o pipefail` (with SHELL) before a RUN that uses a pipe, so a failure on the left of `|` fails the build.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A pipeline\'s exit status is that of its last command. In `RUN curl -fsSL https://example.com/install.sh | sh`, a failed download hands an empty script to `sh`, which succeeds, and the build goes on with a broken image. With `pipefail`, any failing command fails the pipeline, and the build stops where the problem is.',
      bad: { code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n' },
      good: { code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n' },
      notes:
        'Accepted: a SHELL with `-o pipefail` earlier in the stage or in the stage it builds on (`FROM base`); `set -o pipefail` (or `set -euxo pipefail`) earlier in the same RUN; for pipes inside `bash -c \'…\'`, `-o pipefail` on that bash. PowerShell/cmd SHELLs and Windows base images are skipped. Reported once per RUN, at the first unprotected `|`. A pipe fed by `echo`, `printf`, `true` or `yes` is not reported (hadolint reports every pipe): those cannot fail, and `yes` would even make the RUN fail under pipefail. On Alpine, use `SHELL ["/bin/ash", "-o", "pipefail", "-c"]`. Pipes inside `sh -c` strings are checked too, unlike hadolint: SHELL options do not reach a shell started by the command.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const text = dockerfile.file.text;
      const ends = new Map<number, ShellState>();
      for (const stage of dockerfile.stages) {
        let state = initialState(stage, ends);
        for (const instruction of stage.instructions) {
          if (instruction.keyword === 'SHELL' && instruction.jsonForm) state = stateAfterShell(instruction);
          if (!isRunLike(instruction) || !instruction.shell || state.nonPosix) continue;
          const commands = instruction.shell.commands;
          let pipe: ShellCommand | undefined;
          let left: ShellCommand | undefined;
          let operator = -1;
          for (const command of commands) {
            if (command.connector !== '|' || protectedPipe(commands, command, state)) continue;
            operator = pipeOperatorOffset(text, command);
            left = leftOfPipe(commands, command, operator);
            if (left && CANNOT_FAIL.has(programName(left))) continue;
            pipe = command;
            break;
          }
          if (!pipe) continue;
          const leftName = left ? programName(left) : '';
          const where = pipe.wrappedBy ? `add \`-o pipefail\` to \`${pipe.wrappedBy.argv[0]?.value ?? 'sh'} -c\`, or start its script with \`set -o pipefail\`` : 'set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN (Alpine: `/bin/ash`)';
          context.report({
            file: dockerfile.file,
            range: operator >= 0 ? dockerfile.file.rangeOf(operator, operator + 1) : dockerfile.file.rangeOf(pipe.start, pipe.end),
            message: `Without pipefail, this pipe hides a failure of ${leftName ? `\`${leftName}\`` : 'the commands before it'}: the pipeline returns the status of its last command. To fix it, ${where}.`,
          });
        }
        ends.set(stage.index, state);
      }
    }
  },
};

export default rule;
