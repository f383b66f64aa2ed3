import labelUrl from '../../rules/label-url.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelUrl, {
  valid: withSchema([
    { name: 'https', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source=https://github.com/acme/api\n' },
    { name: 'quoted with a path', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source="https://git.example.com/a/b.git"\n' },
    { name: 'variable', files: 'FROM alpine:3.21\nARG REPO\nLABEL org.opencontainers.image.source=${REPO}\n' },
  ]),
  invalid: withSchema([
    { name: 'no scheme', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source=github.com/acme/api\n', errors: [{ line: 2, column: 39, message: 'is not a valid URL' }] },
    { name: 'space', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.source="https://a b"\n', errors: [{ line: 2, column: 39 }] },
    { name: 'words', files: 'FROM alpine:3.21\nLABEL a=1 \\\n  org.opencontainers.image.source=internal\n', errors: [{ line: 3, column: 35 }] },
  ]),
});
