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
  const word = unquoteWord(path).replace(/[/\\]+$/, '');
  return word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
}

export function isRemoteUrl(path: string): boolean {
  return /^(https?:\/\/|git@)/i.test(unquoteWord(path));
}
