import { isEmail } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-email',
  alias: 'DL3058',
  type: 'email',
  isValid: isEmail,
  description: 'A label the label schema types `email` must be an email address.',
  expected: 'an email address: write a plain address such as `team@example.com`',
  example: { label: 'maintainer', bad: '"Platform Team"', good: 'platform-team@example.com' },
  notes: 'An RFC 5322 address without a display name (`Team <t@example.com>` is not accepted), checked with `email-addresses`.',
});
