import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import { ruleDocsUrl } from '../docs/rule-url.js';
import type { Finding, Severity } from '../engine/types.js';
import type { Position as SourcePosition, SourceFile } from '../model/source.js';

export const SOURCE = 'docker-policy';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * Findings are 1-based, with columns counted in UTF-16 code units of the text after a byte-order
 * mark was stripped; LSP positions are 0-based UTF-16, counted in the buffer as the editor has it,
 * BOM included. `bom` says whether the buffer starts with one (it shifts line 1 by one unit).
 */
export function toPosition(position: SourcePosition, bom: boolean): Position {
  return { line: position.line - 1, character: Math.max(0, position.column - 1) + (bom && position.line === 1 ? 1 : 0) };
}

export function findingRange(finding: Finding, bom: boolean): Range {
  return { start: toPosition({ line: finding.line, column: finding.column }, bom), end: toPosition({ line: finding.endLine, column: finding.endColumn }, bom) };
}

/** A text edit's offsets (in the model's text) as an LSP range. */
export function offsetRange(file: SourceFile, start: number, end: number, bom: boolean): Range {
  return { start: toPosition(file.positionAt(start), bom), end: toPosition(file.positionAt(end), bom) };
}

export function toDiagnostic(finding: Finding, bom: boolean, documented: (ruleId: string) => boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: findingRange(finding, bom),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (documented(finding.ruleId)) diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  return diagnostic;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}
