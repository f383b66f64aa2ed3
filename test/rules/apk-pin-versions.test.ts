import rule from '../../rules/apk-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'exact versions and ranges', files: 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.12.1-r1 "git~2.47" "openssl>3.3"\n' },
    { name: 'option values are not packages', files: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build-deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing gcc=14.2.0-r4\n' },
    { name: 'local .apk files and variables', files: 'FROM alpine:3.21\nRUN apk add --allow-untrusted /tmp/pkg-1.0.apk $RUNTIME_DEPS\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM alpine:3.21\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n' },
  ],
  invalid: [
    {
      name: 'each unpinned package in an && chain',
      files: 'FROM alpine:3.21\nRUN apk update && apk add -t .deps curl=8.12.1-r1 bash tini\n',
      errors: [{ line: 2, column: 51, message: '"bash"' }, { line: 2, column: 56, message: '`apk add tini=<version>`' }],
    },
    { name: 'in a continuation', files: 'FROM alpine:3.21\nRUN apk add --no-cache \\\n      ca-certificates\n', errors: [{ line: 3, column: 7 }] },
    { name: 'in a heredoc', files: 'FROM alpine:3.21\nRUN <<EOF\napk add --no-cache jq\nEOF\n', errors: [{ line: 3, column: 20, message: '"jq"' }] },
    {
      name: 'packages in a legacy-syntax ENV variable',
      files: 'FROM alpine:3.21\nENV PHPIZE_DEPS autoconf dpkg-dev=1.22.11-r0 file\nRUN apk add --no-cache --virtual .phpize-deps $PHPIZE_DEPS\n',
      errors: [{ line: 3, column: 47, message: '"autoconf" (in $PHPIZE_DEPS)' }, { line: 3, column: 47, message: '"file"' }],
    },
    { name: 'ONBUILD RUN trigger', files: 'FROM alpine:3.21\nONBUILD RUN apk add --no-cache git\n', errors: [{ line: 2, column: 32 }] },
  ],
});
