import fs from 'node:fs';
import path from 'node:path';
import { lint, type LintOptions, type LintResult } from './lint.js';
import type { Finding, Fix, TextEdit } from './types.js';

/** ESLint's limit: fixes that keep producing new fixes stop here. */
export const MAX_FIX_PASSES = 10;

export interface FileChange {
  /** Absolute path. */
  path: string;
  displayPath: string;
  /** Text as linted (byte-order mark removed). */
  before: string;
  after: string;
  /** The file on disk starts with a UTF-8 byte-order mark, which writing keeps. */
  bom: boolean;
}

export interface FixRun {
  /** Lint result of the fixed texts: the findings that remain. */
  result: LintResult;
  /** Files whose text the fixes changed, in path order. */
  changes: FileChange[];
  /** How many fixes were applied, over all passes. */
  applied: number;
  /** Lint passes that applied at least one fix. */
  passes: number;
}

interface Chosen {
  edits: TextEdit[];
  fixes: number;
}

/**
 * Pick the fixes of one pass. A fix is applied whole or not at all: when any of its edits overlaps
 * (or touches) an edit already chosen, or its edits are out of range, it waits for the next pass,
 * which lints the fixed text again. `texts` gives the current text of every file a fix may edit.
 */
export function chooseFixes(findings: Finding[], texts: (file: string) => string | undefined): Map<string, Chosen> {
  const chosen = new Map<string, Chosen>();
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || !fix.edits.length || !isApplicable(fix, texts)) continue;
    if (fix.edits.some((edit) => (chosen.get(edit.file)?.edits ?? []).some((other) => touches(edit, other)))) continue;
    const files = new Set<string>();
    for (const edit of fix.edits) {
      const entry = chosen.get(edit.file) ?? { edits: [], fixes: 0 };
      entry.edits.push(edit);
      chosen.set(edit.file, entry);
      files.add(edit.file);
    }
    for (const file of files) chosen.get(file)!.fixes++;
  }
  return chosen;
}

function isApplicable(fix: Fix, texts: (file: string) => string | undefined): boolean {
  return fix.edits.every((edit, index) => {
    const text = texts(edit.file);
    if (text === undefined || !(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) return false;
    // A fix's own edits must not collide either.
    return fix.edits.every((other, otherIndex) => otherIndex === index || other.file !== edit.file || !touches(edit, other));
  });
}

/** Overlapping, touching or inserting at the same place: the result would depend on the order. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Apply non-overlapping edits to a text. Inserted line breaks follow the file's own: a CRLF
 * file gets `\r\n` even when a rule wrote `\n`, so everything else stays byte for byte.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const crlf = usesCrlf(text);
  let output = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    output += text.slice(position, edit.start) + (crlf ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text);
    position = edit.end;
  }
  return output + text.slice(position);
}

function usesCrlf(text: string): boolean {
  const firstBreak = text.indexOf('\n');
  return firstBreak > 0 && text[firstBreak - 1] === '\r';
}

/**
 * Lint, apply the fixes, and lint the fixed text again until nothing more is fixable (at most
 * MAX_FIX_PASSES passes). Works in memory through the linter's overlays; nothing is written here.
 * With `stdin`, only the standard-input text is fixed.
 */
export async function lintWithFixes(options: LintOptions): Promise<FixRun> {
  const overlays = new Map(options.overlays ?? []);
  let stdin = options.stdin ? { ...options.stdin } : undefined;
  const stdinPath = stdin ? path.resolve(options.cwd, stdin.filename) : null;
  const originals = new Map<string, { text: string; displayPath: string }>();
  let applied = 0;
  let passes = 0;
  let result = await lint({ ...options, overlays, stdin });
  while (passes < MAX_FIX_PASSES) {
    const texts = (file: string): string | undefined => {
      if (stdinPath !== null && file !== stdinPath) return undefined;
      return result.project.files.get(file)?.file.text;
    };
    const chosen = chooseFixes(result.findings, texts);
    if (!chosen.size) break;
    for (const [file, { edits, fixes }] of chosen) {
      const source = result.project.files.get(file)!.file;
      if (!originals.has(file)) originals.set(file, { text: source.text, displayPath: source.displayPath });
      const fixed = applyEdits(source.text, edits);
      if (file === stdinPath) stdin = { ...stdin!, text: fixed };
      else overlays.set(file, fixed);
      applied += fixes;
    }
    passes++;
    result = await lint({ ...options, overlays, stdin });
  }
  const changes: FileChange[] = [];
  for (const [file, original] of [...originals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const after = file === stdinPath ? stdin!.text : overlays.get(file)!;
    if (after === original.text) continue;
    changes.push({ path: file, displayPath: original.displayPath, before: original.text, after, bom: file !== stdinPath && startsWithBom(file) });
  }
  return { result, changes, applied, passes };
}

function startsWithBom(file: string): boolean {
  try {
    const handle = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      const read = fs.readSync(handle, head, 0, 3, 0);
      return read === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return false;
  }
}

/** Write the fixed files, keeping a byte-order mark the file had. Unchanged files are not touched. */
export function writeChanges(changes: FileChange[]): void {
  for (const change of changes) fs.writeFileSync(change.path, `${change.bom ? '\uFEFF' : ''}${change.after}`);
}
