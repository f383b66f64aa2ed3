import { labelPairs, labelSchema } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'label-not-empty',
    aliases: ['DL3051'],
    description: 'A label of the label schema must not be empty.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An empty label satisfies "the label is there" while telling nobody anything. It usually comes from a build argument that was never passed, so the image claims an owner or source it does not have.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors=""\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors=platform-team@example.com\n' },
      notes: 'Needs `settings.labelSchema` (hadolint: `label-schema`); only the labels it names are checked. A value from a build argument (`$AUTHOR`) may still be empty at build time; pass it in CI.',
    },
  },
  check(context) {
    const schema = labelSchema(context.settings);
    if (!schema) return;
    for (const dockerfile of context.project.dockerfiles) {
      for (const pair of labelPairs(dockerfile)) {
        if (!schema.has(pair.property.name) || (pair.property.value ?? '') !== '') continue;
        context.report({ file: dockerfile.file, range: pair.property.nameRange, message: `Label \`${pair.property.name}\` is empty: the label schema needs a value here.` });
      }
    }
  },
};

export default rule;
