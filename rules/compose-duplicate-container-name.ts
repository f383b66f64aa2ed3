import { rangeOfNode, type ComposeService } from '../src/model/compose.js';
import { entryText, mapEntry, neverRunTogether, scalarText } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-duplicate-container-name',
    aliases: ['no-duplicate-container-names'],
    description: 'No two services set the same `container_name`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale: 'Container names are unique per Docker host: the second service fails with "Conflict. The container name is already in use" (or, when copied from another service, silently replaces it on recreate).',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    container_name: shop-api\n  worker:\n    image: shop/api:2.1\n    container_name: shop-api\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    container_name: shop-api\n  worker:\n    image: shop/api:2.1\n    container_name: shop-worker\n' },
      notes: 'Names are compared after interpolation; names that need a variable with no value are compared as written (`${NAME}` twice is the same name whatever NAME is). Services whose profiles never run together (`dev` only vs `prod` only) may share a name.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const seen = new Map<string, { service: ComposeService; line: number }[]>();
      for (const service of compose.services) {
        const entry = mapEntry(compose.document, service.node, 'container_name');
        // A name that needs variables with no value is compared as written: equal text, equal name.
        const name = entryText(compose, entry) ?? scalarText(compose.document, entry?.value);
        if (name === null || !entry?.value) continue;
        const previous = (seen.get(name) ?? []).find((other) => !neverRunTogether(other.service, service));
        const range = rangeOfNode(compose.file, entry.value);
        if (previous) {
          context.report({
            file: compose.file,
            range,
            message: `Service "${service.name}" uses container_name "${name}", already used by service "${previous.service.name}" (line ${previous.line}); container names must be unique on a host.`,
          });
        }
        seen.set(name, [...(seen.get(name) ?? []), { service, line: range.start.line }]);
      }
    }
  },
};

export default rule;
