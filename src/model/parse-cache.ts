import type { FileModel, ParseError } from './project.js';
import type { FileKind } from './source.js';

/** What a parse depends on besides the file's own text: a compose file's `.env`. */
export interface ParseInputs {
  kind: FileKind;
  text: string;
  /** Relative path shown in findings: it depends on the current directory, so it is part of the key. */
  displayPath: string;
  /** Text of the `.env` a compose file was interpolated with ('' when there is none). */
  environment: string;
}

interface Entry extends ParseInputs {
  model: FileModel | null;
  /** Parse errors the file produced (compose problems, parser crashes), replayed on every reuse. */
  errors: ParseError[];
}

/**
 * Parsed file models kept between project builds, keyed by absolute path and everything the
 * parse read (text, kind, display path, `.env`). The language server keeps one per workspace so
 * a re-lint after an edit parses only the edited file; `check --cache` counts parses through it.
 * One entry per path: a new text replaces the old model, so memory stays bounded by the project.
 * Models are shared between projects; rules must treat them as read-only (they do: rules are pure).
 */
export class ParseCache {
  private readonly entries = new Map<string, Entry>();
  /** Files parsed (cache misses) since this cache was created. */
  parsed = 0;
  /** Files whose model was reused. */
  reused = 0;

  /** Called with the absolute path of every file that is actually parsed (tests and debug counters). */
  constructor(private readonly onParse?: (absolutePath: string) => void) {}

  get size(): number {
    return this.entries.size;
  }

  lookup(absolutePath: string, inputs: ParseInputs): { model: FileModel | null; errors: ParseError[] } | undefined {
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.kind !== inputs.kind || entry.text !== inputs.text || entry.displayPath !== inputs.displayPath || entry.environment !== inputs.environment) return undefined;
    this.reused++;
    return entry;
  }

  store(absolutePath: string, inputs: ParseInputs, model: FileModel | null, errors: ParseError[]): void {
    this.parsed++;
    this.onParse?.(absolutePath);
    this.entries.set(absolutePath, { ...inputs, model, errors });
  }

  delete(absolutePath: string): void {
    this.entries.delete(absolutePath);
  }

  /** Forget every file not in `keep` (files deleted or no longer linked). */
  retainOnly(keep: Iterable<string>): void {
    const live = new Set(keep);
    for (const key of [...this.entries.keys()]) if (!live.has(key)) this.entries.delete(key);
  }
}
