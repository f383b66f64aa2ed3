import labelEmail from '../../rules/label-email.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelEmail, {
  valid: withSchema([
    { name: 'address', files: 'FROM alpine:3.21\nLABEL maintainer=platform@example.com\n' },
    { name: 'quoted', files: 'FROM alpine:3.21\nLABEL maintainer="first.last+docker@example.co.uk"\n' },
    { name: 'not in the schema', files: 'FROM alpine:3.21\nLABEL author="Jane Doe"\n' },
  ]),
  invalid: withSchema([
    { name: 'a name', files: 'FROM alpine:3.21\nLABEL maintainer="Platform Team"\n', errors: [{ line: 2, column: 18, message: 'not an email address' }] },
    { name: 'display name', files: 'FROM alpine:3.21\nLABEL maintainer="Team <team@example.com>"\n', errors: [{ line: 2, column: 18 }] },
    { name: 'legacy form', files: 'FROM alpine:3.21\nLABEL maintainer team at example.com\n', errors: [{ line: 2, column: 18 }] },
  ]),
});
