import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    description: 'No empty lines inside a line continuation (`\\` at the end of the previous line).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'Docker joins an instruction across an empty line after a trailing `\\` today, but has announced that empty continuation lines will become errors; they also make it easy to believe the instruction ended at the blank line. BuildKit reports it as `NoEmptyContinuation`.',
      bad: { code: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends curl\n' },
      good: { code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n' },
      notes: 'Comment lines inside a continuation are allowed (Docker drops them). Heredoc bodies may contain empty lines. The fix deletes the empty line.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      for (const instruction of dockerfile.instructions) {
        const first = instruction.range.start.line;
        // Heredoc bodies are file contents: only the lines before the first body are continuation lines.
        const bodyStart = instruction.heredocs.map((heredoc) => heredoc.contentRange?.start.line ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
        const last = Math.min(instruction.range.end.line, bodyStart - 1);
        for (let line = first + 1; line < last; line++) {
          if (file.lineText(line).trim() !== '') continue;
          const start = file.lineStarts[line - 1]!;
          const end = line < file.lineCount ? file.lineStarts[line]! : file.text.length;
          context.report({
            file,
            range: file.lineRange(line),
            message: `Empty continuation line inside ${instruction.keyword} (line ${first}): Docker will reject these in a future release; delete the empty line.`,
            fix: { description: 'Delete the empty line', edits: [{ file: file.path, start, end, text: '' }] },
          });
        }
      }
    }
  },
};

export default rule;
