import rule from '../../rules/unique-stage-names.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'distinct names', files: 'FROM node:20 AS web\nFROM golang:1.23 AS api\nFROM alpine:3.21\n' },
    { name: 'unnamed stages', files: 'FROM node:20\nFROM node:20\n' },
    { name: 'stage reuse by FROM', files: 'FROM node:20 AS base\nFROM base AS test\nFROM base AS prod\n' },
  ],
  invalid: [
    { name: 'same name twice', files: 'FROM node:20 AS build\nRUN npm ci\nFROM golang:1.23 AS build\n', errors: [{ line: 3, column: 21, message: 'Duplicate stage name "build": line 1' }] },
    { name: 'case-insensitive', files: 'FROM node:20 AS build\nFROM node:20 AS Build\n', errors: [{ line: 2, column: 17 }] },
    { name: 'three times', files: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n', errors: [{ line: 2, column: 13 }, { line: 3, column: 13 }] },
    { name: 'hadolint alias suppresses only the next instruction', files: 'FROM a:1 AS x\n# hadolint ignore=DL3024\nFROM b:1 AS x\nFROM c:1 AS x\n', errors: [{ line: 4, column: 13 }] },
  ],
});
