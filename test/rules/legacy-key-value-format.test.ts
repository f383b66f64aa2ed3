import rule from '../../rules/legacy-key-value-format.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ENV key=value', files: 'FROM node:20-slim\nENV NODE_ENV=production PORT=3000\n' },
    { name: 'LABEL key=value with quotes', files: 'FROM node:20-slim\nLABEL description="an app with spaces"\n' },
    { name: 'key=value across continuations', files: 'FROM node:20-slim\nENV A=1 \\\n    B=2\n' },
  ],
  invalid: [
    { name: 'ENV key value', files: 'FROM node:20-slim\nENV NODE_ENV production\n', errors: [{ line: 2, column: 5, message: 'write ENV NODE_ENV=production' }] },
    { name: 'value with spaces', files: 'FROM node:20-slim\nENV GREETING hello world\n', errors: [{ line: 2, column: 5, message: 'ENV GREETING="hello world"' }] },
    { name: 'LABEL legacy', files: 'FROM alpine:3.21\nLABEL maintainer Jane\n', errors: [{ line: 2, column: 7, message: '"LABEL key=value" should be used' }] },
    { name: 'legacy over a continuation', files: 'FROM alpine:3.21\nENV PATH \\\n    /opt/bin:$PATH\n', errors: [{ line: 2, column: 5 }] },
  ],
});
