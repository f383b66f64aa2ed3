import { createRequire } from 'node:module';
import type { SourceFile } from './source.js';

// tree-sitter is a native addon with prebuilt binaries; it parses a RUN body in well under a
// millisecond and loads in ~20 ms (mvdan-sh: ~200 ms to load; sh-syntax: ~4 ms per parse).
const require = createRequire(import.meta.url);

interface TsCursor {
  nodeTypeId: number;
  nodeType: string;
  nodeIsNamed: boolean;
  currentFieldId: number | undefined;
  currentFieldName: string | undefined;
  startIndex: number;
  endIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}
interface TsParser {
  parse(input: string, oldTree?: null, options?: { bufferSize?: number }): { rootNode: { hasError: boolean; walk(): TsCursor } };
  setLanguage(language: unknown): void;
}

/**
 * A node of a parsed script as plain data. tree-sitter's own nodes cross into native code on every
 * property read (`children` builds a new array of new nodes each time); walking them took 3 s of the
 * 8 s a corpus check spent parsing. One pass with a cursor copies the tree into these instead.
 */
class ShellNode {
  readonly children: ShellNode[] = [];
  private named?: ShellNode[];

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent (`name`, `argument`), or null. */
    readonly field: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): ShellNode[] {
    return (this.named ??= this.children.filter((child) => child.isNamed));
  }

  childForFieldName(name: string): ShellNode | null {
    return this.children.find((child) => child.field === name) ?? null;
  }

  childrenForFieldName(name: string): ShellNode[] {
    return this.children.filter((child) => child.field === name);
  }
}

// Type and field names by id, read from the grammar once (the cursor gives ids as plain numbers).
const typeNames: string[] = [];
const namedTypes: boolean[] = [];
const fieldNames: string[] = [];

interface ParsedTree {
  root: ShellNode;
  hasError: boolean;
}

/**
 * Trees of recently parsed texts. Dockerfiles repeat their RUN scripts (the official images' variants,
 * copied boilerplate): of the corpus's scripts most are parsed more than once. A tree is plain data
 * with offsets relative to its text, so one tree serves every place the text stands. Bounded by the
 * characters of the texts kept: repeats come close together (a Dockerfile's variants sit side by
 * side), and on the synthetic monorepo 256 K characters of trees cost ~30 MB of peak memory across
 * the worker threads for ~5 % less CPU than 32 K on the corpus Dockerfiles.
 */
const recentTrees = new Map<string, ParsedTree>();
const RECENT_TREE_CHARS = 32 * 1024;
/** Longer texts are rare and seldom repeated: not kept. */
const RECENT_TREE_MAX_TEXT = 16 * 1024;
let recentTreeChars = 0;

function parseTree(text: string): ParsedTree {
  const known = recentTrees.get(text);
  if (known) {
    // Most recently used last: eviction takes from the front.
    recentTrees.delete(text);
    recentTrees.set(text, known);
    return known;
  }
  const parsed = copyTree(text);
  if (text.length <= RECENT_TREE_MAX_TEXT) {
    recentTrees.set(text, parsed);
    recentTreeChars += text.length;
    for (const [oldest] of recentTrees) {
      if (recentTreeChars <= RECENT_TREE_CHARS) break;
      recentTrees.delete(oldest);
      recentTreeChars -= oldest.length;
    }
  }
  return parsed;
}

/** Parse `text` and copy its syntax tree (see ShellNode); iterative, so deep nesting cannot overflow the stack. */
function copyTree(text: string): ParsedTree {
  const tree = shellParser().parse(text, null, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1024) });
  const cursor = tree.rootNode.walk();
  const nodeAtCursor = (): ShellNode => {
    const typeId = cursor.nodeTypeId;
    if (typeNames[typeId] === undefined) {
      typeNames[typeId] = cursor.nodeType;
      namedTypes[typeId] = cursor.nodeIsNamed;
    }
    const fieldId = cursor.currentFieldId;
    let field: string | null = null;
    if (fieldId !== undefined) field = fieldNames[fieldId] ??= cursor.currentFieldName!;
    return new ShellNode(typeNames[typeId]!, namedTypes[typeId]!, field, cursor.startIndex, cursor.endIndex, text);
  };
  const root = nodeAtCursor();
  const path = [root];
  while (path.length) {
    if (cursor.gotoFirstChild()) {
      const child = nodeAtCursor();
      path[path.length - 1]!.children.push(child);
      path.push(child);
      continue;
    }
    // A leaf: go to the next sibling of it or of the nearest ancestor that has one.
    while (path.length) {
      path.pop();
      if (!path.length) break;
      if (cursor.gotoNextSibling()) {
        const sibling = nodeAtCursor();
        path[path.length - 1]!.children.push(sibling);
        path.push(sibling);
        break;
      }
      cursor.gotoParent();
    }
  }
  return { root, hasError: tree.rootNode.hasError };
}

let sharedParser: TsParser | undefined;
function shellParser(): TsParser {
  if (!sharedParser) {
    const Parser = require('tree-sitter') as new () => TsParser;
    const bash = require('tree-sitter-bash') as unknown;
    sharedParser = new Parser();
    sharedParser.setLanguage(bash);
  }
  return sharedParser;
}

export interface ShellWord {
  /** Source text of the word, quotes included. */
  raw: string;
  /** The word after quote removal; expansions are kept as written. */
  value: string;
  /** True when the word contains a parameter expansion or command substitution. */
  dynamic: boolean;
  /** Offsets in the containing SourceFile. */
  start: number;
  end: number;
}

export type ShellConnector = '&&' | '||' | ';' | '|' | '&' | 'newline';

export interface ShellCommand {
  /** Command name after quote removal (`apt-get`), or '' when the command has only assignments. */
  name: string;
  /** argv[0] is the command name. */
  argv: ShellWord[];
  /** `FOO=bar cmd` prefix assignments. */
  assignments: { name: string; value: string }[];
  /** Redirection targets as written (`> /dev/null` gives `/dev/null`). */
  redirects: { operator: string; target: string }[];
  /** What joins this command to the one before it; null for the first command of a script. */
  connector: ShellConnector | null;
  /** Part of a pipeline (`a | b`: both a and b). */
  inPipeline: boolean;
  /** Inside `$(...)` or backticks. */
  inSubstitution: boolean;
  /** Set when this command came from a `sh -c '...'` string: the `sh` command. */
  wrappedBy?: ShellCommand;
  start: number;
  end: number;
}

export interface ShellScript {
  file: SourceFile;
  /** Offsets of the script's text in `file`. */
  start: number;
  end: number;
  /** Every simple command, in source order, including those nested in `sh -c`, subshells and loops. */
  commands: ShellCommand[];
  /** Text the shell parser could not make sense of (the commands found are still usable). */
  hasSyntaxError: boolean;
}

/** Shell programs: their `-c STRING` argument, or a heredoc fed to them, is itself a script. */
export const SHELL_PROGRAMS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/bash']);

/**
 * Parse shell text that stands at `baseOffset` in `file`. `text` must have the same length as the
 * source span it stands for, so offsets map one to one (callers blank out Dockerfile comment lines
 * instead of removing them).
 */
export function parseShell(file: SourceFile, text: string, baseOffset: number): ShellScript {
  const tree = parseTree(text);
  const commands: ShellCommand[] = [];
  let hasSyntaxError = tree.hasError;
  try {
    collectCommands(tree.root, text, baseOffset, commands, { connector: null, inPipeline: false, inSubstitution: false }, 0);
  } catch (error) {
    // Thousands of nested subshells, groups or ifs exhaust the stack of the recursive walk. The
    // commands found so far stand; the script counts as not understood, like a syntax error.
    if (!(error instanceof RangeError)) throw error;
    hasSyntaxError = true;
  }
  return { file, start: baseOffset, end: baseOffset + text.length, commands, hasSyntaxError };
}

interface WalkState {
  connector: ShellConnector | null;
  inPipeline: boolean;
  inSubstitution: boolean;
  wrappedBy?: ShellCommand;
}

const MAX_NESTING = 8;

function collectCommands(node: ShellNode, text: string, base: number, out: ShellCommand[], state: WalkState, depth: number): void {
  if (node.type === 'command') {
    const command = toCommand(node, base, state);
    out.push(command);
    // Arguments may hold command substitutions with commands of their own.
    for (const child of node.namedChildren) {
      if (child.type !== 'command_name') collectCommands(child, text, base, out, { ...state, connector: null }, depth);
    }
    if (depth < MAX_NESTING) expandWrappedScript(command, out, depth);
    return;
  }
  if (node.type === 'redirected_statement') {
    const body = node.childForFieldName('body');
    const before = out.length;
    if (body) collectCommands(body, text, base, out, state, depth);
    const redirected = body?.type === 'command' ? out[before] : undefined;
    if (redirected) {
      for (const child of node.namedChildren) {
        if (child !== body && child.type.endsWith('redirect')) redirected.redirects.push(toRedirect(child));
      }
    }
    return;
  }
  if (node.type === 'command_substitution') {
    walkChildren(node, text, base, out, { ...state, connector: null, inSubstitution: true }, depth);
    return;
  }
  if (node.type === 'pipeline') {
    let connector = state.connector;
    for (const child of node.children) {
      if (child.type === '|' || child.type === '|&') {
        connector = '|';
        continue;
      }
      collectCommands(child, text, base, out, { ...state, connector, inPipeline: true }, depth);
    }
    return;
  }
  if (node.type === 'list') {
    // `a && b && c` nests to the left, one level per operator: a long chain would overflow the
    // stack by recursion, so the chain is walked in a loop (innermost first, as written).
    const chain: ShellNode[] = [];
    let head: ShellNode | undefined = node;
    while (head?.type === 'list') {
      chain.push(head);
      head = head.children[0];
    }
    if (head) collectCommands(head, text, base, out, state, depth);
    for (let index = chain.length - 1; index >= 0; index--) walkChildren(chain[index]!, text, base, out, state, depth, 1);
    return;
  }
  walkChildren(node, text, base, out, state, depth);
}

function walkChildren(node: ShellNode, text: string, base: number, out: ShellCommand[], state: WalkState, depth: number, fromChild = 0): void {
  let connector = state.connector;
  let seenStatement = false;
  for (const child of node.children.slice(fromChild)) {
    switch (child.type) {
      case '&&':
      case '||':
      case ';':
      case '&':
        connector = child.type;
        continue;
      case '\n':
        connector = 'newline';
        continue;
      default:
        break;
    }
    if (!child.namedChildren.length && child.type !== 'command' && isPunctuation(child)) continue;
    if (seenStatement && connector === state.connector && node.type === 'program') connector = 'newline';
    const before = out.length;
    collectCommands(child, text, base, out, { ...state, connector }, depth);
    if (out.length > before) {
      seenStatement = true;
      connector = node.type === 'program' ? 'newline' : state.connector;
    }
  }
}

function isPunctuation(node: ShellNode): boolean {
  return !/^[a-z_]+$/.test(node.type);
}

function toCommand(node: ShellNode, base: number, state: WalkState): ShellCommand {
  const nameNode = node.childForFieldName('name');
  const argv: ShellWord[] = [];
  if (nameNode) argv.push(toWord(nameNode, base));
  for (const argument of node.childrenForFieldName('argument')) argv.push(toWord(argument, base));
  const assignments: ShellCommand['assignments'] = [];
  const redirects: ShellCommand['redirects'] = [];
  for (const child of node.namedChildren) {
    if (child.type === 'variable_assignment') {
      const name = child.childForFieldName('name')?.text ?? '';
      const valueNode = child.childForFieldName('value');
      assignments.push({ name, value: valueNode ? wordValue(valueNode) : '' });
    } else if (child.type.endsWith('redirect')) {
      redirects.push(toRedirect(child));
    }
  }
  return {
    name: argv[0]?.value ?? '',
    argv,
    assignments,
    redirects,
    connector: state.connector,
    inPipeline: state.inPipeline,
    inSubstitution: state.inSubstitution,
    wrappedBy: state.wrappedBy,
    start: base + node.startIndex,
    end: base + node.endIndex,
  };
}

function toRedirect(node: ShellNode): { operator: string; target: string } {
  const target = node.childForFieldName('destination') ?? node.namedChildren[node.namedChildren.length - 1];
  const operator = node.children.find((child) => !child.namedChildren.length && isPunctuation(child))?.type ?? '';
  return { operator, target: target && target.type !== 'file_descriptor' ? wordValue(target) : (target?.text ?? '') };
}

/** `sh -c 'apt-get install x'`: parse the string as a script of its own. */
function expandWrappedScript(command: ShellCommand, out: ShellCommand[], depth: number): void {
  let args = command.argv;
  if (args[0]?.value === '/usr/bin/env' || args[0]?.value === 'env') args = args.slice(1).filter((word) => !word.value.includes('='));
  if (!args.length || !SHELL_PROGRAMS.has(args[0]!.value)) return;
  const flagIndex = args.findIndex((word, index) => index > 0 && /^-[a-z]*c[a-z]*$/.test(word.value));
  const script = flagIndex > 0 ? args[flagIndex + 1] : undefined;
  if (!script || script.dynamic) return;
  const quoted = script.raw.startsWith("'") || script.raw.startsWith('"');
  const innerText = quoted ? script.raw.slice(1, -1) : script.raw;
  // The inner text keeps its length for single quotes; double quotes may hold escapes, which only shift columns slightly.
  const innerBase = script.start + (quoted ? 1 : 0);
  collectCommands(parseTree(innerText).root, innerText, innerBase, out, { connector: null, inPipeline: false, inSubstitution: false, wrappedBy: command }, depth + 1);
}

function toWord(node: ShellNode, base: number): ShellWord {
  return {
    raw: node.text,
    value: wordValue(node),
    dynamic: isDynamic(node),
    start: base + node.startIndex,
    end: base + node.endIndex,
  };
}

function isDynamic(node: ShellNode): boolean {
  if (node.type === 'simple_expansion' || node.type === 'expansion' || node.type === 'command_substitution' || node.type === 'arithmetic_expansion') return true;
  return node.namedChildren.some(isDynamic);
}

/** Quote removal, as the shell would do it, leaving expansions as written. */
export function wordValue(node: ShellNode): string {
  switch (node.type) {
    case 'command_name':
      return node.namedChildren[0] ? wordValue(node.namedChildren[0]) : node.text;
    case 'word':
    case 'number':
      return node.text.replace(/\\(.)/gs, '$1').replace(/\\\n/g, '');
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string': {
      const inner = node.text.slice(1, -1);
      return inner.replace(/\\([$`"\\\n])/g, '$1');
    }
    case 'concatenation':
      return node.children.map(wordValue).join('');
    default:
      return node.text;
  }
}

/** True when `offset` in a shell script is inside a comment (not in a string, heredoc or escaped `#`). */
export function isShellComment(text: string, offset: number): boolean {
  let node = parseTree(text).root;
  while (true) {
    if (node.type === 'comment') return true;
    const child = node.children.find((candidate) => candidate.startIndex <= offset && offset < candidate.endIndex);
    if (!child) return false;
    node = child;
  }
}
