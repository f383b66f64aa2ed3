import { rangeOfNode } from '../src/model/compose.js';
import { entryText, mapEntry } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

// What the Docker daemon accepts (and the Compose Specification documents) for container names.
const DOCKER_NAME = '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$';

const rule: Rule = {
  meta: {
    id: 'compose-container-name',
    aliases: ['service-container-name-regex'],
    description: '`container_name` is a name Docker accepts: a letter or digit, then letters, digits, `_`, `.` or `-`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    options: {
      schema: {
        type: 'object',
        properties: {
          pattern: { type: 'string', description: 'A stricter regular expression the team requires (names must still be valid for Docker).' },
        },
        additionalProperties: false,
      },
      defaults: { pattern: DOCKER_NAME },
    },
    docs: {
      rationale: 'Docker refuses to create a container whose name breaks its naming rule, so `docker compose up` fails at the first such service — after the others have started.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    container_name: "shop web"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    container_name: shop-web\n' },
      notes: 'Names are checked after interpolation; a name built from a variable with no value is not judged. With the `pattern` option a team can require a naming scheme such as `^shop-[a-z0-9-]+$`.',
    },
  },
  check(context) {
    const custom = String(context.options.pattern ?? DOCKER_NAME);
    const patterns = [...new Set([DOCKER_NAME, custom])].map((source) => new RegExp(source, 'u'));
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const entry = mapEntry(compose.document, service.node, 'container_name');
        const name = entryText(compose, entry);
        if (name === null || !entry?.value) continue;
        const failed = patterns.find((pattern) => !pattern.test(name));
        if (!failed) continue;
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, entry.value),
          message:
            failed.source === DOCKER_NAME
              ? `Service "${service.name}" has container_name "${name}", which Docker rejects: use letters, digits, "_", "." and "-", starting with a letter or digit.`
              : `Service "${service.name}" has container_name "${name}", which does not match the required pattern ${failed.source}.`,
        });
      }
    }
  },
};

export default rule;
