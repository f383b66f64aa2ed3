import rule from '../../rules/stage-name-casing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'lowercase name', files: 'FROM golang:1.23 AS build\nFROM build\n' },
    { name: 'no name', files: 'FROM alpine:3.21\n' },
    { name: 'digits and dashes', files: 'FROM node:20 AS web-build-2\n' },
    { name: 'lowercase name with lowercase keywords', files: 'from node:20 as deps\n' },
  ],
  invalid: [
    { name: 'capitalised', files: 'FROM golang:1.23 AS Builder\n', errors: [{ line: 1, column: 21, message: 'Stage name "Builder" should be lowercase: name it "builder"' }] },
    { name: 'upper-case, referenced later', files: 'FROM node:20 AS DEPS\nRUN npm ci\nFROM node:20-slim\nCOPY --from=DEPS /app /app\n', errors: [{ line: 1, column: 17, message: '"deps"' }] },
    { name: 'second stage', files: 'FROM alpine:3.21 AS base\nFROM base AS runTime\n', errors: [{ line: 2, column: 14 }] },
    { name: 'after a line continuation', files: 'FROM \\\n  python:3.12 AS Venv\n', errors: [{ line: 2, column: 18 }] },
  ],
});
