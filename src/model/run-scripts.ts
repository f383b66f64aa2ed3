import { shellTextOf, type DockerfileModel, type DockerInstruction, type Heredoc } from './dockerfile.js';
import { effectiveArgv } from './queries.js';
import type { ShellCommand } from './shell.js';

/**
 * The shell scripts a Dockerfile's RUN instructions hand to a POSIX shell, as the shell sees them
 * (for ShellCheck), each with the dialect it runs under and the variables in scope. Every script's
 * text has the length of the Dockerfile span it stands for, so an offset in the text plus `start`
 * is the offset in the Dockerfile.
 */

/** The dialects ShellCheck understands. */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

export interface RunScript {
  instruction: DockerInstruction;
  dialect: ShellDialect;
  text: string;
  /** Offset of `text[0]` in the Dockerfile. */
  start: number;
  /** ARG and ENV names in scope (plus the predefined proxy variables), for ShellCheck to treat as set. */
  variables: string[];
}

const DIALECTS: Record<string, ShellDialect> = { sh: 'sh', bash: 'bash', dash: 'dash', ksh: 'ksh', ash: 'dash', mksh: 'ksh', ksh93: 'ksh' };
const KNOWN_SHELLS = new Set(['sh', 'bash', 'dash', 'ksh', 'ash', 'mksh', 'ksh93', 'zsh', 'pwsh', 'powershell', 'cmd']);
const DEFAULT_LINUX_SHELL = ['/bin/sh', '-c'];
const DEFAULT_WINDOWS_SHELL = ['cmd', '/S', '/C'];
// BuildKit passes these through without an ARG; hadolint declares them too.
const PREDEFINED = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
const SHELL_PRAGMA = /^\s*#\s*(?:hadolint|docker-policy)\s+shell\s*=\s*(\S+)\s*(?:#.*)?$/i;
const WINDOWS_IMAGE = /windows|nanoserver|servercore|ltsc20\d\d|dotnet\/framework/i;

/** The ShellCheck dialect of a shell command line (`["/bin/bash", "-o", "pipefail", "-c"]`, `pwsh`), or null when ShellCheck cannot read it. */
export function dialectOf(shell: string[]): ShellDialect | null {
  for (const word of shell) {
    const name = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
    if (KNOWN_SHELLS.has(name)) return DIALECTS[name] ?? null;
  }
  return null;
}

interface StageShell {
  shell: string[];
  variables: Set<string>;
}

/** Every script ShellCheck should read, in file order. */
export function runScripts(model: DockerfileModel): RunScript[] {
  const scripts: RunScript[] = [];
  const pragmas = new Map<number, string>();
  // dockerfile-ast reads a pragma on the first lines as a parser directive: look at both.
  for (const { range } of [...model.comments, ...model.directives]) {
    const match = SHELL_PRAGMA.exec(model.file.lineText(range.start.line));
    if (match) pragmas.set(range.start.line, match[1]!);
  }
  const pragmaLines = [...pragmas.keys()].sort((a, b) => a - b);
  const firstFrom = model.stages[0]?.fromInstruction.range.start.line ?? Infinity;
  // A pragma before the first FROM sets the default shell of every stage, as in hadolint.
  const globalPragma = pragmaLines.filter((line) => line < firstFrom).map((line) => pragmas.get(line)!).pop();
  const stageShells: StageShell[] = [];
  for (const stage of model.stages) {
    const parent = stage.from.stageRef !== null ? stageShells[stage.from.stageRef] : undefined;
    const state: StageShell = parent
      ? { shell: [...parent.shell], variables: new Set(parent.variables) }
      : { shell: globalPragma ? [globalPragma] : WINDOWS_IMAGE.test(stage.from.image) ? DEFAULT_WINDOWS_SHELL : DEFAULT_LINUX_SHELL, variables: new Set(PREDEFINED) };
    stageShells[stage.index] = state;
    let nextPragma = pragmaLines.findIndex((line) => line > stage.fromInstruction.range.start.line);
    for (const instruction of stage.instructions) {
      while (nextPragma >= 0 && nextPragma < pragmaLines.length && pragmaLines[nextPragma]! < instruction.range.start.line) {
        state.shell = [pragmas.get(pragmaLines[nextPragma]!)!];
        nextPragma++;
      }
      if (instruction.keyword === 'SHELL' && instruction.jsonArgs.length) state.shell = instruction.jsonArgs.map((arg) => arg.value);
      else if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') for (const name of declaredNames(instruction)) state.variables.add(name);
      else if (instruction.keyword === 'RUN' && instruction.shell) {
        const dialect = dialectOf(state.shell);
        if (dialect) scripts.push(...scriptsOf(model, instruction, dialect, [...state.variables]));
      }
    }
  }
  return scripts;
}

function declaredNames(instruction: DockerInstruction): string[] {
  const args = instruction.args.map((arg) => arg.value);
  if (instruction.keyword === 'ENV' && args.length && !args[0]!.includes('=')) return [args[0]!];
  return args.map((arg) => arg.split('=')[0]!).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
}

function scriptsOf(model: DockerfileModel, instruction: DockerInstruction, dialect: ShellDialect, variables: string[]): RunScript[] {
  const file = model.file;
  const shell = instruction.shell!;
  const end = file.offsetAt(instruction.range.end);
  const scripts: RunScript[] = [];
  const add = (text: string, start: number, scriptDialect: ShellDialect) => {
    if (text.trim()) scripts.push({ instruction, dialect: scriptDialect, text, start, variables });
  };
  if (!instruction.heredocs.length) {
    add(dockerShellText(file.text.slice(shell.start, end), model.escapeChar), shell.start, dialect);
  } else {
    const firstLineEnd = file.lineEndOffset(file.positionAt(shell.start).line);
    const firstLine = shell.commands.filter((command) => command.start < firstLineEnd && command.name !== '');
    const feeders = firstLine.filter((command) => feedsHeredocToShell(command));
    if (feeders.length === firstLine.length) {
      // `RUN <<EOF` or `RUN bash <<EOF`: each body is a script of its own.
      const bodyDialect = feeders.length ? dialectOf([effectiveArgv(feeders[0]!)[0]!.value]) : dialect;
      for (const heredoc of instruction.heredocs) {
        const own = shebangDialect(heredoc);
        const scriptDialect = own === undefined ? bodyDialect : own;
        if (scriptDialect) add(heredoc.content.replace(/\r/g, ' '), heredoc.contentStart, scriptDialect);
      }
    } else {
      // `RUN cat <<EOF > /etc/x`: the first line with its heredocs is one script; the bodies are data.
      add(dockerShellText(file.text.slice(shell.start, firstLineEnd), model.escapeChar) + file.text.slice(firstLineEnd, end).replace(/\r/g, ' '), shell.start, dialect);
    }
  }
  for (const command of shell.commands) {
    const inner = singleQuotedShellScript(command);
    if (!inner) continue;
    const inHeredocBody = instruction.heredocs.some((heredoc) => command.start >= heredoc.contentStart && command.start <= heredoc.contentStart + heredoc.content.length);
    add(inHeredocBody ? inner.text : joinContinuations(inner.text), inner.start, inner.dialect);
  }
  return scripts;
}

/** `bash <<EOF`, `sh -e <<EOF`: a shell that reads its script from the heredoc. */
function feedsHeredocToShell(command: ShellCommand): boolean {
  const argv = effectiveArgv(command);
  return argv.length > 0 && dialectOf([argv[0]!.value]) !== null && !argv.slice(1).some((word) => /^-[a-z]*c[a-z]*$/.test(word.value));
}

/** The dialect a heredoc body's own `#!` line names: undefined without one, null for a non-shell interpreter. */
function shebangDialect(heredoc: Heredoc): ShellDialect | null | undefined {
  const match = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(heredoc.content);
  if (!match) return undefined;
  const interpreter = match[1]!.endsWith('/env') ? (match[2] ?? '') : match[1]!;
  return dialectOf([interpreter]);
}

/** `sh -c 'script'`: the quoted script, when it is one static single-quoted word (its text maps one to one). */
function singleQuotedShellScript(command: ShellCommand): { text: string; start: number; dialect: ShellDialect } | null {
  const argv = effectiveArgv(command);
  const dialect = argv.length ? dialectOf([argv[0]!.value]) : null;
  if (!dialect) return null;
  const flagIndex = argv.findIndex((word, index) => index > 0 && /^-[a-z]*c[a-z]*$/.test(word.value));
  const script = flagIndex > 0 ? argv[flagIndex + 1] : undefined;
  if (!script || !/^'[^']*'$/.test(script.raw)) return null;
  return { text: script.raw.slice(1, -1), start: script.start + 1, dialect };
}

/**
 * A RUN span as the shell receives it, at the same length: comment lines inside the instruction
 * blanked (BuildKit drops them) and each line continuation replaced by spaces, because BuildKit
 * removes escape + newline before the shell runs, even inside quotes and comments.
 */
export function dockerShellText(span: string, escapeChar: string): string {
  return joinContinuations(shellTextOf(span, escapeChar));
}

function joinContinuations(text: string): string {
  return text.replace(/\\([ \t]*)\n/g, (_, blanks: string) => ` ${blanks} `);
}

/** A ShellCheck finding, in offsets of the Dockerfile. */
export interface ShellcheckFinding {
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  start: number;
  end: number;
  /** ShellCheck's own fix, when it has one. */
  fix?: { start: number; end: number; text: string }[];
}

/** What the ShellCheck engine step left on the project for the `shellcheck` rule. */
export interface ShellcheckResults {
  /** Dockerfile path → findings. */
  byFile: Map<string, ShellcheckFinding[]>;
  /** shellcheck processes started (each reads all the scripts of one or more Dockerfiles). */
  invocations: number;
  durationMs: number;
}

/**
 * The offset in `text` of a ShellCheck position (1-based line, and column in characters with a tab
 * counting as one, as `--format=json1` reports them), or null when it lies outside the text.
 */
export function offsetInText(text: string, line: number, column: number): number | null {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return null;
    offset = newline + 1;
  }
  // Columns count code points; JavaScript offsets count UTF-16 units.
  for (let remaining = column - 1; remaining > 0 && offset < text.length; remaining--) {
    offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  }
  return offset;
}
