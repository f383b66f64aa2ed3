import { DockerfileParser, type Instruction as AstInstruction, type Flag as AstFlag, type Heredoc as AstHeredoc, type Property as AstProperty } from 'dockerfile-ast';
// Installs the memo of dockerfile-ast's argument split (see there) before anything is parsed.
import './dockerfile-ast-arguments.js';
import { parseImageRef, type ImageRef } from './image-ref.js';
import { parseShell, SHELL_PROGRAMS, type ShellScript } from './shell.js';
import type { Range, SourceFile } from './source.js';
import { expandVariables } from './variables.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface Located<T = string> {
  value: T;
  range: Range;
}

export interface InstructionFlag {
  name: string;
  value: string | null;
  range: Range;
  valueRange: Range | null;
}

export interface Heredoc {
  name: string;
  content: string;
  /** Offset of the first content character in the file. */
  contentStart: number;
  contentRange: Range | null;
}

/** One `key=value` pair of ENV or LABEL (also the legacy `ENV key value` form). */
export interface InstructionProperty {
  /** Name after quote removal. */
  name: string;
  nameRange: Range;
  /** Value after quote removal and escapes; null when written without one (`ENV KEY`). */
  value: string | null;
  /** Where the value is written, quotes included; for an empty value (`KEY=`), the empty span after `=`. */
  valueRange: Range | null;
}

export interface RunMount {
  type: string;
  options: Record<string, string>;
  flag: InstructionFlag;
}

export interface CopySpec {
  sources: Located[];
  destination: Located | null;
  /** `--from=<stage|image|index>` value. */
  from: Located | null;
  /** Inline files from heredocs (`COPY <<EOF /etc/x`). */
  heredocs: Heredoc[];
}

export interface DockerInstruction {
  /** Upper-case keyword: RUN, COPY, ... (`ONBUILD` triggers are listed under their ONBUILD). */
  keyword: string;
  /** Keyword as written (`run`, `Run`). */
  keywordRaw: string;
  range: Range;
  keywordRange: Range;
  /** Text after the keyword as written, continuations included. */
  argsText: string;
  argsRange: Range | null;
  /** Arguments after flags, as dockerfile-ast splits them. */
  args: Located[];
  flags: InstructionFlag[];
  /** Exec form (`["a", "b"]`) for RUN/CMD/ENTRYPOINT/SHELL/COPY/ADD/VOLUME. */
  jsonForm: boolean;
  jsonArgs: Located[];
  heredocs: Heredoc[];
  /** Parsed shell for RUN (shell form and heredoc bodies); CMD/ENTRYPOINT/HEALTHCHECK in shell form. */
  shell: ShellScript | null;
  mounts: RunMount[];
  copy: CopySpec | null;
  /** ONBUILD's trigger keyword. */
  triggerKeyword?: string;
  /** ENV and LABEL pairs, in the order written. */
  properties?: InstructionProperty[];
  /**
   * ONBUILD's trigger as an instruction of its own (keyword, flags, heredocs, shell, ranges in
   * this file). For `ONBUILD RUN …` the ONBUILD instruction also carries the trigger's `shell` and
   * `mounts`, so command rules see what the child build will run.
   */
  trigger?: DockerInstruction;
  stageIndex: number | null;
}

export interface FromClause {
  /** Image text as written (`${BASE}`, `node:20`). */
  imageText: string;
  imageRange: Range | null;
  /** Image after substituting global ARG defaults. */
  image: string;
  imageRef: ImageRef | null;
  /** Index of the earlier stage this one builds on (`FROM build`). */
  stageRef: number | null;
  isScratch: boolean;
  /** Variables used in the image text that have no default. */
  unresolvedVariables: string[];
  /** Global ARGs whose defaults were used to resolve the image. */
  argsUsed: string[];
  platform: Located | null;
  alias: Located | null;
}

export interface Stage {
  index: number;
  /** Alias from `FROM x AS name`, as written. */
  name: string | null;
  from: FromClause;
  fromInstruction: DockerInstruction;
  /** Instructions after FROM, up to the next FROM. */
  instructions: DockerInstruction[];
  range: Range;
}

export interface ParserDirective {
  name: string;
  value: string;
  range: Range;
}

export interface GlobalArg {
  name: string;
  defaultValue: string | null;
  instruction: DockerInstruction;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  file: SourceFile;
  directives: ParserDirective[];
  escapeChar: string;
  /** ARGs declared before the first FROM. */
  globalArgs: GlobalArg[];
  stages: Stage[];
  /** Every instruction in file order, including global ARGs. */
  instructions: DockerInstruction[];
  comments: { text: string; range: Range }[];
}

const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const SHELL_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

export function parseDockerfile(file: SourceFile): DockerfileModel {
  const ast = DockerfileParser.parse(file.text);
  const escapeChar = ast.getEscapeCharacter();
  const lspOffset = lspOffsetsForLoneCr(file);
  const toRange = (range: LspRange): Range =>
    lspOffset
      ? file.rangeOf(lspOffset(range.start), lspOffset(range.end))
      : { start: { line: range.start.line + 1, column: range.start.character + 1 }, end: { line: range.end.line + 1, column: range.end.character + 1 } };
  const offsetOf = (position: { line: number; character: number }) => (lspOffset ? lspOffset(position) : file.offsetAt({ line: position.line + 1, column: position.character + 1 }));

  const directives = ast.getDirectives().map((directive) => ({
    name: directive.getName().toLowerCase(),
    value: directive.getValue(),
    range: toRange(directive.getRange()),
  }));

  const model: DockerfileModel = {
    kind: 'dockerfile',
    file,
    directives,
    escapeChar,
    globalArgs: [],
    stages: [],
    instructions: [],
    comments: ast.getComments().map((comment) => ({ text: comment.getContent() ?? '', range: toRange(comment.getRange()) })),
  };

  const convert = (node: AstInstruction, stageIndex: number | null): DockerInstruction => {
    const keyword = node.getKeyword();
    const flags: InstructionFlag[] = 'getFlags' in node && typeof node.getFlags === 'function'
      ? (node.getFlags() as AstFlag[]).map((flag) => ({
          name: flag.getName(),
          value: flag.getValue(),
          range: toRange(flag.getRange()),
          valueRange: flag.getValueRange() ? toRange(flag.getValueRange()!) : null,
        }))
      : [];
    const args = node.getArguments().map((argument) => ({ value: argument.getValue(), range: toRange(argument.getRange()) }));
    let jsonForm = false;
    let jsonArgs: Located[] = [];
    if (JSON_FORM_KEYWORDS.has(keyword) && 'getOpeningBracket' in node) {
      const json = node as unknown as { getOpeningBracket(): unknown; getClosingBracket(): unknown; getJSONStrings(): { getJSONValue(): string; getRange(): LspRange }[] };
      if (json.getOpeningBracket() && json.getClosingBracket()) {
        jsonForm = true;
        jsonArgs = json.getJSONStrings().map((item) => ({ value: item.getJSONValue(), range: toRange(item.getRange()) }));
      }
    }
    const heredocs: Heredoc[] = 'getHeredocs' in node && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')
      ? (node as unknown as { getHeredocs(): AstHeredoc[] }).getHeredocs().map((heredoc) => {
          const contentRange = heredoc.getContentRange();
          const contentStart = contentRange ? offsetOf(contentRange.start) : 0;
          const content = contentRange ? file.text.slice(contentStart, offsetOf(contentRange.end)) : '';
          return { name: heredoc.getName(), content, contentStart, contentRange: contentRange ? toRange(contentRange) : null };
        })
      : [];
    const argsLsp = node.getArgumentsRange();
    const argsText = argsLsp ? file.text.slice(offsetOf(argsLsp.start), offsetOf(argsLsp.end)) : '';
    const instruction: DockerInstruction = {
      keyword,
      keywordRaw: node.getInstruction(),
      range: toRange(node.getRange()),
      keywordRange: toRange(node.getInstructionRange()),
      argsText,
      argsRange: argsLsp ? toRange(argsLsp) : null,
      args,
      flags,
      jsonForm,
      jsonArgs,
      heredocs,
      shell: null,
      mounts: keyword === 'RUN' ? flags.filter((flag) => flag.name === 'mount').map(toMount) : [],
      copy: null,
      stageIndex,
    };
    if (keyword === 'COPY' || keyword === 'ADD') instruction.copy = toCopySpec(instruction);
    if (SHELL_FORM_KEYWORDS.has(keyword) && !jsonForm) instruction.shell = shellOf(file, instruction, escapeChar);
    if ((keyword === 'ENV' || keyword === 'LABEL') && 'getProperties' in node) {
      instruction.properties = (node as unknown as { getProperties(): AstProperty[] }).getProperties().map((property) => {
        const valueRange = property.getValueRange();
        return { name: property.getName(), nameRange: toRange(property.getNameRange()), value: property.getValue(), valueRange: valueRange ? toRange(valueRange) : null };
      });
    }
    if (keyword === 'ONBUILD') {
      const trigger = (node as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction();
      instruction.triggerKeyword = trigger?.getKeyword();
      if (trigger) {
        instruction.trigger = convert(trigger, stageIndex);
        if (instruction.trigger.keyword === 'RUN') {
          instruction.shell = instruction.trigger.shell;
          instruction.mounts = instruction.trigger.mounts;
        }
      }
    }
    return instruction;
  };

  const stageNames = new Map<string, number>();
  let current: Stage | null = null;
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword();
    if (keyword === 'FROM') {
      const index = model.stages.length;
      const instruction = convert(node, index);
      const from = toFromClause(instruction, model, stageNames);
      current = { index, name: from.alias?.value ?? null, from, fromInstruction: instruction, instructions: [], range: instruction.range };
      if (current.name) stageNames.set(current.name.toLowerCase(), index);
      model.stages.push(current);
      model.instructions.push(instruction);
      continue;
    }
    const instruction = convert(node, current ? current.index : null);
    model.instructions.push(instruction);
    if (current) {
      current.instructions.push(instruction);
      current.range = { start: current.range.start, end: instruction.range.end };
    } else if (keyword === 'ARG') {
      for (const argument of instruction.args) {
        const eq = argument.value.indexOf('=');
        const name = eq >= 0 ? argument.value.slice(0, eq) : argument.value;
        const defaultValue = eq >= 0 ? unquote(argument.value.slice(eq + 1)) : null;
        model.globalArgs.push({ name, defaultValue, instruction });
      }
    }
  }
  return model;
}

/**
 * The global ARG defaults as BuildKit sees them in FROM: each default is expanded with the global
 * ARGs declared before it (`ARG IMAGE=$REGISTRY/$OWNER/app`), and `unresolvedBehind` keeps the
 * variables a default could not resolve (a platform ARG, an ARG without default).
 */
function globalArgDefaults(model: DockerfileModel): { defaults: Map<string, string | null>; unresolvedBehind: Map<string, string[]> } {
  const defaults = new Map<string, string | null>();
  const unresolvedBehind = new Map<string, string[]>();
  for (const arg of model.globalArgs) {
    if (arg.defaultValue === null || !arg.defaultValue.includes('$')) {
      defaults.set(arg.name, arg.defaultValue);
      unresolvedBehind.set(arg.name, []);
      continue;
    }
    const expanded = expandVariables(arg.defaultValue, (name) => defaults.get(name) ?? undefined, { escapeChar: model.escapeChar });
    defaults.set(arg.name, expanded.value);
    unresolvedBehind.set(arg.name, [...expanded.unresolved, ...expanded.used.flatMap((name) => unresolvedBehind.get(name) ?? [])]);
  }
  return { defaults, unresolvedBehind };
}

/**
 * dockerfile-ast ends lines at `\r\n`, `\n` or a lone `\r` (the LSP rule); SourceFile (like BuildKit)
 * only at `\n`. With a lone `\r` in the text the two disagree on line numbers, so positions go
 * through offsets; null when they agree.
 */
function lspOffsetsForLoneCr(file: SourceFile): ((position: { line: number; character: number }) => number) | null {
  if (!/\r(?!\n)/.test(file.text)) return null;
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(file.text); match; match = breaks.exec(file.text)) starts.push(match.index + match[0].length);
  return (position) => Math.min(file.text.length, starts[Math.min(position.line, starts.length - 1)]! + position.character);
}

function toFromClause(instruction: DockerInstruction, model: DockerfileModel, stageNames: Map<string, number>): FromClause {
  const args = instruction.args;
  const imageArg = args[0];
  const imageText = imageArg?.value ?? '';
  let alias: Located | null = null;
  if (args.length >= 3 && args[1]!.value.toLowerCase() === 'as') alias = args[2]!;
  const platformFlag = instruction.flags.find((flag) => flag.name === 'platform');
  const { defaults, unresolvedBehind } = globalArgDefaults(model);
  const substituted = expandVariables(imageText, (name) => defaults.get(name) ?? undefined, { escapeChar: model.escapeChar });
  // `ARG IMAGE=$REGISTRY/app` then `FROM $IMAGE`: what REGISTRY lacks, the FROM lacks too.
  const unresolved = [...new Set([...substituted.unresolved, ...substituted.used.flatMap((name) => unresolvedBehind.get(name) ?? [])])];
  const image = substituted.value;
  const stageRef = stageNames.get(image.toLowerCase()) ?? null;
  const isScratch = image.toLowerCase() === 'scratch';
  return {
    imageText,
    imageRange: imageArg?.range ?? null,
    image,
    imageRef: stageRef === null && !isScratch ? parseImageRef(image) : null,
    stageRef,
    isScratch,
    unresolvedVariables: unresolved,
    argsUsed: substituted.used.filter((name) => defaults.has(name)),
    platform: platformFlag ? { value: platformFlag.value ?? '', range: platformFlag.valueRange ?? platformFlag.range } : null,
    alias,
  };
}

function toMount(flag: InstructionFlag): RunMount {
  const options: Record<string, string> = {};
  for (const part of (flag.value ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part.trim()] = 'true';
    else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { type: options.type ?? 'bind', options, flag };
}

function toCopySpec(instruction: DockerInstruction): CopySpec {
  // With heredocs, the paths are on the first line; the lines after it are file contents.
  const firstLine = instruction.range.start.line;
  const written = instruction.heredocs.length ? instruction.args.filter((arg) => arg.range.start.line === firstLine) : instruction.args;
  const paths = instruction.jsonForm ? instruction.jsonArgs : written.filter((arg) => !arg.value.startsWith('<<'));
  const fromFlag = instruction.flags.find((flag) => flag.name === 'from');
  const heredocNames = new Set(instruction.heredocs.map((heredoc) => heredoc.name));
  const items = paths.filter((arg) => !heredocNames.has(arg.value));
  return {
    sources: items.slice(0, -1),
    destination: items.length ? items[items.length - 1]! : null,
    from: fromFlag ? { value: fromFlag.value ?? '', range: fromFlag.valueRange ?? fromFlag.range } : null,
    heredocs: instruction.heredocs,
  };
}

/** The shell script a RUN (or shell-form CMD/ENTRYPOINT) executes, with offsets into the Dockerfile. */
function shellOf(file: SourceFile, instruction: DockerInstruction, escapeChar: string): ShellScript | null {
  const firstArg = instruction.args[0];
  if (!firstArg) return null;
  const start = file.offsetAt(firstArg.range.start);
  let end = file.offsetAt(instruction.range.end);
  if (instruction.heredocs.length) {
    // The shell line is the text up to the end of the first line; heredoc bodies follow.
    const lineEnd = file.lineEndOffset(firstArg.range.start.line);
    end = Math.min(end, lineEnd);
  }
  const text = shellTextOf(file.text.slice(start, end), escapeChar);
  const script = parseShell(file, text, start);
  if (instruction.heredocs.length) {
    const firstLineCommands = script.commands.filter((command) => command.name !== '');
    const bodyIsScript = firstLineCommands.length === 0 || firstLineCommands.some((command) => SHELL_PROGRAMS.has(command.name));
    if (bodyIsScript) {
      for (const heredoc of instruction.heredocs) {
        const body = parseShell(file, heredoc.content.replace(/\r/g, ' '), heredoc.contentStart);
        script.commands.push(...body.commands);
        script.hasSyntaxError ||= body.hasSyntaxError;
        script.end = Math.max(script.end, heredoc.contentStart + heredoc.content.length);
      }
    }
  }
  return script;
}

/**
 * Turn a Dockerfile RUN span into shell text of the same length: the Dockerfile's own line
 * continuation becomes the shell's, and comment or blank lines inside the continuation (which
 * BuildKit drops) become spaces so they do not end the command.
 */
export function shellTextOf(span: string, escapeChar: string): string {
  const lines = span.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r/g, ' ');
    const isLast = i === lines.length - 1;
    if (i > 0 && !isLast && /^\s*(#.*)?$/.test(line)) {
      out.push(' '.repeat(line.length) + ' ');
      continue;
    }
    if (escapeChar !== '\\') {
      const trimmed = line.trimEnd();
      if (trimmed.endsWith(escapeChar) && !isLast) line = `${trimmed.slice(0, -1)}\\${line.slice(trimmed.length)}`;
    }
    out.push(isLast ? line : `${line}\n`);
  }
  return out.join('');
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** The stage a name refers to: alias (case-insensitive, as BuildKit) or numeric index. */
export function findStage(model: DockerfileModel, reference: string): Stage | undefined {
  if (/^\d+$/.test(reference)) return model.stages[Number(reference)];
  const lower = reference.toLowerCase();
  return model.stages.find((stage) => stage.name?.toLowerCase() === lower);
}

/** The stage a build ends with: the named target, or the last stage. */
export function targetStage(model: DockerfileModel, target?: string | null): Stage | undefined {
  return target ? findStage(model, target) : model.stages[model.stages.length - 1];
}
