import labelSemver from '../../rules/label-semver.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelSemver, {
  valid: withSchema([
    { name: 'plain', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4.2\n' },
    { name: 'pre-release and build', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=2.0.0-rc.1+build.5\n' },
    { name: 'variable', files: 'FROM alpine:3.21\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n' },
  ]),
  invalid: withSchema([
    { name: 'v prefix', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=v1.4.2\n', errors: [{ line: 2, column: 40, message: 'not a semantic version' }] },
    { name: 'two numbers', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4\n', errors: [{ line: 2, column: 40 }] },
    { name: 'latest', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version="latest"\n', errors: [{ line: 2, column: 40 }] },
  ]),
});
