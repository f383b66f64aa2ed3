import labelRfc3339 from '../../rules/label-rfc3339.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelRfc3339, {
  valid: withSchema([
    { name: 'UTC', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created=2025-01-31T12:00:00Z\n' },
    { name: 'offset and fraction', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created="2024-02-29T23:59:60.5+01:00"\n' },
    { name: 'variable', files: 'FROM alpine:3.21\nARG CREATED\nLABEL org.opencontainers.image.created=$CREATED\n' },
  ]),
  invalid: withSchema([
    { name: 'date only', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created=2025-01-31\n', errors: [{ line: 2, column: 40, message: 'not an RFC 3339 date-time' }] },
    { name: 'no such day', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created=2025-02-29T00:00:00Z\n', errors: [{ line: 2, column: 40 }] },
    { name: 'no zone', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.created="2025-01-31T12:00:00"\n', errors: [{ line: 2, column: 40 }] },
  ]),
});
