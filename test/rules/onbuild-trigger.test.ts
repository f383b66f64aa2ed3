import rule from '../../rules/onbuild-trigger.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'COPY and RUN triggers', files: 'FROM node:22\nONBUILD COPY . /app\nONBUILD RUN npm ci\n' },
    { name: 'no ONBUILD', files: 'FROM node:22\nRUN true\n' },
    { name: 'lower case trigger', files: 'FROM node:22\nonbuild run npm ci\n' },
  ],
  invalid: [
    { name: 'ONBUILD ONBUILD', files: 'FROM node:22\nONBUILD ONBUILD RUN npm ci\n', errors: [{ line: 2, column: 9, message: '`ONBUILD ONBUILD` is not allowed' }] },
    { name: 'FROM', files: 'FROM node:22\nONBUILD FROM node:22\n', errors: [{ line: 2, column: 9, message: 'ONBUILD FROM' }] },
    { name: 'MAINTAINER, lower case', files: 'FROM node:22\nonbuild maintainer me\n', errors: [{ line: 2, column: 9 }] },
  ],
});
