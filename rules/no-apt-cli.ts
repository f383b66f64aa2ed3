import { aptCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** `apt` sub-commands and the script-friendly tool that does the same. */
const REPLACEMENTS: Record<string, string> = {
  install: 'apt-get',
  update: 'apt-get',
  upgrade: 'apt-get',
  'full-upgrade': 'apt-get',
  'dist-upgrade': 'apt-get',
  remove: 'apt-get',
  purge: 'apt-get',
  autoremove: 'apt-get',
  clean: 'apt-get',
  autoclean: 'apt-get',
  source: 'apt-get',
  'build-dep': 'apt-get',
  satisfy: 'apt-get',
  search: 'apt-cache',
  show: 'apt-cache',
  policy: 'apt-cache',
  depends: 'apt-cache',
  rdepends: 'apt-cache',
  showsrc: 'apt-cache',
};

const rule: Rule = {
  meta: {
    id: 'no-apt-cli',
    aliases: ['DL3027'],
    description: 'Use `apt-get` or `apt-cache` in scripts, not `apt`, whose interface is meant for people at a terminal.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`apt` is the interactive front end: its output and behaviour may change between releases, it prints "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.", and it shows progress bars meant for a terminal. `apt-get` and `apt-cache` keep a stable, script-friendly interface, which is what a build needs.',
      bad: { code: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 && rm -rf /var/lib/apt/lists/*\n' },
      notes: 'The fix replaces `apt` with `apt-get` (install, update, upgrade, remove, purge, …) or `apt-cache` (search, show, policy, …); `apt list` and `apt edit-sources` have no drop-in replacement and are reported without a fix.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const apt = aptCall(command);
        if (apt?.program !== 'apt') continue;
        const subcommand = apt.subcommand?.value ?? '';
        const replacement = REPLACEMENTS[subcommand];
        const word = apt.commandWord;
        const fixable = replacement && word.raw === word.value && word.raw.endsWith('apt');
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, word),
          message: `\`apt${subcommand ? ` ${subcommand}` : ''}\` is meant for interactive use and has no stable interface; use \`${replacement ?? 'apt-get'}${subcommand && replacement ? ` ${subcommand}` : ''}\` in a Dockerfile.`,
          ...(fixable ? { fix: { description: `Use ${replacement}`, edits: [{ file: dockerfile.file.path, start: word.end - 3, end: word.end, text: replacement }] } } : {}),
        });
      }
    }
  },
};

export default rule;
