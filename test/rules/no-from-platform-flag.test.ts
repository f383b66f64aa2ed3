import rule from '../../rules/no-from-platform-flag.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no flag', files: 'FROM alpine:3.21\n' },
    { name: 'platform only in RUN text', files: 'FROM alpine:3.21\nRUN echo --platform=linux/amd64\n' },
    { name: 'COPY --from is not FROM', files: 'FROM alpine:3.21 AS a\nFROM alpine:3.21\nCOPY --from=a /x /x\n' },
  ],
  invalid: [
    { name: 'constant', files: 'FROM --platform=linux/amd64 alpine:3.21\n', errors: [{ line: 1, column: 6, message: 'Do not use --platform with FROM ("linux/amd64")' }] },
    { name: 'BUILDPLATFORM too', files: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', errors: [{ line: 1, column: 6 }] },
    { name: 'every stage', files: 'FROM --platform=$BUILDPLATFORM a:1 AS x\nFROM --platform=$TARGETPLATFORM b:1\n', errors: [{ line: 1, column: 6 }, { line: 2, column: 6 }] },
  ],
});
