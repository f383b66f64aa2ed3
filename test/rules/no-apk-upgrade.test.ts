import rule from '../../rules/no-apk-upgrade.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'apk add', files: 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.12.1-r1\n' },
    { name: 'apk add --upgrade of one package is not apk upgrade', files: 'FROM alpine:3.21\nRUN apk add --no-cache --upgrade curl=8.12.1-r1\n' },
    { name: 'another tool named upgrade', files: 'FROM alpine:3.21\nRUN pip install --upgrade pip==25.0\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM alpine:3.21\n# hadolint ignore=DL3017\nRUN apk upgrade --no-cache\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM alpine:3.21\nRUN apk update && apk upgrade\n', errors: [{ line: 2, column: 19, message: 'apk upgrade' }] },
    { name: 'with options, in a continuation', files: 'FROM alpine:3.21\nRUN set -eux; \\\n    apk --no-cache upgrade\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM alpine:3.21\nRUN <<EOF\napk upgrade --available\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM alpine:3.21\nONBUILD RUN apk upgrade\n', errors: [{ line: 2, column: 13 }] },
  ],
});
