import { labelPairs, labelSchema, strictLabels } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'label-superfluous',
    aliases: ['DL3050'],
    description: 'With `settings.strictLabels`, only the labels of the label schema are allowed.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Teams that curate image metadata want one vocabulary: `org.opencontainers.image.version`, not also `version`, `app_version` and `release`. Strict labels keep ad-hoc keys out so the schema stays the single source of truth.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4.2 version=1.4.2\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4.2\n' },
      notes: 'Needs both `settings.labelSchema` and `settings.strictLabels: true` (hadolint: `label-schema`, `strict-labels`); otherwise the rule does nothing. Each extra key is reported at the key.',
    },
  },
  check(context) {
    const schema = labelSchema(context.settings);
    if (!schema || !strictLabels(context.settings)) return;
    for (const dockerfile of context.project.dockerfiles) {
      for (const pair of labelPairs(dockerfile)) {
        if (schema.has(pair.property.name)) continue;
        context.report({
          file: dockerfile.file,
          range: pair.property.nameRange,
          message: `Label \`${pair.property.name}\` is not in the label schema, and strict labels allow only its labels (${[...schema.keys()].join(', ')}).`,
        });
      }
    }
  },
};

export default rule;
