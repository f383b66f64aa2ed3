import { isArchivePath, isRemoteUrl } from '../src/model/dockerfile-words.js';
import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import type { Rule } from '../src/engine/types.js';

/** Flags only ADD has: with them, COPY is not a drop-in replacement. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

const rule: Rule = {
  meta: {
    id: 'copy-instead-of-add',
    aliases: ['DL3020'],
    description: 'Use COPY, not ADD, for local files and folders; ADD is for remote URLs and tar archives to extract.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`ADD` does more than copy: it extracts local tar archives and downloads URLs. Used for plain files it hides that magic in every reader\'s head ("will this get unpacked?") and changes behaviour the day someone renames a file to `.tar.gz`. `COPY` says exactly what happens.',
      bad: { code: 'FROM python:3.12-slim\nADD requirements.txt /app/\nADD src/ /app/src/\n' },
      good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY src/ /app/src/\nADD https://example.com/tool.tar.gz /opt/\nADD vendor.tar.gz /opt/vendor/\n' },
      notes:
        'A source that is an archive (`.tar`, `.tar.gz`, `.tgz`, `.xz`, …) or a URL (`http(s)://`, `git@`) is what ADD is for; a source written with a variable cannot be judged and is accepted. The fix rewrites `ADD` to `COPY` when every source is a plain local path and no ADD-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) is used. `.zip` files are not extracted by ADD, so they are plain files here.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'ADD' || !instruction.copy) continue;
        const sources = instruction.copy.sources;
        const plain = sources.filter((source) => !isArchivePath(source.value) && !isRemoteUrl(source.value) && !hasVariableReference(source.value, dockerfile.escapeChar));
        const first = plain[0];
        if (!first) continue;
        const fixable = plain.length === sources.length && !instruction.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name));
        const start = dockerfile.file.offsetAt(instruction.keywordRange.start);
        const end = dockerfile.file.offsetAt(instruction.keywordRange.end);
        const keyword = instruction.keywordRaw === instruction.keywordRaw.toLowerCase() ? 'copy' : 'COPY';
        context.report({
          file: dockerfile.file,
          range: first.range,
          message: `\`${first.value}\` is a local path, not a URL or tar archive: use COPY instead of ADD.`,
          fix: fixable ? { description: 'Replace ADD with COPY', edits: [{ file: dockerfile.file.path, start, end, text: keyword }] } : undefined,
        });
      }
    }
  },
};

export default rule;
