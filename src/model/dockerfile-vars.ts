import { shellTextOf, type DockerfileModel, type DockerInstruction, type Stage } from './dockerfile.js';
import { closestMatch } from './suggest.js';
import { stageChain } from './queries.js';
import { derivedOnce } from './derived.js';

/**
 * Dockerfile variable scoping, the way BuildKit expands `$VAR` in the instructions it expands
 * itself (ENV, ADD, COPY, WORKDIR, USER, LABEL, EXPOSE, STOPSIGNAL, VOLUME, ARG defaults, FROM):
 *
 * - ARGs before the first FROM (global ARGs) are visible only in FROM lines, unless a stage
 *   redeclares them with `ARG NAME` (which then takes the global default).
 * - In a stage, an ARG is defined from its declaration on (also for the later names of the same
 *   ARG instruction); an ENV from the next instruction on (`ENV A=1 B=$A` reads the old A).
 * - `FROM <stage>` inherits the ARGs and ENVs of that stage.
 * - PATH is always set. The base image's own ENV is not known without pulling it.
 * - RUN/CMD/ENTRYPOINT are expanded by the shell at run time, not by BuildKit.
 */

/** BuildKit's automatic platform ARGs: set in the global scope (FROM lines); a stage must declare `ARG TARGETARCH` to read them. */
export const PLATFORM_ARGS = ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'];

/** Docker's predefined proxy ARGs, usable without an ARG instruction. */
export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

/** Names every stage may use without declaring them: PATH (BuildKit always sets it), the proxy ARGs, BUILDKIT_* build arguments. */
export function isAlwaysDefined(name: string): boolean {
  return name === 'PATH' || PROXY_ARGS.includes(name) || name.startsWith('BUILDKIT_');
}

export interface VariableReference {
  name: string;
  /** File offsets of the whole reference (`$A`, `${A:-x}`). */
  start: number;
  end: number;
  /** The modifier of `${A:-x}` (`:-`), or null. */
  operator: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Variable references in Dockerfile word text, as BuildKit's lexer finds them: not inside single
 * quotes, not after the escape character; names inside `${A:-$B}` defaults count too (BuildKit
 * looks them up whether or not A is set).
 */
export function variableReferences(text: string, offset: number, escapeChar: string): VariableReference[] {
  const found: VariableReference[] = [];
  let quote: string | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quote !== "'" && (ch === escapeChar || (ch === '\\' && text[i + 1] === '\n'))) {
      i += 2;
      continue;
    }
    if ((ch === "'" || ch === '"') && (quote === null || quote === ch)) {
      quote = quote === null ? ch : null;
      i++;
      continue;
    }
    if (ch !== '$' || quote === "'") {
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const name = NAME.exec(text.slice(i + 2))?.[0];
      if (!name) {
        i += 2;
        continue;
      }
      const after = i + 2 + name.length;
      const close = closingBrace(text, after);
      if (close < 0) break;
      const operatorMatch = /^(:?[-+?]|##?|%%?|\/\/?)/.exec(text.slice(after, close));
      const operator = text[after] === '}' ? null : (operatorMatch?.[0] ?? text.slice(after, close));
      found.push({ name, start: offset + i, end: offset + close + 1, operator });
      if (operator !== null) {
        const innerStart = after + (operatorMatch?.[0].length ?? 0);
        found.push(...variableReferences(text.slice(innerStart, close), offset + innerStart, escapeChar));
      }
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name) {
      found.push({ name, start: offset + i, end: offset + i + 1 + name.length, operator: null });
      i += 1 + name.length;
      continue;
    }
    i++;
  }
  return found;
}

/** True when the text uses a variable: its value is only known at build time. */
export function hasVariableReference(text: string, escapeChar = '\\'): boolean {
  return variableReferences(text, 0, escapeChar).length > 0;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

export interface DockerWord {
  /** As written, quotes included. */
  raw: string;
  /** After quote and escape removal (variables kept as written). */
  value: string;
  start: number;
  end: number;
}

/** Split argument text into whitespace-separated words, honouring quotes and the escape character. */
export function dockerWords(text: string, offset: number, escapeChar: string): DockerWord[] {
  const words: DockerWord[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quote: string | null = null;
    while (i < text.length && (quote !== null || !/\s/.test(text[i]!))) {
      const ch = text[i]!;
      if (ch === escapeChar && quote !== "'" && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
        continue;
      }
      if ((ch === '"' || ch === "'") && (quote === null || quote === ch)) {
        quote = quote === null ? ch : null;
        i++;
        continue;
      }
      value += ch;
      i++;
    }
    words.push({ raw: text.slice(start, i), value, start: offset + start, end: offset + i });
  }
  return words;
}

/**
 * The argument text of an instruction as BuildKit reads it: continuation escapes and the comment
 * or blank lines inside a continuation become spaces (same length, so offsets still map to the
 * file); for heredoc instructions only the first line (the bodies are file contents).
 */
export function instructionArgText(model: DockerfileModel, instruction: DockerInstruction): { text: string; offset: number } | null {
  if (!instruction.argsRange) return null;
  const file = model.file;
  const start = file.offsetAt(instruction.argsRange.start);
  let end = file.offsetAt(instruction.argsRange.end);
  if (instruction.heredocs.length) end = Math.min(end, file.lineEndOffset(instruction.argsRange.start.line));
  const text = shellTextOf(file.text.slice(start, end), model.escapeChar).replace(/\\[ \t]*\r?\n/g, (match) => ' '.repeat(match.length));
  return { text, offset: start };
}

export interface Definition {
  name: string;
  kind: 'arg' | 'env';
  /** The value when it is known statically (a literal, or built from known values); null otherwise. */
  value: string | null;
  instruction: DockerInstruction;
}

export type Scope = ReadonlyMap<string, Definition>;

export interface StageVariables {
  stage: Stage;
  /** The stage at the root of its `FROM <stage>` chain: its base image's ENV also applies. */
  root: Stage;
  /** Definitions visible to each instruction of the stage, before it runs. */
  before: Map<DockerInstruction, Scope>;
  /** Definitions at the end of the stage: what `FROM <stage>` children start with. */
  end: Scope;
}

/** A key=value pair of ENV, LABEL or ARG, with the word it came from. */
export interface KeyValue {
  key: string;
  value: string | null;
  /** The key's word (or the whole `KEY=value` word). */
  word: DockerWord;
  /** Legacy `ENV KEY value` form: the value is the rest of the instruction. */
  legacy: boolean;
  /** The value as written (quotes and escapes kept), for expansion; null without `=`. */
  rawValue: string | null;
  /** Offset of the value text in the file (after `=`, or after the key in legacy form). */
  valueStart: number;
}

/** `KEY=value` pairs of ENV/LABEL/ARG; the legacy `ENV KEY value…` form gives one pair. Read once per instruction: several rules ask. */
export function keyValuePairs(model: DockerfileModel, instruction: DockerInstruction): readonly KeyValue[] {
  return derivedOnce(readPairs, instruction, () => readKeyValuePairs(model, instruction));
}
const readPairs = new WeakMap<DockerInstruction, KeyValue[]>();

function readKeyValuePairs(model: DockerfileModel, instruction: DockerInstruction): KeyValue[] {
  const args = instructionArgText(model, instruction);
  if (!args) return [];
  const words = dockerWords(args.text, args.offset, model.escapeChar);
  const first = words[0];
  if (!first) return [];
  if (instruction.keyword !== 'ARG' && !first.value.includes('=') && words.length > 1) {
    const restStart = words[1]!.start;
    const rest = args.text.slice(restStart - args.offset).trim();
    const restWords = dockerWords(rest, restStart, model.escapeChar);
    return [{ key: first.value, value: restWords.map((word) => word.value).join(' '), rawValue: rest, word: first, legacy: true, valueStart: restStart }];
  }
  return words.map((word) => {
    const eq = word.value.indexOf('=');
    const rawEq = word.raw.indexOf('=');
    return {
      key: eq >= 0 ? word.value.slice(0, eq) : word.value,
      value: eq >= 0 ? word.value.slice(eq + 1) : null,
      rawValue: rawEq >= 0 ? word.raw.slice(rawEq + 1) : null,
      word,
      legacy: false,
      valueStart: rawEq >= 0 ? word.start + rawEq + 1 : word.end,
    };
  });
}

/** The ARG or ENV instructions of a stage (from index `after` on) that define `name`. */
export function definingInstructions(model: DockerfileModel, stage: Stage, name: string, after = 0): DockerInstruction[] {
  return stage.instructions
    .slice(after)
    .filter((instruction) => (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') && keyValuePairs(model, instruction).some((pair) => pair.key === name));
}

/** Expand `text` with the values in scope; null when any variable has no known value. */
export function knownValue(text: string, scope: Scope, escapeChar: string): string | null {
  // Quotes and escapes apply to the text as written, not to substituted values: references become
  // placeholders while the words are lexed, then take their values.
  const values: string[] = [];
  let marked = '';
  let last = 0;
  for (const reference of variableReferences(text, 0, escapeChar)) {
    if (reference.start < last) continue;
    const value = scope.get(reference.name)?.value;
    if (value === null || value === undefined || reference.operator !== null) return null;
    marked += `${text.slice(last, reference.start)}\uE000${values.length}\uE001`;
    values.push(value);
    last = reference.end;
  }
  marked += text.slice(last);
  const lexed = dockerWords(marked, 0, escapeChar).map((word) => word.value).join(' ');
  return lexed.replace(/\uE000(\d+)\uE001/g, (_, index: string) => values[Number(index)]!);
}

const cache = new WeakMap<DockerfileModel, StageVariables[]>();

/** The variables in scope at every instruction of every stage. */
export function stageVariables(model: DockerfileModel): StageVariables[] {
  return derivedOnce(cache, model, () => {
    const globals = globalArgValues(model);
    const result: StageVariables[] = [];
    for (const stage of model.stages) {
      const chain = stageChain(model, stage);
      const parent = stage.from.stageRef !== null && stage.from.stageRef < stage.index ? result[stage.from.stageRef] : undefined;
      const scope = new Map<string, Definition>(parent?.end ?? []);
      const before = new Map<DockerInstruction, Scope>();
      for (const instruction of stage.instructions) {
        before.set(instruction, new Map(scope));
        if (instruction.keyword === 'ARG') {
          for (const pair of keyValuePairs(model, instruction)) {
            if (!pair.key) continue;
            const value = pair.rawValue === null ? (globals.get(pair.key) ?? null) : knownValue(pair.rawValue, scope, model.escapeChar);
            scope.set(pair.key, { name: pair.key, kind: 'arg', value, instruction });
          }
        } else if (instruction.keyword === 'ENV') {
          const previous = new Map(scope);
          for (const pair of keyValuePairs(model, instruction)) {
            if (!pair.key) continue;
            const value = pair.rawValue === null ? null : knownValue(pair.rawValue, previous, model.escapeChar);
            scope.set(pair.key, { name: pair.key, kind: 'env', value, instruction });
          }
        }
      }
      result.push({ stage, root: chain[chain.length - 1] ?? stage, before, end: scope });
    }
    return result;
  });
}

/** Global ARG defaults, each expanded with the global ARGs before it (null: no default, or not knowable). */
export function globalArgValues(model: DockerfileModel): Map<string, string | null> {
  const values = new Map<string, string | null>();
  const scope = new Map<string, Definition>();
  for (const arg of model.globalArgs) {
    const value = arg.defaultValue === null ? null : knownValue(arg.defaultValue, scope, model.escapeChar);
    values.set(arg.name, value);
    scope.set(arg.name, { name: arg.name, kind: 'arg', value, instruction: arg.instruction });
  }
  return values;
}

/**
 * The word spans BuildKit expands in an instruction (offsets into the file). RUN, CMD, ENTRYPOINT,
 * SHELL, HEALTHCHECK and MAINTAINER are not expanded; ONBUILD triggers run in the build that uses
 * the image; heredoc bodies are file contents.
 */
export function expandedSpans(model: DockerfileModel, instruction: DockerInstruction): { text: string; offset: number }[] {
  const file = model.file;
  switch (instruction.keyword) {
    case 'ENV':
    case 'LABEL':
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
    case 'EXPOSE': {
      const args = instructionArgText(model, instruction);
      return args ? [args] : [];
    }
    case 'ARG':
      return keyValuePairs(model, instruction)
        .filter((pair) => pair.value !== null)
        .map((pair) => ({ text: file.text.slice(pair.valueStart, pair.word.end), offset: pair.valueStart }));
    case 'COPY':
    case 'ADD': {
      const spans: { text: string; offset: number }[] = [];
      for (const flag of instruction.flags) {
        if (!['chown', 'chmod', 'checksum'].includes(flag.name) || !flag.valueRange) continue;
        const start = file.offsetAt(flag.valueRange.start);
        spans.push({ text: file.text.slice(start, file.offsetAt(flag.valueRange.end)), offset: start });
      }
      const copy = instruction.copy;
      for (const item of [...(copy?.sources ?? []), ...(copy?.destination ? [copy.destination] : [])]) {
        const start = file.offsetAt(item.range.start);
        spans.push({ text: file.text.slice(start, file.offsetAt(item.range.end)), offset: start });
      }
      return spans;
    }
    default:
      return [];
  }
}

/** Optimal-string-alignment distance (a swap of two letters costs 1), case-insensitive. */
/** The candidate a name is probably a typo of (`PAHT` → `PATH`, `node_version` → `NODE_VERSION`), or null. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  return closestMatch(name, candidates, name.length >= 6 ? 2 : 1);
}

/** Every word of every EXPOSE with its value after expansion (words whose value is not known are left out). */
export function exposedWords(model: DockerfileModel): { instruction: DockerInstruction; word: DockerWord; value: string }[] {
  const found: { instruction: DockerInstruction; word: DockerWord; value: string }[] = [];
  for (const variables of stageVariables(model)) {
    for (const instruction of variables.stage.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      const args = instructionArgText(model, instruction);
      if (!args) continue;
      const scope = variables.before.get(instruction)!;
      for (const word of dockerWords(args.text, args.offset, model.escapeChar)) {
        const value = word.raw.includes('$') ? knownValue(word.raw, scope, model.escapeChar) : word.value;
        // A variable may expand to several ports; those are split again.
        if (value !== null) for (const part of value.split(/\s+/).filter(Boolean)) found.push({ instruction, word, value: part });
      }
    }
  }
  return found;
}
