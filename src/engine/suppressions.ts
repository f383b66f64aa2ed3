import type { FileModel } from '../model/project.js';

/** Which rules are switched off where in one file, from its inline comments. */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

// Matched against trimmed lines, with no `\s*` next to the list (which holds spaces itself): both
// would backtrack quadratically on a long run of spaces.
const DIRECTIVE = /^#\s*(docker-policy|hadolint)\s+(global\s+)?(ignore-file|ignore)(?:\s*=([\w\-/,.\s]+))?$/i;
const TRAILING_DIRECTIVE = /\s#\s*docker-policy\s+ignore\s*=([\w\-/,.\s]+)$/i;

/**
 * `# docker-policy ignore=a,b` and `# hadolint ignore=DL3006` cover the next line (for
 * Dockerfiles, the whole next instruction); `# docker-policy ignore-file[=a,b]` and
 * `# hadolint global ignore=...` cover the file. In compose files and scripts a trailing
 * `# docker-policy ignore=a` covers its own line. IDs may be rule IDs or aliases.
 */
export function collectSuppressions(model: FileModel, resolveId: (idOrAlias: string) => string | undefined, options: { hadolintPragmas?: boolean } = {}): Suppressions {
  const file = model.file;
  const whole = new Set<string>();
  let wholeFileAll = false;
  const ranges: { from: number; to: number; rules: Set<string> | 'all' }[] = [];
  const toIds = (list: string | undefined): Set<string> | 'all' => {
    if (!list?.trim()) return 'all';
    const ids = new Set<string>();
    for (const item of list.split(/[\s,]+/).filter(Boolean)) ids.add(resolveId(item) ?? item);
    return ids;
  };
  const allowsTrailing = model.kind === 'compose' || model.kind === 'shell';
  for (let line = 1; line <= file.lineCount; line++) {
    const text = file.lineText(line);
    if (!text.includes('#')) continue;
    const trimmed = text.trim();
    const match = DIRECTIVE.exec(trimmed);
    if (match) {
      const [, tool, global, verb, list] = match;
      // hadolint's `disable-ignore-pragma`: its comments stop counting, ours still do.
      if (options.hadolintPragmas === false && tool!.toLowerCase() === 'hadolint') continue;
      const ids = toIds(list);
      if (verb!.toLowerCase() === 'ignore-file' || global) {
        if (ids === 'all') wholeFileAll = true;
        else for (const id of ids) whole.add(id);
        continue;
      }
      if (tool!.toLowerCase() === 'hadolint' && ids === 'all') continue;
      const target = nextContentLine(model, line);
      if (target) ranges.push({ from: target.from, to: target.to, rules: ids });
      continue;
    }
    const trailing = allowsTrailing ? TRAILING_DIRECTIVE.exec(text.trimEnd()) : null;
    if (trailing) ranges.push({ from: line, to: line, rules: toIds(trailing[1]) });
  }
  return {
    isSuppressed(ruleId: string, line: number): boolean {
      if (wholeFileAll || whole.has(ruleId)) return true;
      return ranges.some((range) => line >= range.from && line <= range.to && (range.rules === 'all' || range.rules.has(ruleId)));
    },
  };
}

function nextContentLine(model: FileModel, commentLine: number): { from: number; to: number } | null {
  const file = model.file;
  for (let line = commentLine + 1; line <= file.lineCount; line++) {
    const text = file.lineText(line).trim();
    if (!text || text.startsWith('#')) continue;
    if (model.kind === 'dockerfile') {
      const instruction = model.instructions.find((candidate) => candidate.range.start.line === line);
      if (instruction) return { from: line, to: instruction.range.end.line };
    }
    return { from: line, to: line };
  }
  return null;
}
