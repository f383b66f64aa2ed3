import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../engine/types.js';
import type { SourceFile } from './source.js';

/**
 * Text edits for YAML files, computed from the `yaml` library's node ranges so that everything
 * around the edit (comments, quoting, blank lines, anchors, line breaks) stays as it was.
 * Values are written as YAML source: a string is a scalar exactly as it should appear (`"no"`,
 * `nvidia`, `[gpu]`), an array is a sequence, an object a mapping.
 */
export type YamlSource = string | YamlSource[] | { [key: string]: YamlSource };

/** Column (0-based) where a node starts on its line. */
function columnOf(file: SourceFile, offset: number): number {
  return file.positionAt(offset).column - 1;
}

/** The offset where the line after `offset` starts; the file's end when there is none. */
function nextLineStart(text: string, offset: number): number | null {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? null : newline + 1;
}

/** Block-style lines for `key: value` at `indent`, nested levels `unit` deeper. */
function blockLines(key: string, value: YamlSource, indent: number, unit: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') return [`${pad}${key}: ${value}`];
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return [`${pad}${key}: ${flow(value)}`];
    return [`${pad}${key}:`, ...value.flatMap((item) => itemLines(item, indent + unit, unit))];
  }
  return [`${pad}${key}:`, ...Object.entries(value).flatMap(([childKey, child]) => blockLines(childKey, child, indent + unit, unit))];
}

/** A block sequence item: `- first: x` with the other keys aligned under `first`. */
function itemLines(item: YamlSource, indent: number, unit: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof item === 'string' || Array.isArray(item)) return [`${pad}- ${flow(item)}`];
  const lines = Object.entries(item).flatMap(([key, value]) => blockLines(key, value, indent + 2, unit));
  if (!lines.length) return [`${pad}- {}`];
  lines[0] = `${pad}- ${lines[0]!.slice(indent + 2)}`;
  return lines;
}

/** Flow style: `{driver: nvidia, capabilities: [gpu]}`. */
export function flow(value: YamlSource): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  return `{${Object.entries(value).map(([key, child]) => `${key}: ${flow(child)}`).join(', ')}}`;
}

/** The indentation step of a mapping: how much deeper its keys sit than the key that owns it. */
export function indentUnit(file: SourceFile, map: YAMLMap, ownerKey: Node | null): number {
  const first = (map.items[0] as Pair<Node> | undefined)?.key as Node | undefined;
  if (!first?.range || !ownerKey?.range) return 2;
  const unit = columnOf(file, first.range[0]) - columnOf(file, ownerKey.range[0]);
  return unit > 0 ? unit : 2;
}

/**
 * Add `key: value` pairs at the end of a mapping. A block mapping gets new lines after its last
 * pair, at the indentation of its keys; a flow mapping (`{a: 1}`) gets `, key: value` before its
 * closing brace. Returns null for an empty mapping, whose layout cannot be inferred.
 */
export function appendPairs(file: SourceFile, map: YAMLMap, pairs: Record<string, YamlSource>, unit: number): TextEdit | null {
  const items = map.items as Pair<Node, Node | null>[];
  const last = items[items.length - 1];
  const firstKey = items[0]?.key;
  if (!last || !firstKey?.range || !isScalar(last.key) || !last.key.range) return null;
  const end = last.value?.range?.[1] ?? last.key.range[1];
  if (map.flow) {
    const text = Object.entries(pairs).map(([key, value]) => `, ${key}: ${flow(value)}`).join('');
    return { file: file.path, start: end, end, text };
  }
  const indent = columnOf(file, firstKey.range[0]);
  const lines = Object.entries(pairs).flatMap(([key, value]) => blockLines(key, value, indent, unit));
  const at = nextLineStart(file.text, end);
  if (at === null) return { file: file.path, start: file.text.length, end: file.text.length, text: `\n${lines.join('\n')}\n` };
  return { file: file.path, start: at, end: at, text: `${lines.join('\n')}\n` };
}

/** Add an item at the end of a sequence, block (`- item` lines) or flow (`[a, item]`). Null for an empty block sequence. */
export function appendItem(file: SourceFile, seq: YAMLSeq, item: YamlSource, unit: number): TextEdit | null {
  const items = seq.items as Node[];
  const last = items[items.length - 1];
  if (seq.flow) {
    if (!seq.range) return null;
    if (!last?.range) {
      const open = file.text.indexOf('[', seq.range[0]);
      return open < 0 ? null : { file: file.path, start: open + 1, end: open + 1, text: flow(item) };
    }
    return { file: file.path, start: last.range[1], end: last.range[1], text: `, ${flow(item)}` };
  }
  const first = items[0];
  if (!last?.range || !first?.range) return null;
  // The dash sits two columns before the item's content in `- item`.
  const dashColumn = file.text.lastIndexOf('-', first.range[0] - 1) - file.lineStarts[file.positionAt(first.range[0]).line - 1]!;
  if (dashColumn < 0) return null;
  const lines = itemLines(item, dashColumn, unit);
  const at = nextLineStart(file.text, last.range[1]);
  if (at === null) return { file: file.path, start: file.text.length, end: file.text.length, text: `\n${lines.join('\n')}\n` };
  return { file: file.path, start: at, end: at, text: `${lines.join('\n')}\n` };
}

/** Replace a scalar's source text (quotes included), keeping any comment after it. */
export function replaceScalar(file: SourceFile, node: Node, text: string): TextEdit | null {
  if (!isScalar(node) || !node.range) return null;
  return { file: file.path, start: node.range[0], end: node.range[1], text };
}

/**
 * Merge `value` (a nested mapping) into `map` along its keys: walks down the mapping keys that
 * already exist and adds the rest where the walk stops. A sequence at the end of the walk gets
 * the new value's items appended. Null when an existing node on the way is not a collection.
 */
export function mergeInto(file: SourceFile, map: YAMLMap, value: { [key: string]: YamlSource }, unit: number): TextEdit | null {
  const entries = Object.entries(value);
  if (entries.length !== 1) return appendPairs(file, map, value, unit);
  const [key, child] = entries[0]!;
  const pair = (map.items as Pair<Node, Node | null>[]).find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) return appendPairs(file, map, value, unit);
  if (isMap(pair.value) && child && typeof child === 'object' && !Array.isArray(child)) {
    return pair.value.items.length ? mergeInto(file, pair.value as YAMLMap, child, unit) : null;
  }
  if (isSeq(pair.value) && Array.isArray(child) && child.length === 1) return appendItem(file, pair.value as YAMLSeq, child[0]!, unit);
  return null;
}
