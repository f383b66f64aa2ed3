import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Range, SourceFile } from './source.js';
import { parseShell, SHELL_PROGRAMS, type ShellScript } from './shell.js';
import { expandVariables, type Expansion } from './variables.js';

export interface ParseProblem {
  message: string;
  range: Range;
}

export interface ComposeBuild {
  /** The `build` node (a string or a mapping). */
  node: Node;
  /** Absolute context directory; null for remote contexts (git URLs, `https://`). */
  contextDir: string | null;
  contextNode: Node | null;
  /** Absolute Dockerfile path; null with `dockerfile_inline` or a remote context. */
  dockerfilePath: string | null;
  dockerfileNode: Node | null;
  target: string | null;
  targetNode: Node | null;
}

export interface DependsOn {
  service: string;
  /** The list item or mapping key naming the dependency. */
  node: Node;
  condition: string | null;
  conditionNode: Node | null;
  required: boolean;
}

export interface ComposeService {
  name: string;
  /** The key naming the service: where findings about the whole service point. */
  keyNode: Scalar;
  /** The service mapping; null when the service is written as `name:` with no body. */
  node: YAMLMap | null;
  compose: ComposeFileModel;
  image: string | null;
  imageNode: Node | null;
  build: ComposeBuild | null;
  profiles: string[];
  dependsOn: DependsOn[];
  /** `command`, `entrypoint` and `healthcheck.test` parsed as shell, where they run through a shell. */
  shell: { command: ShellScript | null; entrypoint: ShellScript | null; healthcheck: ShellScript | null };
  /** Shortcut to a key of the service mapping. */
  get(key: string): Node | null;
}

export interface ComposeFileModel {
  kind: 'compose';
  file: SourceFile;
  document: Document.Parsed;
  /** The top-level mapping; null when the file is empty, a list or a scalar. */
  root: YAMLMap | null;
  services: ComposeService[];
  /** Variables from the `.env` beside the compose file (and nothing else), for interpolation. */
  environment: Record<string, string>;
  problems: ParseProblem[];
}

const ALIAS_LIMIT = 1000;

export function parseCompose(file: SourceFile, environment: Record<string, string> = {}): ComposeFileModel {
  const document = parseDocument(file.text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, maxAliasCount: ALIAS_LIMIT } as never);
  const problems: ParseProblem[] = document.errors.map((error) => ({
    message: error.message.split('\n')[0]!,
    range: file.rangeOf(error.pos[0], Math.max(error.pos[1], error.pos[0])),
  }));
  const root = isMap(document.contents) ? (document.contents as YAMLMap) : null;
  if (!problems.length && document.contents !== null && !root) {
    problems.push({ message: 'a compose file must be a mapping of top-level keys (services, volumes, …)', range: rangeOfNode(file, document.contents as Node) });
  }
  const model: ComposeFileModel = { kind: 'compose', file, document, root, services: [], environment, problems };
  const servicesNode = root?.get('services', true);
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key)) continue;
      model.services.push(toService(model, pair.key as Scalar, pair.value));
    }
  }
  return model;
}

function toService(compose: ComposeFileModel, keyNode: Scalar, value: Node | null): ComposeService {
  const node = isMap(value) ? (value as YAMLMap) : null;
  const get = (key: string): Node | null => (node ? ((node.get(key, true) as Node | undefined) ?? null) : null);
  const interpolate = (text: string) => interpolateCompose(text, compose.environment).value;
  const imageNode = get('image');
  const image = isScalar(imageNode) && imageNode.value != null ? interpolate(String(imageNode.value)) : null;
  const profilesNode = get('profiles');
  const profiles = isSeq(profilesNode) ? profilesNode.items.filter(isScalar).map((item) => String(item.value)) : [];
  return {
    name: String(keyNode.value),
    keyNode,
    node,
    compose,
    image,
    imageNode,
    build: toBuild(compose, get('build'), interpolate),
    profiles,
    dependsOn: toDependsOn(get('depends_on')),
    shell: {
      command: shellOfCommand(compose.file, get('command'), false),
      entrypoint: shellOfCommand(compose.file, get('entrypoint'), false),
      healthcheck: isMap(get('healthcheck')) ? shellOfCommand(compose.file, (get('healthcheck') as YAMLMap).get('test', true) as Node | null, true) : null,
    },
    get,
  };
}

const REMOTE_CONTEXT = /^(https?:\/\/|git@|git:\/\/|github\.com\/)/;

function toBuild(compose: ComposeFileModel, node: Node | null, interpolate: (text: string) => string): ComposeBuild | null {
  if (!node) return null;
  const composeDir = path.dirname(compose.file.path);
  let contextNode: Node | null;
  let dockerfileNode: Node | null = null;
  let targetNode: Node | null = null;
  let inline = false;
  if (isScalar(node)) contextNode = node;
  else if (isMap(node)) {
    contextNode = (node.get('context', true) as Node | undefined) ?? null;
    dockerfileNode = (node.get('dockerfile', true) as Node | undefined) ?? null;
    targetNode = (node.get('target', true) as Node | undefined) ?? null;
    inline = node.has('dockerfile_inline');
  } else return null;
  const contextText = isScalar(contextNode) && contextNode.value != null ? interpolate(String(contextNode.value)) : '.';
  const remote = REMOTE_CONTEXT.test(contextText);
  const contextDir = remote ? null : path.resolve(composeDir, contextText || '.');
  const dockerfileText = isScalar(dockerfileNode) && dockerfileNode.value != null ? interpolate(String(dockerfileNode.value)) : 'Dockerfile';
  const dockerfilePath = contextDir && !inline ? path.resolve(contextDir, dockerfileText) : null;
  const target = isScalar(targetNode) && targetNode.value != null ? interpolate(String(targetNode.value)) : null;
  return { node, contextDir, contextNode, dockerfilePath, dockerfileNode, target, targetNode };
}

function toDependsOn(node: Node | null): DependsOn[] {
  if (isSeq(node)) {
    return node.items.filter(isScalar).map((item) => ({ service: String(item.value), node: item, condition: null, conditionNode: null, required: true }));
  }
  if (isMap(node)) {
    return (node.items as Pair<Node, Node>[]).filter((pair) => isScalar(pair.key)).map((pair) => {
      const body = isMap(pair.value) ? pair.value : null;
      const conditionNode = (body?.get('condition', true) as Node | undefined) ?? null;
      const requiredNode = body?.get('required', true) as Node | undefined;
      return {
        service: String((pair.key as Scalar).value),
        node: pair.key,
        condition: isScalar(conditionNode) ? String(conditionNode.value) : null,
        conditionNode,
        required: !(isScalar(requiredNode) && (requiredNode.value === false || requiredNode.value === 'false')),
      };
    });
  }
  return [];
}

/**
 * The shell script a compose command runs: a string (compose runs it through `sh -c` only when
 * it is an entrypoint/healthcheck string; for `command` the words are split, which our parser
 * handles the same way), `[sh, -c, script]`, or `[CMD-SHELL, script]` for healthchecks.
 */
function shellOfCommand(file: SourceFile, node: Node | null, isHealthcheck: boolean): ShellScript | null {
  if (isScalar(node) && typeof node.value === 'string') return parseScalarAsShell(file, node);
  if (!isSeq(node)) return null;
  const items = node.items.filter(isScalar);
  const words = items.map((item) => String(item.value));
  if (isHealthcheck && words[0] === 'CMD-SHELL' && items[1]) return parseScalarAsShell(file, items[1]);
  if (isHealthcheck && words[0] === 'CMD') return null;
  const flag = words.findIndex((word, index) => index > 0 && /^-[a-z]*c$/.test(word));
  if (flag > 0 && SHELL_PROGRAMS.has(words[0]!) && items[flag + 1]) return parseScalarAsShell(file, items[flag + 1]!);
  return null;
}

function parseScalarAsShell(file: SourceFile, scalar: Scalar): ShellScript | null {
  if (!scalar.range || typeof scalar.value !== 'string') return null;
  const [start, end] = scalar.range;
  const source = file.text.slice(start, end);
  const quoted = source.startsWith('"') || source.startsWith("'");
  // Plain and quoted scalars map one to one (escapes aside); block scalars are parsed from their value.
  if (quoted) return parseShell(file, source.slice(1, -1).replace(/\r|\n/g, ' '), start + 1);
  if (source.startsWith('|') || source.startsWith('>')) return parseShell(file, scalar.value, start + source.indexOf('\n') + 1);
  return parseShell(file, source.replace(/\r|\n/g, ' '), start);
}

/** 1-based range of a YAML node's value in its file. */
export function rangeOfNode(file: SourceFile, node: Node | null | undefined): Range {
  const range = node?.range;
  if (!range) return file.lineRange(1);
  return file.rangeOf(range[0], range[1]);
}

/** Compose interpolation (`$$` is a literal dollar) against the project's variables. */
export function interpolateCompose(text: string, environment: Record<string, string>): Expansion {
  return expandVariables(text, (name) => (Object.prototype.hasOwnProperty.call(environment, name) ? environment[name] : undefined), { dollarDollar: true });
}
