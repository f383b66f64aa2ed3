import rule from '../../rules/from-as-casing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'both upper', files: 'FROM node:20 AS build\n' },
    { name: 'both lower', files: 'from node:20 as build\n' },
    { name: 'mixed FROM is left to consistent-instruction-casing', files: 'From node:20 as build\n' },
    { name: 'no AS', files: 'FROM node:20\n' },
  ],
  invalid: [
    { name: 'FROM … as', files: 'FROM node:20 as build\n', errors: [{ line: 1, column: 14, message: '"as" and "FROM" keywords\' casing do not match: write "FROM … AS build"' }] },
    { name: 'from … AS', files: 'from node:20 AS build\n', errors: [{ line: 1, column: 14, message: '"from … as build"' }] },
    { name: 'FROM … As with flags', files: 'FROM --platform=$BUILDPLATFORM golang:1.23 As build\n', errors: [{ line: 1, column: 44 }] },
    { name: 'second stage only', files: 'FROM alpine:3.21 AS a\nFROM a as b\n', errors: [{ line: 2, column: 8 }] },
  ],
});
