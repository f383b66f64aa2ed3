import { parseArgs } from '../src/model/package-args.js';
import { effectiveArgv, programName, programRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const USERADD_VALUE_OPTIONS = new Set([
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-e', '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key',
  '-p', '--password', '-R', '--root', '-P', '--prefix', '-b', '--base-dir', '-Z', '--selinux-user',
]);

const rule: Rule = {
  meta: {
    id: 'useradd-no-log-init',
    aliases: ['DL3046'],
    description: '`useradd` with a high UID needs `-l` (`--no-log-init`), or the sparse lastlog/faillog files fill the layer.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`useradd` reserves a record for the new UID in /var/log/lastlog and /var/log/faillog, files indexed by UID. On the host they are sparse, but image layers store them in full: a UID like 1000000 adds hundreds of megabytes of zeros to the layer. `-l` (`--no-log-init`) skips those records; a container does not need them.',
      bad: { code: 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n' },
      good: { code: 'FROM debian:12-slim\nRUN useradd --no-log-init -u 1000000 app\n' },
      notes: 'Reported when the UID (`-u`, `--uid`) has more than five digits, as in hadolint; a UID in a variable cannot be judged and is skipped. The fix inserts `--no-log-init` after `useradd`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        if (programName(command) !== 'useradd') continue;
        const argv = effectiveArgv(command);
        const { options } = parseArgs(argv.slice(1), { valueOptions: USERADD_VALUE_OPTIONS });
        if (options.some((option) => option.name === '-l' || option.name === '--no-log-init')) continue;
        const uid = options.filter((option) => option.name === '-u' || option.name === '--uid').pop()?.value;
        if (!uid || !/^\d{6,}$/.test(uid)) continue;
        context.report({
          file: dockerfile.file,
          range: programRange(dockerfile.file, command),
          message: `\`useradd\` with UID ${uid} writes lastlog/faillog records that take up space in proportion to the UID; add \`--no-log-init\` (\`-l\`).`,
          fix: { description: 'Add --no-log-init', edits: [{ file: dockerfile.file.path, start: argv[0]!.end, end: argv[0]!.end, text: ' --no-log-init' }] },
        });
      }
    }
  },
};

export default rule;
