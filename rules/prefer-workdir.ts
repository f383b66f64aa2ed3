import { programName, programRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'prefer-workdir',
    aliases: ['DL3003'],
    description: 'Use WORKDIR to switch to a directory, not `cd` in a RUN.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A `cd` lasts only until the end of its RUN, so the next instruction silently runs somewhere else again, and readers have to track the directory through shell chains. WORKDIR sets the directory for every later RUN, COPY, CMD and ENTRYPOINT, creates it when missing, and shows up in `docker inspect`. Commands that accept a directory (`make -C dir`, `git -C dir`, `npm --prefix dir`, `tar -C dir`) avoid the `cd` altogether.',
      bad: { code: 'FROM node:22-slim\nCOPY . /app\nRUN cd /app && npm ci\n' },
      good: { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' },
      notes: '`cd` inside a command substitution (`DIR="$(cd "$(dirname "$0")" && pwd)"`) only computes a path and is not reported. Every other `cd` is, also inside `sh -c` strings, subshells, heredoc bodies and ONBUILD RUN triggers.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        if (programName(command) !== 'cd' || command.inSubstitution) continue;
        const target = command.argv[1]?.value;
        context.report({
          file: dockerfile.file,
          range: programRange(dockerfile.file, command),
          message: `\`cd${target ? ` ${target}` : ''}\` only lasts until the end of this RUN; use \`WORKDIR${target && !target.startsWith('-') ? ` ${target}` : ' <dir>'}\` (or the command's own directory option, like \`make -C\`).`,
        });
      }
    }
  },
};

export default rule;
