import { isUrl } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-url',
  alias: 'DL3052',
  type: 'url',
  isValid: isUrl,
  description: 'A label the label schema types `url` must be an absolute URL (scheme included).',
  expected: 'a valid URL: write an absolute URL such as `https://github.com/acme/api`',
  example: { label: 'org.opencontainers.image.source', bad: 'github.com/acme/api', good: 'https://github.com/acme/api' },
  notes: 'A URL needs its scheme (`https://`); values with whitespace are rejected. hadolint parses the value as an RFC 3986 URI; here the WHATWG URL parser (as in Node.js) is used with the same demand for a scheme.',
});
