import labelNotEmpty from '../../rules/label-not-empty.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelNotEmpty, {
  valid: withSchema([
    { name: 'value', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.title=api\n' },
    { name: 'empty label outside the schema', files: 'FROM alpine:3.21\nLABEL other=""\n' },
    { name: 'variable', files: 'FROM alpine:3.21\nARG TITLE\nLABEL org.opencontainers.image.title=$TITLE\n' },
  ]),
  invalid: withSchema([
    { name: 'empty quotes', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.title=""\n', errors: [{ line: 2, column: 7, message: 'is empty' }] },
    { name: 'nothing after =', files: 'FROM alpine:3.21\nLABEL a=1 maintainer=\n', errors: [{ line: 2, column: 11 }] },
    { name: 'on a continuation line', files: "FROM alpine:3.21\nLABEL a=1 \\\n  org.opencontainers.image.version=''\n", errors: [{ line: 3, column: 3 }] },
  ]),
});
