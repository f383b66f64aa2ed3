import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, TextEdit } from '../engine/types.js';
import { findingRange, hasBom, offsetRange, rangesOverlap, toDiagnostic } from './convert.js';
import type { LintSnapshot, OpenDocument } from './folder-linter.js';
import { suppressionEdit } from './suppression-edit.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.docker-policy`;

export interface CodeActionRequest {
  snapshot: LintSnapshot;
  document: OpenDocument;
  range: Range;
  /** The kinds the client asked for (`context.only`); undefined: all. */
  only?: string[];
  /** The client applies versioned `documentChanges` (stale edits are refused rather than misapplied). */
  documentChanges: boolean;
  resolveId(idOrAlias: string): string | undefined;
  documented(ruleId: string): boolean;
}

/**
 * Quick fixes for findings under the cursor that carry a fix, "ignore this rule" for each finding,
 * and a source action that applies every fix in the file (`source.fixAll.docker-policy`, for
 * code-actions-on-save).
 */
export function codeActions(request: CodeActionRequest): CodeAction[] {
  const { snapshot, document } = request;
  const wants = (kind: string) => !request.only || request.only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const bom = hasBom(document.text);
  const findings = snapshot.findings.get(document.path) ?? [];
  const model = snapshot.models.get(document.path);
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      if (!rangesOverlap(findingRange(finding, bom), request.range)) continue;
      const diagnostic = toDiagnostic(finding, bom, request.documented);
      if (finding.fix) {
        const edit = workspaceEdit(finding.fix.edits, request);
        if (edit) actions.push({ title: `${finding.fix.description} (${finding.ruleId})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit });
      }
      const ignore = model ? suppressionEdit(model, finding.ruleId, finding.line, request.resolveId) : null;
      if (ignore && !titles.has(`${ignore.title}\0${finding.line}`)) {
        titles.add(`${ignore.title}\0${finding.line}`);
        const edit = workspaceEdit([ignore.edit], request);
        if (edit) actions.push({ title: ignore.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = nonOverlapping(findings);
    const edit = edits.length ? workspaceEdit(edits, request) : null;
    if (edit) actions.push({ title: 'Fix all auto-fixable docker-policy problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** Every fix's edits in file order, leaving out a fix that overlaps one already taken. */
function nonOverlapping(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes = findings.filter((finding) => finding.fix).map((finding) => finding.fix!);
  for (const fix of fixes) {
    const clashes = fix.edits.some((edit) => taken.some((other) => other.file === edit.file && edit.start < Math.max(other.end, other.start + 1) && other.start < Math.max(edit.end, edit.start + 1)));
    if (!clashes) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Offsets in the linted texts → an LSP workspace edit; null when a file is not in the model. */
function workspaceEdit(edits: TextEdit[], request: CodeActionRequest): WorkspaceEdit | null {
  const { snapshot, document } = request;
  const byFile = new Map<string, LspTextEdit[]>();
  for (const edit of edits) {
    const model = snapshot.models.get(edit.file);
    if (!model) return null;
    const open = snapshot.documents.get(edit.file);
    const bom = open ? hasBom(open.text) : diskHasBom(edit.file);
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), { range: offsetRange(model.file, edit.start, edit.end, bom), newText: edit.text }]);
  }
  const uriOf = (file: string) => snapshot.documents.get(file)?.uri ?? (file === document.path ? document.uri : pathToFileURL(file).href);
  if (request.documentChanges) {
    return {
      documentChanges: [...byFile].map(([file, fileEdits]) => ({ textDocument: { uri: uriOf(file), version: snapshot.documents.get(file)?.version ?? null }, edits: fileEdits })),
    };
  }
  return { changes: Object.fromEntries([...byFile].map(([file, fileEdits]) => [uriOf(file), fileEdits])) };
}

function diskHasBom(file: string): boolean {
  try {
    const handle = fs.openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(3);
      fs.readSync(handle, bytes, 0, 3, 0);
      return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return false;
  }
}
