import { expect } from 'vitest';
import type { Fix, Rule } from '../../src/engine/types.js';
import { runRule } from './rule-tester.js';

/** Apply a fix's edits (offsets into `text`); edits must not overlap. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let index = 1; index < edits.length; index++) expect(edits[index]!.start, 'edits overlap').toBeGreaterThanOrEqual(edits[index - 1]!.end);
  let result = text;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * Lint `files` with `rule`, apply the fixes of findings in `file` the way an applier does (in
 * order, skipping one that overlaps a fix already taken, then linting again), and return the
 * fixed text. Asserts that the fixed text gives no finding of the rule at all.
 */
export async function fixedText(rule: Rule, files: Record<string, string>, file: string, options?: Record<string, unknown>): Promise<string> {
  let current = { ...files };
  for (let pass = 0; pass < 10; pass++) {
    const findings = (await runRule(rule, { files: current, options })).filter((finding) => finding.file === file && finding.fix);
    if (!findings.length) break;
    let text = current[file]!;
    const taken: { start: number; end: number }[] = [];
    const chosen: Fix['edits'] = [];
    for (const finding of findings) {
      const edits = finding.fix!.edits;
      expect(edits.every((edit) => edit.file.endsWith(`/${file}`))).toBe(true);
      if (edits.some((edit) => taken.some((other) => edit.start < other.end && other.start < edit.end))) continue;
      taken.push(...edits);
      chosen.push(...edits);
    }
    text = applyFix(text, { description: 'all', edits: chosen });
    current = { ...current, [file]: text };
  }
  expect(await runRule(rule, { files: current, options }), 'the fixed text still has findings').toEqual([]);
  return current[file]!;
}
