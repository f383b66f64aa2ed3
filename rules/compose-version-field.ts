import { isScalar, type Node, type Pair } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { composeFix, removePairEdit } from '../src/model/compose-edits.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-version-field',
    aliases: ['no-version-field'],
    description: 'No top-level `version:` in compose files: it is obsolete and ignored.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale:
        'The Compose Specification dropped `version`: Compose v2 ignores it and prints "the attribute `version` is obsolete" on every command. Worse, it suggests a file format (2.x, 3.x) whose rules no longer apply, so readers look up the wrong documentation.',
      bad: { filename: 'compose.yaml', code: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n' },
      notes: 'The fix deletes the `version` line (and the blank line after it when it opened the file).',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const root = compose.root;
      if (!root) continue;
      const pair = (root.items as Pair<unknown, unknown>[]).find((item) => isScalar(item.key) && item.key.value === 'version');
      if (!pair) continue;
      context.report({
        file: compose.file,
        range: rangeOfNode(compose.file, pair.key as Node),
        message: 'The top-level `version` is obsolete: Compose ignores it and warns on every run; delete it.',
        fix: composeFix(compose, 'Remove the obsolete version field', [removePairEdit(compose.file, root, pair)]),
      });
    }
  },
};

export default rule;
