import path from 'node:path';
import { isScalar, type Node, type Pair } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { composeFix, insertBeforeEdit } from '../src/model/compose-edits.js';
import { TOP_LEVEL_ORDER, topLevelRank } from '../src/model/compose-order.js';
import { isBaseComposeFile } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

/** The project name Compose derives from a directory (compose-go's normalisation). */
export function defaultProjectName(directory: string): string {
  return path
    .basename(directory)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

const rule: Rule = {
  meta: {
    id: 'compose-project-name',
    aliases: ['require-project-name-field'],
    description: 'A compose file names its project with a top-level `name:`.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale:
        'Without `name:` the project is named after the directory the file sits in. Check the repository out as `app-v2/`, or run it from CI\'s workspace, and Compose creates a second set of containers, networks and volumes next to the first — with an empty database volume. A `name:` keeps the project the same wherever it runs.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n' },
      good: { filename: 'compose.yaml', code: 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n' },
      notes:
        '`COMPOSE_PROJECT_NAME` in the `.env` beside the file names the project too and is accepted. Override files (`compose.override.yaml`, or any compose file next to a `compose.yaml`/`docker-compose.yml`) are skipped: the base file carries the name. The fix inserts `name:` with the name Compose uses today (the directory name, normalised), so nothing changes when it is applied.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const root = compose.root;
      if (!root || !root.items.length || root.has('name')) continue;
      if (compose.environment.COMPOSE_PROJECT_NAME) continue;
      const directory = path.dirname(compose.file.path);
      if (!isBaseComposeFile(compose) && context.project.composeFiles.some((other) => other !== compose && path.dirname(other.file.path) === directory && isBaseComposeFile(other))) continue;
      if (/\.override\./i.test(path.basename(compose.file.path))) continue;
      const pairs = root.items as Pair<unknown, unknown>[];
      const nameRank = topLevelRank('name', TOP_LEVEL_ORDER);
      const before = pairs.findIndex((pair) => isScalar(pair.key) && topLevelRank(String(pair.key.value), TOP_LEVEL_ORDER) > nameRank);
      const anchor = pairs[before >= 0 ? before : 0]!;
      const name = defaultProjectName(directory);
      context.report({
        file: compose.file,
        range: rangeOfNode(compose.file, anchor.key as Node),
        message: `The project has no \`name:\`, so Compose names it after the directory ("${name || directory}"); add \`name: ${name || '<project>'}\` so a checkout elsewhere does not create a second stack.`,
        fix: name && before >= 0 ? composeFix(compose, `Name the project "${name}"`, [insertBeforeEdit(compose.file, root, before, `name: ${/^[0-9._-]+$/.test(name) ? `"${name}"` : name}`)]) : undefined,
      });
    }
  },
};

export default rule;
