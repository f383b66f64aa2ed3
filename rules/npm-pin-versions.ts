import { npmCall, npmPackagePin } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

const INSTALL = new Set(['install', 'i', 'add', 'isntall', 'in']);

const rule: Rule = {
  meta: {
    id: 'npm-pin-versions',
    aliases: ['DL3016'],
    description: 'Give each package named in `npm install` a version: `npm install -g pm2@5.4.3`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`npm install -g typescript` installs whatever is tagged latest on the day of the build: a new major version can break the build or the running image without any change in the repository, and a compromised release goes straight in. A version (or a git ref, tarball or local folder) keeps the image reproducible and makes upgrades a reviewed change.',
      bad: { code: 'FROM node:22-slim\nRUN npm install -g pm2\n' },
      good: { code: 'FROM node:22-slim\nRUN npm install -g pm2@5.4.3\n' },
      notes:
        'Only packages named on the command line are checked; `npm install` / `npm ci` without names install from package.json and the lock file (see `locked-install`). Accepted: `name@version` or a range or tag (as hadolint does), git URLs with `#ref`, tarballs, URLs and local folders. `name@latest` is reported: it names the moving tag, not a version. Packages in a variable are checked when the RUN or an ENV/ARG gives it a literal value.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const npm = npmCall(command);
        if (!npm?.subcommand || !INSTALL.has(npm.subcommand.value)) continue;
        for (const { word, value, variable } of operandValues(npm, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          const pin = npmPackagePin(value);
          const shown = variable ? `"${value}" (in $${variable})` : `"${value}"`;
          if (pin === 'pinned') continue;
          const name = value.replace(/(.)@[^/]*$/, '$1');
          context.report({
            file: dockerfile.file,
            range: wordRange(dockerfile.file, word),
            message: pin === 'floating'
              ? `${shown} follows the moving \`latest\` tag; pin a version: \`${name}@<version>\`.`
              : `Pin the version of ${shown}: \`${value.includes('/') && !value.startsWith('@') ? `${value}#<tag-or-commit>` : `${name}@<version>`}\`.`,
          });
        }
      }
    }
  },
};

export default rule;
