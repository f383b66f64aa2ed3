import { parseArgs } from '../src/model/package-args.js';
import { effectiveArgv, programName, programRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';
import { withoutTrailing } from '../src/model/trim.js';

const SYSTEM_SHELLS = new Set(['/bin/sh', '/usr/bin/sh']);

const rule: Rule = {
  meta: {
    id: 'no-shell-symlink',
    aliases: ['DL4005'],
    description: 'Use the SHELL instruction to change the shell RUN uses, not `ln -sf /bin/bash /bin/sh`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Replacing /bin/sh changes the shell of every program in the image, including package maintainer scripts and system tools written for the distribution\'s sh, and the next package upgrade may put the original link back. The SHELL instruction changes only what RUN, CMD and ENTRYPOINT use, visibly, in the Dockerfile.',
      bad: { code: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n' },
      good: { code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' },
      notes: 'Reported when `ln` makes /bin/sh (or /usr/bin/sh) the link it creates; a link that only points to /bin/sh from elsewhere is fine (hadolint reports any `ln` that mentions /bin/sh).',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        if (programName(command) !== 'ln') continue;
        const { options, positionals } = parseArgs(effectiveArgv(command).slice(1), { valueOptions: new Set(['-S', '--suffix', '-t', '--target-directory']) });
        const targetDirectory = options.find((option) => option.name === '-t' || option.name === '--target-directory')?.value;
        const link = targetDirectory ? null : positionals.length >= 2 ? positionals[positionals.length - 1]!.value : null;
        if (!link || !SYSTEM_SHELLS.has(withoutTrailing(link, '/'))) continue;
        context.report({
          file: dockerfile.file,
          range: programRange(dockerfile.file, command),
          message: `Replacing ${link} changes the shell of every program in the image; use \`SHELL ["/bin/bash", "-c"]\` to change the shell of RUN instead.`,
        });
      }
    }
  },
};

export default rule;
