import { isAlias, isPair, isScalar, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Fix, TextEdit } from '../engine/types.js';
import { misplacedItems, sortedOrder, type Misplaced } from './compose-order.js';
import type { SourceFile } from './source.js';
import { derivedOnce } from './derived.js';

/**
 * Fixes for compose files as text edits computed from `yaml` node ranges: items move as whole
 * lines with their comments, everything else in the file stays byte for byte. A fix whose result
 * would not parse (an alias moved above its anchor, say) is dropped rather than offered.
 */

interface Span {
  start: number;
  end: number;
}

type Item = Pair<unknown, unknown> | Node;

function range(node: unknown): [number, number, number] | null {
  const value = (node as { range?: [number, number, number] } | null)?.range;
  return value ?? null;
}

function itemStart(item: Item): number | null {
  return isPair(item) ? (range(item.key)?.[0] ?? null) : (range(item)?.[0] ?? null);
}

function itemEnd(item: Item, block: boolean): number | null {
  if (isPair(item)) {
    const value = range(item.value);
    // A key with no value (`restart:`) has a null scalar whose range may be empty.
    if (value && value[1] > value[0]) return block ? value[2] : value[1];
    return range(item.key)?.[1] ?? null;
  }
  const own = range(item);
  return own ? (block ? own[2] : own[1]) : null;
}

function lineStartOf(file: SourceFile, offset: number): number {
  return file.lineStarts[file.positionAt(offset).line - 1]!;
}

/** End of the line holding `offset` (before its line break). */
function lineEndOf(file: SourceFile, offset: number): number {
  return file.lineEndOffset(file.positionAt(offset).line);
}

/**
 * Where each item of a collection lives in the text. In a block collection an item is whole
 * lines: its own (with a trailing comment) plus the comment lines right above it at its
 * indentation. In a flow collection it is the item's own text. null when the layout is unusual.
 */
function itemSpans(file: SourceFile, collection: YAMLMap | YAMLSeq): Span[] | null {
  const items = collection.items as Item[];
  const text = file.text;
  if (collection.flow) {
    const spans: Span[] = [];
    for (const item of items) {
      const start = itemStart(item);
      const end = itemEnd(item, false);
      if (start === null || end === null) return null;
      spans.push({ start, end });
    }
    return spans;
  }
  const spans: Span[] = [];
  for (const item of items) {
    let first = itemStart(item);
    let last = itemEnd(item, true);
    if (first === null || last === null) return null;
    const lineStart = lineStartOf(file, first);
    const prefix = text.slice(lineStart, first);
    const isSeqItem = !isPair(item);
    if (isSeqItem ? !/^[ \t]*-[ \t]+$/.test(prefix) : !/^[ \t]*$/.test(prefix)) return null;
    const indent = isSeqItem ? prefix.indexOf('-') : prefix.length;
    while (last > first && /\s/.test(text[last - 1]!)) last--;
    const end = lineEndOf(file, Math.max(first, last - 1));
    // Comment lines directly above, at the item's indentation, belong to it.
    first = lineStart;
    let line = file.positionAt(first).line - 1;
    const previousEnd = spans.length ? spans[spans.length - 1]!.end : -1;
    while (line >= 1) {
      const content = file.lineText(line);
      const lineOffset = file.lineStarts[line - 1]!;
      if (lineOffset <= previousEnd || !/^[ \t]*#/.test(content) || content.length - content.trimStart().length !== indent) break;
      first = lineOffset;
      line--;
    }
    if (first <= previousEnd) return null;
    spans.push({ start: first, end });
  }
  return spans;
}

interface ReorderPlan {
  edit: TextEdit;
  /** Where a character of the original text ends up in the fixed text. */
  moved(offset: number): number;
}

/** Move the items of a collection into `order` (indexes of the current items). */
function reorderPlan(file: SourceFile, collection: YAMLMap | YAMLSeq, order: number[]): ReorderPlan | null {
  const spans = itemSpans(file, collection);
  if (!spans || spans.length !== order.length || spans.length < 2) return null;
  const text = file.text;
  const start = spans[0]!.start;
  const newStart = new Map<number, number>();
  let replacement = '';
  for (let position = 0; position < spans.length; position++) {
    const moved = spans[order[position]!]!;
    newStart.set(order[position]!, start + replacement.length);
    replacement += text.slice(moved.start, moved.end);
    if (position < spans.length - 1) replacement += text.slice(spans[position]!.end, spans[position + 1]!.start);
  }
  const end = spans[spans.length - 1]!.end;
  return {
    edit: { file: file.path, start, end, text: replacement },
    moved: (offset) => {
      const index = spans.findIndex((span) => offset >= span.start && offset < span.end);
      return index < 0 ? offset : newStart.get(index)! + (offset - spans[index]!.start);
    },
  };
}

/** Replace a node's text (its value range, not trailing comments). */
export function replaceNodeEdit(file: SourceFile, node: Node, text: string): TextEdit | null {
  const own = range(node);
  return own ? { file: file.path, start: own[0], end: own[1], text } : null;
}

/** Remove a block mapping pair with its whole lines (and the blank lines after it when it opens a paragraph). */
export function removePairEdit(file: SourceFile, map: YAMLMap, pair: Pair<unknown, unknown>): TextEdit | null {
  if (map.flow) return null;
  const first = itemStart(pair);
  const last = itemEnd(pair, true);
  if (first === null || last === null) return null;
  const start = lineStartOf(file, first);
  if (!/^[ \t]*$/.test(file.text.slice(start, first))) return null;
  let trimmed = last;
  while (trimmed > first && /\s/.test(file.text[trimmed - 1]!)) trimmed--;
  const endLine = file.positionAt(Math.max(first, trimmed - 1)).line;
  let end = endLine < file.lineCount ? file.lineStarts[endLine]! : file.text.length;
  const startLine = file.positionAt(start).line;
  const opensParagraph = startLine === 1 || file.lineText(startLine - 1).trim() === '';
  for (let line = endLine + 1; opensParagraph && line < file.lineCount && file.lineText(line).trim() === ''; line++) end = file.lineStarts[line]!;
  return { file: file.path, start, end, text: '' };
}

/** Insert whole lines before an item of a block mapping (and before the comment lines above it). */
export function insertBeforeEdit(file: SourceFile, map: YAMLMap, index: number, lines: string): TextEdit | null {
  if (map.flow) return null;
  const spans = itemSpans(file, map);
  const span = spans?.[index];
  if (!span) return null;
  const key = (map.items[index] as Pair<unknown, unknown>).key;
  const column = file.positionAt(itemStart(map.items[index] as Item)!).column - 1;
  if (!isScalar(key)) return null;
  const newline = file.text.includes('\r\n') ? '\r\n' : '\n';
  const text = lines
    .split('\n')
    .map((line) => ' '.repeat(column) + line + newline)
    .join('');
  return { file: file.path, start: span.start, end: span.start, text };
}

/** Apply non-overlapping edits to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

interface AnchorUse {
  name: string;
  offset: number;
  /** For an alias: the index (in `anchors`) of the anchor it refers to. */
  target?: number;
}

const anchorIndex = new WeakMap<Document, { anchors: AnchorUse[]; aliases: AnchorUse[] }>();

/** The anchors and aliases of a document, each alias with the anchor it resolves to. */
function anchorsOf(document: Document): { anchors: AnchorUse[]; aliases: AnchorUse[] } {
  return derivedOnce(anchorIndex, document, () => {
    const anchors: AnchorUse[] = [];
    const aliases: AnchorUse[] = [];
    visit(document, {
      Node: (_, node) => {
        if (isAlias(node)) aliases.push({ name: node.source, offset: node.range?.[0] ?? 0 });
        else if (node.anchor) anchors.push({ name: node.anchor, offset: node.range?.[0] ?? 0 });
      },
    });
    for (const alias of aliases) alias.target = lastAnchorBefore(anchors, alias.name, alias.offset, (offset) => offset);
    return { anchors, aliases };
  });
}

function lastAnchorBefore(anchors: AnchorUse[], name: string, offset: number, position: (offset: number) => number): number {
  let found = -1;
  for (const [index, anchor] of anchors.entries()) {
    if (anchor.name === name && position(anchor.offset) < offset && (found < 0 || position(anchor.offset) > position(anchors[found]!.offset))) found = index;
  }
  return found;
}

/** After moving text, does every alias still refer to the same anchor (and come after it)? */
function aliasesSurvive(document: Document, moved: (offset: number) => number): boolean {
  const { anchors, aliases } = anchorsOf(document);
  // An alias that had no anchor above it (a broken file) can only get better.
  return aliases.every((alias) => alias.target === -1 || lastAnchorBefore(anchors, alias.name, moved(alias.offset), moved) === alias.target);
}

/**
 * A fix, if its edits leave a compose file that still parses and whose aliases still resolve.
 * The edits here rewrite a scalar, or remove or insert whole lines, so the text stays valid YAML;
 * re-parsing (the costly part) is needed only when an edit takes or adds `&anchor`/`*alias` text.
 */
export function composeFix(compose: { file: SourceFile; document: Document }, description: string, edits: (TextEdit | null)[]): Fix | undefined {
  if (!edits.length || edits.some((edit) => edit === null)) return undefined;
  const valid = edits as TextEdit[];
  const touchesAnchors = valid.some((edit) => /[&*]/.test(compose.file.text.slice(edit.start, edit.end) + edit.text));
  if (!touchesAnchors || !anchorsOf(compose.document).anchors.length) return { description, edits: valid };
  const fixed = applyTextEdits(compose.file.text, valid);
  const document = parseDocument(fixed, { uniqueKeys: true, maxAliasCount: 1000 } as never);
  if (document.errors.length) return undefined;
  try {
    document.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
  return { description, edits: valid };
}

/**
 * The ordering rules' question in one call: which items of a collection are out of place, and
 * the fix that sorts the whole collection (shared by every finding about it).
 */
export function orderCheck<T>(
  compose: { file: SourceFile; document: Document },
  collection: YAMLMap | YAMLSeq,
  items: T[],
  compare: (a: T, b: T) => number,
  description: string,
): { misplaced: Misplaced[]; fix: Fix | undefined } {
  const misplaced = misplacedItems(items, compare);
  if (!misplaced.length) return { misplaced, fix: undefined };
  const plan = reorderPlan(compose.file, collection, sortedOrder(items, compare));
  // Moving whole items keeps the YAML valid; what can break is an alias moved above its anchor.
  const fix = plan && aliasesSurvive(compose.document, plan.moved) ? { description, edits: [plan.edit] } : undefined;
  return { misplaced, fix };
}
