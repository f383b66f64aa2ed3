import rule from '../../rules/from-first.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'FROM first', files: 'FROM alpine:3.21\nRUN true\n' },
    { name: 'directive, comment and ARG first', files: '# syntax=docker/dockerfile:1\n# base image\nARG BASE=alpine:3.21\nFROM ${BASE}\n' },
    { name: 'empty file', files: '' },
    { name: 'only comments', files: '# nothing yet\n' },
  ],
  invalid: [
    { name: 'ENV first', files: 'ENV A=1\nFROM alpine:3.21\n', errors: [{ line: 1, column: 1, message: '`ENV` comes before the first FROM' }] },
    { name: 'after an ARG', files: 'ARG V=1\n  LABEL a=b\nFROM alpine:3.21\n', errors: [{ line: 2, column: 3 }] },
    { name: 'no FROM at all', files: 'RUN true\nCMD ["x"]\n', errors: [{ line: 1, column: 1 }, { line: 2, column: 1 }] },
  ],
});
