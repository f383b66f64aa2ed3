import { isRfc3339 } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-rfc3339',
  alias: 'DL3053',
  type: 'rfc3339',
  isValid: isRfc3339,
  description: 'A label the label schema types `rfc3339` must be an RFC 3339 date-time.',
  expected: 'an RFC 3339 date-time: write it like `2025-01-31T12:00:00Z`',
  example: { label: 'org.opencontainers.image.created', bad: '"31/01/2025"', good: '2025-01-31T12:00:00Z' },
  notes: 'A full date-time is required: date, `T` (or a space), time, and `Z` or an offset like `+01:00`; fractional seconds are allowed. Calendar limits are checked (no 30 February).',
});
