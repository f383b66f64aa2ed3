import { isSemver } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-semver',
    aliases: ['DL3056'],
    description: 'A label the label schema types `semver` must be a semantic version.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=v1.4\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4.2\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { org.opencontainers.image.version: semver }` (hadolint: `label-schema`); without it the rule does nothing. Semantic Versioning 2.0.0, strictly (checked with the `semver` package): three numbers, optional pre-release and build metadata, no `v` prefix. Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'semver', isSemver, 'a semantic version: write it like `1.4.2` or `2.0.0-rc.1` (no `v` prefix)');
  },
};

export default rule;
