import { aptCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-dist-upgrade',
    aliases: ['DL3005'],
    description: 'Do not run `apt-get dist-upgrade` (or `apt full-upgrade`) in a Dockerfile.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`dist-upgrade` may install and remove packages to resolve changed dependencies, so the image can end up with a different set of packages, or a newer distribution release, than its base image. That is a base-image decision: pick a newer base tag instead. A plain `apt-get upgrade`, which only applies security and bug-fix updates to installed packages, is accepted.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y dist-upgrade\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*\n' },
      notes: 'Follows hadolint, which since 2.x accepts `apt-get upgrade` and only rejects `dist-upgrade`. `apt full-upgrade` (the same operation) is reported too.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const apt = aptCall(command);
        const subcommand = apt?.subcommand?.value;
        if (!apt || (subcommand !== 'dist-upgrade' && !(apt.program === 'apt' && subcommand === 'full-upgrade'))) continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, apt.commandWord),
          message: `\`${apt.program} ${subcommand}\` may add, remove or replace packages beyond the base image; use a newer base image tag, or \`${apt.program} upgrade\` for updates to installed packages.`,
        });
      }
    }
  },
};

export default rule;
