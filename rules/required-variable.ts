import { isScalar, visit, type Scalar } from 'yaml';
import { interpolateCompose, rangeOfNode } from '../src/model/compose.js';
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
      notes: '`${VAR:?message}` with VAR unset is reported with its message. `$$` is a literal dollar and is not checked. Variables set only in the shell environment or in `--env-file` files are not seen: define them in `.env` (an empty value counts as defined).',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      if (compose.problems.length) continue;
      visit(compose.document, {
        Scalar(_key, node: Scalar) {
          if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('$')) return;
          const expansion = interpolateCompose(node.value, compose.environment);
          const requiredNames = new Set(expansion.required.map((entry) => entry.name));
          for (const entry of expansion.required) {
            context.report({ file: compose.file, range: rangeOfNode(compose.file, node), message: `Required variable ${entry.name} is not set in .env: ${entry.message || 'no message'}.` });
          }
          for (const name of new Set(expansion.unresolved)) {
            if (requiredNames.has(name)) continue;
            context.report({ file: compose.file, range: rangeOfNode(compose.file, node), message: `Variable ${name} has no default and is not defined in the .env beside ${compose.file.displayPath}; it becomes an empty string. Add it to .env or write \${${name}:-default}.` });
          }
        },
      });
    }
  },
};

export default rule;
