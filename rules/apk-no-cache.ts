import { commandRange, hasFlag, programName, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'apk-no-cache',
    aliases: ['DL3019'],
    description: '`apk add` must use `--no-cache` instead of `apk update` and a package cache left in the layer.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`apk add` without `--no-cache` stores the package index in `/var/cache/apk` inside the layer, making the image bigger for nothing; `apk update` before it also makes the layer depend on whatever the mirror says that day. `--no-cache` fetches a fresh index and keeps none.',
      bad: { code: 'FROM alpine:3.21\nRUN apk update && apk add ca-certificates\n' },
      good: { code: 'FROM alpine:3.21\nRUN apk add --no-cache ca-certificates\n' },
      notes: 'A cache mount (`RUN --mount=type=cache,target=/var/cache/apk`) keeps the cache out of the layer, so it is accepted, and so is `apk add --no-network`, which fetches nothing. The fix inserts `--no-cache` after `add`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { instruction, command } of runCommands(dockerfile)) {
        if (programName(command) !== 'apk') continue;
        if (instruction.mounts.some((mount) => mount.type === 'cache' && (mount.options.target ?? mount.options.dst ?? '').includes('/var/cache/apk'))) continue;
        const words = command.argv.map((word) => word.value);
        const subcommandIndex = words.findIndex((word, index) => index > 0 && !word.startsWith('-'));
        const subcommand = words[subcommandIndex];
        if (subcommand === 'update') {
          context.report({ file: dockerfile.file, range: commandRange(dockerfile.file, command), message: 'Drop `apk update` and use `apk add --no-cache`: the index is fetched fresh and not kept in the layer.' });
        } else if (subcommand === 'add' && !hasFlag(command, '--no-cache', '--no-network')) {
          // `--no-network` fetches nothing, so there is no index to keep (docker-library's `apk add --no-network --virtual .rundeps`).
          const addWord = command.argv[subcommandIndex]!;
          context.report({
            file: dockerfile.file,
            range: commandRange(dockerfile.file, command),
            message: '`apk add` without `--no-cache` leaves the package index in the image; use `apk add --no-cache`.',
            fix: { description: 'Add --no-cache', edits: [{ file: dockerfile.file.path, start: addWord.end, end: addWord.end, text: ' --no-cache' }] },
          });
        }
      }
    }
  },
};

export default rule;
