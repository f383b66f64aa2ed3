import rule from '../../rules/reserved-stage-name.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary name', files: 'FROM alpine:3.21 AS certs\n' },
    { name: 'FROM scratch is fine', files: 'FROM scratch\nCOPY app /app\n' },
    { name: 'name containing a reserved word', files: 'FROM alpine:3.21 AS scratch-tools\nFROM busybox:1.37 AS build-context\n' },
  ],
  invalid: [
    { name: 'scratch', files: 'FROM alpine:3.21 AS scratch\n', errors: [{ line: 1, column: 21, message: 'reserved (the empty base image)' }] },
    { name: 'context', files: 'FROM alpine:3.21 AS context\n', errors: [{ line: 1, column: 21, message: 'the build context' }] },
    { name: 'upper-case Scratch', files: 'FROM node:20 AS deps\nFROM deps AS Scratch\n', errors: [{ line: 2, column: 14 }] },
  ],
});
