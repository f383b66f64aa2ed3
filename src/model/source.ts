import path from 'node:path';

/** 1-based line and column, as editors and CI annotations show them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type FileKind = 'dockerfile' | 'compose' | 'dockerignore' | 'shell' | 'env';

/** One file's text plus a line index, so offsets and positions convert in O(log n). */
export class SourceFile {
  readonly lineStarts: number[];

  constructor(
    /** Absolute path. */
    readonly path: string,
    readonly kind: FileKind,
    readonly text: string,
    /** Path relative to the current directory, POSIX separators. */
    readonly displayPath: string = toDisplayPath(path),
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  offsetAt(position: Position): number {
    const lineIndex = Math.max(0, Math.min(position.line - 1, this.lineStarts.length - 1));
    const lineStart = this.lineStarts[lineIndex]!;
    const lineEnd = this.lineEndOffset(position.line);
    return Math.min(lineStart + Math.max(0, position.column - 1), lineEnd);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Text of a 1-based line, without its line break. */
  lineText(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line - 1], this.lineEndOffset(line));
  }

  /** Offset of the end of a line's content (before `\r\n` or `\n`). */
  lineEndOffset(line: number): number {
    const next = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 && next <= this.text.length && line < this.lineStarts.length
      ? next - 1
      : next;
  }

  /** Range covering a whole 1-based line. */
  lineRange(line: number): Range {
    return { start: { line, column: 1 }, end: { line, column: this.lineText(line).length + 1 } };
  }
}

export function toDisplayPath(absolutePath: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === '' ? '.' : relative;
  return shown.split(path.sep).join('/');
}

/** Strip a UTF-8 byte-order mark: editors add it, parsers choke on it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
