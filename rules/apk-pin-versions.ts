import { apkCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

/** `curl=8.12.1-r1`, `curl~8.12`, `curl>8`, and local `.apk` files say which version to install. */
function isPinned(value: string): boolean {
  return /[=~<>]/.test(value) || value.endsWith('.apk');
}

const rule: Rule = {
  meta: {
    id: 'apk-pin-versions',
    aliases: ['DL3018'],
    description: 'Pin the version of each package in `apk add`: `curl=8.12.1-r1`, or `curl~8.12` for a version range.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without a version, `apk add` installs whatever the Alpine mirror offers on the day of the build: rebuilding the same commit can produce a different image, and a regression arrives without any change in the repository. A pinned version (or a `~` range that allows only patch releases) makes upgrades a reviewed change; when the mirror drops the version, the build fails loudly instead of silently changing.',
      bad: { code: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
      good: { code: 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.12.1-r1\n' },
      notes:
        'Each unpinned package is reported at its own word. Option values are not packages (`--virtual .build-deps`, `-t .deps`, `--repository <url>`); local `.apk` files count as pinned; packages in a variable (`$PHPIZE_DEPS`) are checked when the RUN or an ENV/ARG gives it a literal value, and reported at the variable. Find versions with `apk policy <package>` or on pkgs.alpinelinux.org.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const apk = apkCall(command);
        if (apk?.subcommand?.value !== 'add') continue;
        for (const { word, value, variable } of operandValues(apk, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          if (isPinned(value)) continue;
          context.report({
            file: dockerfile.file,
            range: wordRange(dockerfile.file, word),
            message: `Pin the version of "${value}"${variable ? ` (in $${variable})` : ''}: \`apk add ${value}=<version>\` (or \`${value}~<major.minor>\` for patch updates).`,
          });
        }
      }
    }
  },
};

export default rule;
