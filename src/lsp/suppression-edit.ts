import type { TextEdit } from '../engine/types.js';
import { collectSuppressions } from '../engine/suppressions.js';
import { buildProject, type FileModel } from '../model/project.js';
import { isShellComment } from '../model/shell.js';

export interface SuppressionEdit {
  title: string;
  edit: TextEdit;
}

// `# docker-policy ignore=a,b` / `# hadolint ignore=DL3008` on a line of its own (not ignore-file, not global).
const LINE_DIRECTIVE = /^\s*#\s*(docker-policy|hadolint)\s+ignore\s*=\s*([\w\-/.]+(?:[\s,]+[\w\-/.]+)*)\s*$/i;
const TRAILING_DIRECTIVE = /\s#\s*docker-policy\s+ignore\s*=\s*[\w\-/.]+(?:[\s,]+[\w\-/.]+)*\s*$/i;

/**
 * The edit behind "ignore this rule here": `# docker-policy ignore=<id>` on its own line above the
 * instruction (Dockerfiles; also .dockerignore and .env files) or as a trailing comment (compose
 * files and scripts), extending a directive that is already there. The edit is only offered when
 * re-parsing the edited file proves that it suppresses the finding under the engine's own rules
 * (src/engine/suppressions.ts) and changes nothing else: a `#` inside a YAML block scalar, a shell
 * string or heredoc, or after a line continuation would change what the file means.
 */
export function suppressionEdit(model: FileModel, ruleId: string, line: number, resolveId: (idOrAlias: string) => string | undefined): SuppressionEdit | null {
  const candidates = model.kind === 'compose' || model.kind === 'shell' ? [trailingComment(model, ruleId, line), lineAbove(model, ruleId, line)] : [lineAbove(model, ruleId, line)];
  for (const candidate of candidates) {
    if (candidate && proves(model, candidate, ruleId, resolveId)) return { title: candidate.title, edit: candidate.edit };
  }
  return null;
}

interface Candidate extends SuppressionEdit {
  /** The finding's line after the edit. */
  newLine: number;
  /** Offset of the inserted `#` in the new text, when the edit adds a comment. */
  hash?: number;
}

function lineAbove(model: FileModel, ruleId: string, line: number): Candidate | null {
  const file = model.file;
  let target = line;
  let spansLines = false;
  if (model.kind === 'dockerfile') {
    const instruction = model.instructions.find((candidate) => candidate.range.start.line <= line && line <= candidate.range.end.line);
    if (instruction) {
      target = instruction.range.start.line;
      spansLines = instruction.range.end.line > target;
    }
  }
  const title = `Ignore ${ruleId} for this ${spansLines ? 'instruction' : 'line'}`;
  // Directives already above the target: extend ours, or go above hadolint's so both keep working.
  let top = target;
  for (let above = target - 1; above >= 1; above--) {
    const match = LINE_DIRECTIVE.exec(file.lineText(above));
    if (!match) break;
    if (match[1]!.toLowerCase() === 'docker-policy') {
      const at = file.lineStarts[above - 1]! + file.lineText(above).trimEnd().length;
      return { title, edit: { file: file.path, start: at, end: at, text: `,${ruleId}` }, newLine: line };
    }
    top = above;
  }
  const indent = /^[ \t]*/.exec(file.lineText(target))![0];
  const lineBreak = file.text.includes('\r\n') ? '\r\n' : '\n';
  const at = file.lineStarts[top - 1] ?? file.text.length;
  return { title, edit: { file: file.path, start: at, end: at, text: `${indent}# docker-policy ignore=${ruleId}${lineBreak}` }, newLine: line + 1, hash: at + indent.length };
}

function trailingComment(model: FileModel, ruleId: string, line: number): Candidate | null {
  const file = model.file;
  const text = file.lineText(line);
  const content = text.trimEnd();
  if (!content.trim()) return null;
  const start = file.lineStarts[line - 1]!;
  const title = `Ignore ${ruleId} for this line`;
  if (TRAILING_DIRECTIVE.test(content)) {
    return { title, edit: { file: file.path, start: start + content.length, end: start + content.length, text: `,${ruleId}` }, newLine: line };
  }
  const edit = { file: file.path, start: start + content.length, end: start + text.length, text: ` # docker-policy ignore=${ruleId}` };
  return { title, edit, newLine: line, hash: edit.start + 1 };
}

function proves(model: FileModel, candidate: Candidate, ruleId: string, resolveId: (idOrAlias: string) => string | undefined): boolean {
  const { edit } = candidate;
  const text = model.file.text;
  const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  const reparsed = buildProject([{ path: model.file.path, kind: model.kind }], { read: (file) => (file === model.file.path ? edited : null) }, '/').files.get(model.file.path);
  if (!reparsed || reparsed.kind !== model.kind) return false;
  if (!collectSuppressions(reparsed, resolveId).isSuppressed(ruleId, candidate.newLine)) return false;
  // A heredoc body or a multi-line string keeps the commands the same but not the text they carry.
  if (candidate.hash !== undefined && model.kind === 'shell' && !isShellComment(edited, candidate.hash)) return false;
  const before = meaning(model);
  return before !== null && before === meaning(reparsed);
}

/** What a file says, comments left out: equal before and after an edit that only adds a comment. */
function meaning(model: FileModel): string | null {
  try {
    switch (model.kind) {
      case 'dockerfile':
        return JSON.stringify([
          model.escapeChar,
          // BuildKit's directive keys are single words; the model also lists `# docker-policy ignore=…` here.
          model.directives.filter((directive) => /^[a-z][a-z0-9]*$/i.test(directive.name)).map((directive) => [directive.name, directive.value]),
          model.instructions.map((instruction) => [
            instruction.keyword,
            instruction.flags.map((flag) => [flag.name, flag.value]),
            instruction.args.map((arg) => arg.value),
            instruction.heredocs.map((heredoc) => heredoc.content),
          ]),
        ]);
      case 'compose':
        return model.document.errors.length ? null : JSON.stringify(model.document.toJS({ maxAliasCount: 1000 }));
      case 'shell':
        return JSON.stringify([
          model.script.hasSyntaxError,
          model.script.commands.map((command) => [command.argv.map((word) => word.value), command.assignments, command.redirects, command.connector]),
        ]);
      case 'dockerignore':
        return JSON.stringify(model.patterns.map((pattern) => pattern.pattern));
      case 'env':
        return JSON.stringify(model.values);
    }
  } catch {
    return null;
  }
}
