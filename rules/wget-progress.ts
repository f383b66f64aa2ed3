import { parseArgs } from '../src/model/package-args.js';
import { effectiveArgv, programName, programRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const WGET_VALUE_OPTIONS = new Set([
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries', '-T', '--timeout', '-U', '--user-agent', '-e', '--execute',
  '-i', '--input-file', '-B', '--base', '--header', '--user', '--password', '--post-data', '--post-file', '--ca-certificate', '--certificate', '--private-key', '-Q', '--quota', '-w', '--wait',
  '--progress', '-l', '--level', '-A', '--accept', '-R', '--reject', '-D', '--domains',
]);

const rule: Rule = {
  meta: {
    id: 'wget-progress',
    aliases: ['DL3047'],
    description: '`wget` should use `--progress=dot:giga`, `-q` or `-nv`: its default progress output floods build logs.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without a terminal, wget falls back to its "dot" progress display: one line per 50 KB, thousands of lines for a large download. They bury the build output that matters, slow CI log viewers and can hit log-size limits. `--progress=dot:giga` prints a line per 32 MB; `-nv` prints only a summary and errors; `-q` prints nothing.',
      bad: { code: 'FROM debian:12-slim\nRUN wget https://example.com/tool.tar.gz\n' },
      good: { code: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n' },
      notes:
        'Also accepted: `-q`/`--quiet` (also in clusters like `-qO-`), `-nv`/`--no-verbose`, and logging to a file with `-o`/`--output-file` or `-a`/`--append-output`. BusyBox wget (Alpine) does not know `--progress`; use `-q` there. No automatic fix, for that reason.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        if (programName(command) !== 'wget') continue;
        const words = effectiveArgv(command).slice(1);
        if (words.some((word) => word.value === '-nv' || word.value === '--no-verbose')) continue;
        const { options } = parseArgs(words.filter((word) => word.value !== '-nv'), { valueOptions: WGET_VALUE_OPTIONS });
        const quietOrLogged = ['-q', '--quiet', '--progress', '-o', '--output-file', '-a', '--append-output'];
        if (options.some((option) => quietOrLogged.includes(option.name))) continue;
        context.report({
          file: dockerfile.file,
          range: programRange(dockerfile.file, command),
          message: '`wget` without `--progress` prints a line per 50 KB into the build log; add `--progress=dot:giga`, or `-q`/`-nv` (BusyBox wget: `-q`).',
        });
      }
    }
  },
};

export default rule;
