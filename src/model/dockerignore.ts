import balenaDockerignore from '@balena/dockerignore';
import type { Range, SourceFile } from './source.js';
import { withoutTrailing } from './trim.js';

// @balena/dockerignore ports the Docker CLI's own matcher (moby/patternmatcher): unlike
// .gitignore, patterns are anchored at the context root (`foo` does not match `a/foo`), `**`
// spans directories, a leading `/` is dropped, and the last matching line wins, so `!x` after
// `*` re-includes. A negation can also re-include files below an excluded directory.
// Imported (not required at run time) so that it is in the bundle and its code cache. Its types
// declare an ES default export; the package is CommonJS (`module.exports = factory`).
const createMatcher = balenaDockerignore as unknown as (options?: { ignorecase?: boolean }) => {
  add(patterns: string[]): unknown;
  ignores(path: string): boolean;
};

export interface IgnorePattern {
  /** The pattern as written, trimmed. */
  pattern: string;
  negated: boolean;
  line: number;
  range: Range;
}

export interface DockerignoreModel {
  kind: 'dockerignore';
  file: SourceFile;
  patterns: IgnorePattern[];
  /** True when `relativePath` (POSIX, relative to the build context) is left out of the context. */
  ignores(relativePath: string): boolean;
}

export function parseDockerignore(file: SourceFile): DockerignoreModel {
  const patterns: IgnorePattern[] = [];
  for (let line = 1; line <= file.lineCount; line++) {
    const raw = file.lineText(line);
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const startColumn = raw.indexOf(trimmed) + 1;
    patterns.push({
      pattern: trimmed,
      negated: trimmed.startsWith('!'),
      line,
      range: { start: { line, column: startColumn }, end: { line, column: startColumn + trimmed.length } },
    });
  }
  const matcher = createMatcher();
  // `**/**/` matches what `**/` matches; compiled as is, each repeat multiplies the regex's backtracking.
  matcher.add(patterns.map((entry) => entry.pattern.replace(/(?:\*\*\/)+/g, '**/').replace(/(?:\/\*\*)+/g, '/**')));
  return {
    kind: 'dockerignore',
    file,
    patterns,
    ignores(relativePath: string): boolean {
      const normalized = withoutTrailing(relativePath.replace(/^\.?\/+/, ''), '/');
      if (!normalized || normalized === '.') return false;
      try {
        return matcher.ignores(normalized);
      } catch {
        return false;
      }
    },
  };
}
