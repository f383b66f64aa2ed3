import { commandRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-sudo',
    aliases: ['DL3004'],
    description: 'Do not use `sudo` in a RUN: switch users with USER, or drop privileges at run time with gosu/su-exec.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`sudo` is built for interactive logins: it may prompt for a password (which hangs or fails the build), depends on a sudoers file, keeps a TTY-oriented environment and adds a setuid binary to the image that an attacker can use to regain root. In a Dockerfile the user is chosen explicitly: run privileged steps before `USER app`, or switch back with `USER root` for them. To drop privileges when the container starts, use `gosu` or `su-exec`, which exec the command instead of staying around as its parent.',
      bad: { code: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update\nUSER app\n' },
      notes: 'Reported wherever `sudo` runs in a RUN: `&&` chains, `sh -c` strings, heredoc bodies and ONBUILD RUN triggers.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const word = command.argv[0]?.value ?? '';
        if (word.slice(word.lastIndexOf('/') + 1) !== 'sudo') continue;
        context.report({
          file: dockerfile.file,
          range: commandRange(dockerfile.file, command),
          message: 'Do not use `sudo` in a RUN: run this step as root (before `USER`, or after `USER root`), and use gosu or su-exec to drop privileges at run time.',
        });
      }
    }
  },
};

export default rule;
