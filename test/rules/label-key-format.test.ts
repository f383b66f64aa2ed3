import rule from '../../rules/label-key-format.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'OCI keys', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.0 org.opencontainers.image.source="https://x"\n' },
    { name: 'simple key', files: 'FROM alpine:3.21\nLABEL maintainer="team@example.com"\n' },
    { name: 'legacy form', files: 'FROM alpine:3.21\nLABEL description some words\n' },
    { name: 'variable key', files: 'FROM alpine:3.21\nARG KEY=a\nLABEL ${KEY}=1\n' },
    { name: 'digits and dashes', files: 'FROM alpine:3.21\nLABEL com.example.build-id2=7\n' },
    { name: 'docker-policy pragma by rule ID', files: 'FROM alpine:3.21\n# docker-policy ignore=label-key-format\nLABEL Version=1\n' },
  ],
  invalid: [
    { name: 'upper case', files: 'FROM alpine:3.21\nLABEL Version=1.0\n', errors: [{ line: 2, column: 7, message: 'must start with a lower-case letter' }] },
    { name: 'underscore', files: 'FROM alpine:3.21\nLABEL a=1 build_date=2025\n', errors: [{ line: 2, column: 11, message: 'found `_`' }] },
    { name: 'reserved namespace', files: 'FROM alpine:3.21\nLABEL com.docker.extension.x=1\n', errors: [{ line: 2, column: 7, message: 'reserved for Docker' }] },
    { name: 'double separator', files: 'FROM alpine:3.21\nLABEL org..example=1\n', errors: [{ line: 2, column: 7, message: 'repeat separators' }] },
    { name: 'trailing dot, quoted key on a continuation line', files: 'FROM alpine:3.21\nLABEL a=1 \\\n      "org.example."=2\n', errors: [{ line: 3, column: 7, message: 'must end with' }] },
  ],
});
