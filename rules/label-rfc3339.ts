import { isRfc3339 } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-rfc3339',
    aliases: ['DL3053'],
    description: 'A label the label schema types `rfc3339` must be an RFC 3339 date-time.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created="31/01/2025"\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created=2025-01-31T12:00:00Z\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { org.opencontainers.image.created: rfc3339 }` (hadolint: `label-schema`); without it the rule does nothing. A full date-time is required: date, `T` (or a space), time, and `Z` or an offset like `+01:00`; fractional seconds are allowed. Calendar limits are checked (no 30 February). Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'rfc3339', isRfc3339, 'an RFC 3339 date-time: write it like `2025-01-31T12:00:00Z`');
  },
};

export default rule;
