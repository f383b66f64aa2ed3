import path from 'node:path';
import { composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import { toDisplayPath } from '../src/model/source.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'required-variable',
    description: 'Variables a compose file uses without a default must be defined in the `.env` beside it.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'An unset `${VAR}` silently becomes an empty string (compose only prints a warning): an image called `/app:`, an empty password, a port mapping `:80`. Defining every variable in `.env`, or giving it a default, makes the stack start the same on every machine.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:${PG_VERSION}\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:${PG_VERSION:-17}\n' },
      notes: '`${VAR:?message}` with VAR unset is reported with its message. `$$` is a literal dollar and is not checked. The variables come from the project\'s `.env` (or the `--env-file` / `settings.compose.envFiles` files, which replace it); the shell environment is used only with `settings.compose.useProcessEnv: true`, so results do not depend on who runs the check. An empty value counts as defined.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      const sources = project.environmentFiles.length ? project.environmentFiles.map((env) => env.file.displayPath).join(', ') : `${toDisplayPath(path.join(project.directory, '.env'))} (missing)`;
      for (const entry of project.interpolation.required) {
        context.report({ file: entry.origin.file, range: rangeOfOrigin(entry.origin), message: `Required variable ${entry.name} is not set in ${sources}: ${entry.message || 'no message'}.` });
      }
      for (const entry of project.interpolation.unresolved) {
        context.report({
          file: entry.origin.file,
          range: rangeOfOrigin(entry.origin),
          message: `Variable ${entry.name} has no default and is not defined in ${sources}; it becomes an empty string. Add it to .env or write \${${entry.name}:-default}.`,
        });
      }
    }
  },
};

export default rule;
