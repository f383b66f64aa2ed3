import labelSpdx from '../../rules/label-spdx.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelSpdx, {
  valid: withSchema([
    { name: 'identifier', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses=Apache-2.0\n' },
    { name: 'expression', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n' },
    { name: 'WITH exception', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses="GPL-2.0-only WITH Classpath-exception-2.0"\n' },
  ]),
  invalid: withSchema([
    { name: 'free text', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses="Apache 2"\n', errors: [{ line: 2, column: 41, message: 'not an SPDX license expression' }] },
    { name: 'wrong case', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses=mit\n', errors: [{ line: 2, column: 41 }] },
    { name: 'proprietary', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.licenses=Proprietary\n', errors: [{ line: 2, column: 41 }] },
  ]),
});
