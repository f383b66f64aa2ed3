import rule from '../../rules/from-first.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'FROM first', files: 'FROM alpine:3.21\nRUN true\n' },
    { name: 'directive, comment and ARG first', files: '# syntax=docker/dockerfile:1\n# base image\nARG BASE=alpine:3.21\nFROM ${BASE}\n' },
    { name: 'empty file', files: '' },
    { name: 'only comments', files: '# nothing yet\n' },
    { name: 'template without instructions', files: '{{ if .x }}\n{{ end }}\n' },
  ],
  invalid: [
    { name: 'ENV first', files: 'ENV A=1\nFROM alpine:3.21\n', errors: [{ line: 1, column: 1, message: '`ENV` comes before the first FROM' }] },
    { name: 'after an ARG', files: 'ARG V=1\n  LABEL a=b\nFROM alpine:3.21\n', errors: [{ line: 2, column: 3 }] },
    { name: 'no FROM at all: once', files: 'RUN true\nCMD ["x"]\n', errors: [{ line: 1, column: 1, message: 'has no FROM' }] },
    { name: 'template words are not instructions', files: '{{ def x }}\nENV A=1 \\\n    B=2\nFROM alpine:3.21\n', errors: [{ line: 2, column: 1 }] },
  ],
});
