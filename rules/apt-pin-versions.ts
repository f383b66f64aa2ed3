import { aptCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

/** `curl=7.88.1-10`, `curl/bookworm-backports` (a pinned release) and local `.deb` files say which version to install. */
function isPinned(value: string): boolean {
  return value.includes('=') || value.includes('/') || value.endsWith('.deb');
}

const rule: Rule = {
  meta: {
    id: 'apt-pin-versions',
    aliases: ['DL3008'],
    description: 'Pin the version of each package in `apt-get install`: `curl=7.88.1-10+deb12u12`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without a version, `apt-get install` takes whatever the mirror offers on the day of the build: rebuilding the same commit can produce a different image, a regression arrives without any change in the repository, and the build cache hides it until the layer is rebuilt. A pinned version makes the change visible in a diff, and a removed version fails the build loudly instead of silently upgrading.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 \\\n && rm -rf /var/lib/apt/lists/*\n' },
      notes:
        'Each unpinned package is reported at its own word. A release pin (`curl/bookworm-backports`) and local `.deb` files count as pinned; option values (`-t bookworm-backports`, `-o Dpkg::Options::=…`) are not packages. Packages in a variable (`$buildDeps`) are checked when the RUN or an ENV/ARG gives it a literal value, and reported at the variable; otherwise they are skipped. `apt install` is checked too (and reported by `no-apt-cli`). Find the current version with `apt-cache policy <package>`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const apt = aptCall(command);
        if (apt?.subcommand?.value !== 'install') continue;
        for (const { word, value, variable } of operandValues(apt, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          if (isPinned(value)) continue;
          context.report({
            file: dockerfile.file,
            range: wordRange(dockerfile.file, word),
            message: `Pin the version of "${value}"${variable ? ` (in $${variable})` : ''}: \`${apt.program} install ${value}=<version>\` (find it with \`apt-cache policy ${value}\`).`,
          });
        }
      }
    }
  },
};

export default rule;
