import type { Located } from '../src/model/dockerfile.js';
import { baseName, isArchivePath, unquoteWord } from '../src/model/dockerfile-words.js';
import { effectiveArgv, programName, runCommands, type RunCommand } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const DECOMPRESSORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);
/** Names ADD unpacks: tar archives, compressed or not. */
const TAR_NAME = /\.(tar(\.[A-Za-z0-9]+)?|tgz|tbz2?|tb2|txz|tlz|tZ|taz|tpz)$/;

/** True when a tar command extracts: `-x`, `--extract`, `--get`, or the old bundled form `tar xzf`. */
function isTarExtract(argv: string[]): boolean {
  const args = argv.slice(1);
  if (args.some((arg) => arg === '--extract' || arg === '--get' || (/^-[A-Za-z]+$/.test(arg) && arg.includes('x')))) return true;
  return args[0] !== undefined && /^[A-Za-z]*x[A-Za-z]*$/.test(args[0]);
}

/** How a command extracts the archive with this file name, or null. */
function extraction(run: RunCommand, archive: string): string | null {
  const program = programName(run.command);
  const argv = effectiveArgv(run.command).map((word) => word.value);
  const names = argv.slice(1).filter((arg) => !arg.startsWith('-')).map(baseName);
  // `tar --file=app.tgz -x`: the archive is inside the flag.
  const fileArgs = argv.slice(1).flatMap((arg) => (arg.startsWith('--file=') ? [baseName(arg.slice('--file='.length))] : []));
  if (program === 'tar' && isTarExtract(argv) && [...names, ...fileArgs].includes(archive)) return 'tar';
  if (DECOMPRESSORS.has(program) && TAR_NAME.test(archive) && names.includes(archive)) return program;
  return null;
}

const rule: Rule = {
  meta: {
    id: 'add-to-extract-archive',
    aliases: ['DL3010'],
    description: 'Use ADD to extract a local tar archive instead of COPY and then unpacking it in a RUN.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`COPY app.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/app.tar.gz` stores the archive in one layer and its contents in another, so the image carries both (deleting the archive later does not shrink it). `ADD app.tar.gz /opt/app/` unpacks it in one step and one layer.',
      bad: { code: 'FROM debian:12-slim\nCOPY vendor.tar.gz /tmp/\nRUN tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz\n' },
      good: { code: 'FROM debian:12-slim\nADD vendor.tar.gz /opt/\n' },
      notes:
        'The archive is recognised by file name (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.tar.bz2`, … as in hadolint) when a later RUN in the same stage extracts it with `tar -x` (also `tar xzf`) or a decompressor (`gunzip`, `unxz`, …). Unlike hadolint, a decompressor on a file that is not a tar archive (`gunzip data.json.gz`) is not reported: ADD would not unpack it. `COPY --from` is not reported: ADD cannot unpack from another stage.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const runs = [...runCommands(dockerfile, stage)];
        for (const instruction of stage.instructions) {
          const copy = instruction.copy;
          if (instruction.keyword !== 'COPY' || !copy || copy.from || !copy.destination) continue;
          // `COPY app.tgz /tmp/app.tgz` renames the archive: the destination is the name to look for.
          const destinationName = isArchivePath(copy.destination.value) ? baseName(copy.destination.value) : null;
          const archives: { located: Located; name: string }[] = destinationName
            ? [{ located: copy.destination, name: destinationName }]
            : copy.sources.filter((source) => isArchivePath(source.value)).map((source) => ({ located: source, name: baseName(source.value) }));
          for (const archive of archives) {
            const later = runs.find((run) => run.instruction.range.start.line > instruction.range.start.line && extraction(run, archive.name));
            if (!later) continue;
            context.report({
              file: dockerfile.file,
              range: archive.located.range,
              message: `\`${unquoteWord(archive.located.value)}\` is copied and then unpacked with ${extraction(later, archive.name)} on line ${later.instruction.range.start.line}: \`ADD\` it to the target folder instead, in one layer.`,
            });
          }
        }
      }
    }
  },
};

export default rule;
