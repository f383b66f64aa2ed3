import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { Range, SourceFile } from './source.js';
import { expandVariables } from './variables.js';
import { derivedOnce } from './derived.js';

/**
 * A compose value that remembers where it was written. Merging several files (and `extends`,
 * `include`) builds one tree out of nodes of many files; every value keeps its file and YAML
 * node, so a finding about the merged project still points at the line that wrote the value.
 */
export interface Origin {
  file: SourceFile;
  /** The YAML node that wrote the value (for a map entry: its value, or its key when the value is empty). */
  node: Node | null;
}

interface ValueBase {
  origin: Origin;
  /** `!reset` clears the value in the merged model; `!override` replaces it instead of merging. */
  tag?: 'reset' | 'override';
}

export interface ComposeMap extends ValueBase {
  kind: 'map';
  /** Insertion-ordered entries, as written (later files append). */
  entries: Map<string, ComposeEntry>;
}

export interface ComposeEntry {
  key: string;
  keyOrigin: Origin;
  value: ComposeValue;
}

export interface ComposeSeq extends ValueBase {
  kind: 'seq';
  items: ComposeValue[];
}

export interface ComposeScalar extends ValueBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The text before interpolation, when interpolation changed it. */
  raw?: string;
}

export type ComposeValue = ComposeMap | ComposeSeq | ComposeScalar;
export type ComposePath = (string | number)[];

export interface TreeProblem {
  origin: Origin;
  message: string;
}

// `Alias.resolve` walks the whole document for each alias (a compose file of many `<<: *defaults`
// took time quadratic in its size); one walk finds the targets of all of a document's aliases.
const aliasTargets = new WeakMap<Document, Map<Alias, Node | undefined>>();

/** The node an alias stands for, as `Alias.resolve` finds it: the last node anchored with its name before it. */
export function aliasTarget(document: Document, alias: Alias): Node | undefined {
  const targets = derivedOnce(aliasTargets, document, () => {
    const found = new Map<Alias, Node | undefined>();
    const anchored = new Map<string, Node>();
    visit(document, {
      Node: (_key, node) => {
        if (isAlias(node)) found.set(node, anchored.get(node.source));
        else if (node.anchor) anchored.set(node.anchor, node);
      },
    });
    return found;
  });
  // An alias added to the document after the walk (none are, but the answer must stay right).
  return targets.has(alias) ? targets.get(alias) : (alias.resolve(document) as Node | undefined);
}

/** Limits that keep hostile YAML (alias bombs, absurd nesting) from hanging or exhausting a run. */
export const TREE_LIMITS = { maxNodes: 200_000, maxDepth: 200 };

class TreeBudgetError extends Error {}

/**
 * Convert a parsed compose document into a located tree: aliases expanded (within a node budget),
 * `<<` merge keys applied (explicit keys win), `!reset` / `!override` tags kept for the merge.
 */
export function toComposeTree(file: SourceFile, document: Document.Parsed, problems: TreeProblem[]): ComposeMap | null {
  if (!isMap(document.contents)) return null;
  let nodes = 0;
  const convert = (node: unknown, depth: number, aliasChain: Set<Node>): ComposeValue => {
    if (++nodes > TREE_LIMITS.maxNodes) throw new TreeBudgetError(`the file expands to more than ${TREE_LIMITS.maxNodes} YAML nodes (aliases that multiply, an "alias bomb"?)`);
    if (depth > TREE_LIMITS.maxDepth) throw new TreeBudgetError(`the file nests deeper than ${TREE_LIMITS.maxDepth} levels`);
    if (isAlias(node)) {
      const target = aliasTarget(document, node);
      if (!target || aliasChain.has(target)) return { kind: 'scalar', value: null, origin: { file, node } };
      const chain = new Set(aliasChain).add(target);
      const value = convert(target, depth + 1, chain);
      // Point at the alias: that is where this copy of the value is used.
      return { ...value, origin: { file, node } } as ComposeValue;
    }
    const yamlNode = node as Node;
    const tag = tagOf(yamlNode);
    if (isMap(node)) {
      const entries = new Map<string, ComposeEntry>();
      const merged: ComposeMap[] = [];
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && keyNode.value === '<<' && !keyNode.type?.startsWith('QUOTE')) {
          const source = convert(pair.value, depth + 1, aliasChain);
          if (source.kind === 'map') merged.push(source);
          else if (source.kind === 'seq') for (const item of source.items) if (item.kind === 'map') merged.push(item);
          continue;
        }
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          problems.push({ origin: { file, node: keyNode }, message: 'a mapping key must be a plain value' });
          continue;
        }
        const key = String(keyNode.value);
        const valueNode = pair.value as Node | null;
        const value = valueNode === null || valueNode === undefined ? { kind: 'scalar' as const, value: null, origin: { file, node: keyNode } } : convert(valueNode, depth + 1, aliasChain);
        entries.set(key, { key, keyOrigin: { file, node: keyNode }, value });
      }
      // `<<: [*a, *b]`: earlier sources win over later ones, explicit keys over all of them.
      for (const source of merged) {
        for (const [key, entry] of source.entries) if (!entries.has(key)) entries.set(key, entry);
      }
      return withTag({ kind: 'map', entries, origin: { file, node: yamlNode } }, tag);
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => (item === null ? { kind: 'scalar' as const, value: null, origin: { file, node: yamlNode } } : convert(item, depth + 1, aliasChain)));
      return withTag({ kind: 'seq', items, origin: { file, node: yamlNode } }, tag);
    }
    if (isScalar(node)) {
      const raw = node.value;
      const value = raw === null || raw === undefined ? null : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
      return withTag({ kind: 'scalar', value, origin: { file, node: yamlNode } }, tag);
    }
    return { kind: 'scalar', value: null, origin: { file, node: yamlNode } };
  };
  try {
    const root = convert(document.contents, 0, new Set());
    return root.kind === 'map' ? root : null;
  } catch (error) {
    if (error instanceof TreeBudgetError || error instanceof RangeError) {
      problems.push({ origin: { file, node: document.contents as Node }, message: error instanceof TreeBudgetError ? error.message : 'the file nests too deeply to be read' });
      return null;
    }
    throw error;
  }
}

function tagOf(node: Node): ValueBase['tag'] {
  const tag = (node as { tag?: string }).tag;
  if (tag === '!reset') return 'reset';
  if (tag === '!override') return 'override';
  return undefined;
}

function withTag<T extends ComposeValue>(value: T, tag: ValueBase['tag']): T {
  if (tag) value.tag = tag;
  return value;
}

export interface InterpolationResult {
  /** Variables referenced with no value and no default, with where. */
  unresolved: { name: string; origin: Origin }[];
  /** `${VAR:?message}` / `${VAR?message}` that fail: compose refuses the project. */
  required: { name: string; message: string; origin: Origin }[];
  /** `${…}` that compose cannot parse (`${}`, `${1}`, an unclosed `${`): compose refuses the project. */
  invalid: { text: string; origin: Origin }[];
}

/**
 * Interpolate every string value of a tree in place, as compose does before merging: values
 * only (never keys), `$$` for a literal dollar. The text before interpolation is kept in `raw`.
 */
export function interpolateTree(value: ComposeValue, lookup: (name: string) => string | undefined, result: InterpolationResult): void {
  if (value.kind === 'map') {
    for (const entry of value.entries.values()) interpolateTree(entry.value, lookup, result);
    return;
  }
  if (value.kind === 'seq') {
    for (const item of value.items) interpolateTree(item, lookup, result);
    return;
  }
  if (typeof value.value !== 'string' || !value.value.includes('$')) return;
  const expansion = expandVariables(value.value, lookup, { dollarDollar: true, strictBraces: true });
  for (const name of new Set(expansion.unresolved)) if (!expansion.required.some((entry) => entry.name === name)) result.unresolved.push({ name, origin: value.origin });
  for (const entry of expansion.required) result.required.push({ ...entry, origin: value.origin });
  for (const text of expansion.invalid ?? []) result.invalid.push({ text, origin: value.origin });
  if (expansion.value !== value.value) {
    value.raw = value.value;
    value.value = expansion.value;
  }
}

/** Deep copy (merging mutates maps; a base service reused by several `extends` must stay intact). */
export function cloneValue<T extends ComposeValue>(value: T): T {
  if (value.kind === 'map') {
    const entries = new Map<string, ComposeEntry>();
    for (const [key, entry] of value.entries) entries.set(key, { ...entry, value: cloneValue(entry.value) });
    return { ...value, entries };
  }
  if (value.kind === 'seq') return { ...value, items: value.items.map(cloneValue) };
  return { ...value };
}

/** The plain JavaScript value, as `docker compose config` would print it before normalization. */
export function toPlain(value: ComposeValue | null | undefined): unknown {
  if (!value) return undefined;
  if (value.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of value.entries) out[key] = toPlain(entry.value);
    return out;
  }
  if (value.kind === 'seq') return value.items.map(toPlain);
  return value.value;
}

/** The value at a path (map keys and sequence indexes). */
export function valueAt(root: ComposeValue | null | undefined, path: ComposePath): ComposeValue | null {
  let current: ComposeValue | null | undefined = root;
  for (const step of path) {
    if (!current) return null;
    if (current.kind === 'map') current = current.entries.get(String(step))?.value;
    else if (current.kind === 'seq' && typeof step === 'number') current = current.items[step];
    else return null;
  }
  return current ?? null;
}

/** The map entry at a path (its key origin tells where the key was written). */
export function entryAt(root: ComposeValue | null | undefined, path: ComposePath): ComposeEntry | null {
  if (!path.length) return null;
  const parent = valueAt(root, path.slice(0, -1));
  return parent?.kind === 'map' ? (parent.entries.get(String(path[path.length - 1])) ?? null) : null;
}

export function scalarText(value: ComposeValue | null | undefined): string | null {
  return value?.kind === 'scalar' && value.value !== null ? String(value.value) : null;
}

/** 1-based range of an origin; the first line of its file when the node has no position. */
export function rangeOfOrigin(origin: Origin): Range {
  const range = origin.node?.range;
  if (!range) return origin.file.lineRange(1);
  return origin.file.rangeOf(range[0], range[1]);
}
