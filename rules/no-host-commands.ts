import { programName, programRange, runCommands } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** Why each command makes no sense in a RUN, and what to do instead. */
const HOST_COMMANDS: Record<string, string> = {
  ssh: '`ssh` in a RUN reaches out to another machine during the build with credentials baked into the layers; fetch what you need with COPY, ADD or a `--mount=type=ssh` git clone instead.',
  vim: '`vim` is interactive and a build has no terminal; edit files with `sed`, a COPY of the finished file, or a heredoc.',
  shutdown: '`shutdown` has no machine to stop in a container build; remove it.',
  service: '`service` starts daemons that die when this RUN ends, and containers have no init system; start the process from CMD/ENTRYPOINT instead.',
  ps: '`ps` only shows this RUN\'s own short-lived processes; remove it.',
  free: '`free` reports the build host\'s memory, not anything about the image; remove it.',
  top: '`top` is interactive and a build has no terminal; remove it.',
  kill: '`kill` in a RUN can only signal processes of the same RUN; start the process from CMD/ENTRYPOINT instead of managing it during the build.',
  mount: '`mount` needs privileges a build does not have, and nothing it mounts survives the RUN; use `RUN --mount=…` instead.',
  ifconfig: '`ifconfig` configures the build sandbox\'s network, which is thrown away; configure networking at run time (compose `networks`, `docker run --network`).',
};

const rule: Rule = {
  meta: {
    id: 'no-host-commands',
    aliases: ['DL3001'],
    description: 'Commands meant for a running host or an interactive terminal (`ssh`, `vim`, `service`, `shutdown`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`) make no sense in a RUN.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A RUN executes once, without a terminal, in a throw-away sandbox, and only its file-system changes are kept. Daemons started with `service` stop when the RUN ends, editors wait for input that never comes, and `ps`, `free` or `ifconfig` describe the build host rather than the image. Such commands are leftovers from treating the container like a virtual machine.',
      bad: { code: 'FROM debian:12-slim\nRUN service nginx start && curl -fsS http://localhost/\n' },
      good: { code: 'FROM debian:12-slim\nCMD ["nginx", "-g", "daemon off;"]\n' },
      notes: 'The command is recognised wherever it runs in the RUN: in `&&` chains, `sh -c` strings, heredoc bodies, behind `sudo`, and in ONBUILD RUN triggers.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const message = HOST_COMMANDS[programName(command)];
        if (message) context.report({ file: dockerfile.file, range: programRange(dockerfile.file, command), message });
      }
    }
  },
};

export default rule;
