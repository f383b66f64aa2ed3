import { isEmail } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-email',
    aliases: ['DL3058'],
    description: 'A label the label schema types `email` must be an email address.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL maintainer="Platform Team"\n' },
      good: { code: 'FROM alpine:3.21\nLABEL maintainer=platform-team@example.com\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { maintainer: email }` (hadolint: `label-schema`); without it the rule does nothing. An RFC 5322 address without a display name (`Team <t@example.com>` is not accepted), checked with `email-addresses`. Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'email', isEmail, 'an email address: write a plain address such as `team@example.com`');
  },
};

export default rule;
