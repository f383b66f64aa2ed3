import { isSpdxExpression } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-spdx',
    aliases: ['DL3054'],
    description: 'A label the label schema types `spdx` must be an SPDX license expression.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses="Apache 2"\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { org.opencontainers.image.licenses: spdx }` (hadolint: `label-schema`); without it the rule does nothing. Expressions (`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`) are accepted; identifiers are case-sensitive. Checked with `spdx-expression-parse` and the SPDX license list of `spdx-license-ids`. Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'spdx', isSpdxExpression, 'an SPDX license expression: use an identifier from the SPDX list such as `Apache-2.0` or `MIT OR Apache-2.0`');
  },
};

export default rule;
