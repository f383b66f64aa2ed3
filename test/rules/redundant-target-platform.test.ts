import rule from '../../rules/redundant-target-platform.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'BUILDPLATFORM', files: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
    { name: 'no flag', files: 'FROM alpine:3.21\n' },
    { name: 'TARGETPLATFORM with more text', files: 'FROM --platform=${TARGETPLATFORM}/extra alpine:3.21\n' },
    { name: 'constant', files: 'FROM --platform=linux/amd64 alpine:3.21 AS amd64\n' },
  ],
  invalid: [
    { name: '$TARGETPLATFORM', files: 'FROM --platform=$TARGETPLATFORM alpine:3.21\n', errors: [{ line: 1, column: 6, message: 'Setting the platform to $TARGETPLATFORM in FROM is redundant' }] },
    { name: '${TARGETPLATFORM}', files: 'FROM alpine:3.21 AS a\nFROM --platform=${TARGETPLATFORM} debian:12\n', errors: [{ line: 2, column: 6 }] },
    { name: 'with a default', files: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.21\n', errors: [{ line: 1, column: 6 }] },
    { name: 'after a continuation', files: 'FROM \\\n  --platform=$TARGETPLATFORM alpine:3.21\n', errors: [{ line: 2, column: 3 }] },
  ],
});
