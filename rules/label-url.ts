import { isUrl } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-url',
    aliases: ['DL3052'],
    description: 'A label the label schema types `url` must be an absolute URL (scheme included).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source=github.com/acme/api\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source=https://github.com/acme/api\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { org.opencontainers.image.source: url }` (hadolint: `label-schema`); without it the rule does nothing. A URL needs its scheme (`https://`); values with whitespace are rejected. hadolint parses the value as an RFC 3986 URI; here the WHATWG URL parser (as in Node.js) is used with the same demand for a scheme. Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'url', isUrl, 'a valid URL: write an absolute URL such as `https://github.com/acme/api`');
  },
};

export default rule;
