import { withoutTrailing } from './trim.js';

/** A Dockerfile word without the quotes around it: `"/app/"` → `/app/`. */
export function unquoteWord(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/** Archive suffixes hadolint treats as archives (ADD extracts the tar formats among them). */
export const ARCHIVE_SUFFIXES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

export function isArchivePath(path: string): boolean {
  const word = unquoteWord(path);
  return ARCHIVE_SUFFIXES.some((suffix) => word.endsWith(suffix));
}

/** The file name of a path: `/tmp/app.tar.gz` → `app.tar.gz`. */
export function baseName(path: string): string {
  const word = withoutTrailing(unquoteWord(path), '/\\');
  return word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
}

export function isRemoteUrl(path: string): boolean {
  return /^(https?:\/\/|git@)/i.test(unquoteWord(path));
}

// BuildKit's directive grammar: `#`, optional spaces, a name, `=`, the value; no leading space.
const DIRECTIVE_NAME = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=/;

/**
 * A `# name=value` parser-directive line, or null. The value is trimmed separately: the one-regex
 * form `=\s*(.+?)\s*$` backtracks quadratically on a long run of spaces.
 */
export function parserDirectiveLine(line: string): { name: string; value: string } | null {
  const match = DIRECTIVE_NAME.exec(line);
  if (!match) return null;
  const value = line.slice(match[0].length).trim();
  if (!value || /[\n\r\u2028\u2029]/.test(value)) return null;
  return { name: match[1]!, value };
}
