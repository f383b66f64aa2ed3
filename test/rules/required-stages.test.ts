import rule from '../../rules/required-stages.js';
import { testRule } from '../helpers/rule-tester.js';

const layout = 'FROM node:20 AS deps\nRUN true\nFROM deps AS build\nRUN true\nFROM node:20-slim AS runtime\nCMD ["node"]\n';

testRule(rule, {
  valid: [
    { name: 'default layout', files: layout },
    { name: 'case-insensitive', files: 'FROM node:20 AS Deps\nFROM deps AS BUILD\nFROM node:20-slim AS Runtime\n' },
    { name: 'custom stages', files: 'FROM golang:1.23 AS builder\nFROM alpine:3.21 AS final\n', options: { stages: ['builder', 'final'] } },
    { name: 'extra stages allowed', files: 'FROM node:20 AS deps\nFROM deps AS build\nFROM deps AS test\nFROM node:20-slim AS runtime\n' },
  ],
  invalid: [
    { name: 'single stage', files: 'FROM node:20\nCMD ["node"]\n', errors: [{ line: 1, column: 1, message: '"deps", "build", "runtime"' }] },
    { name: 'one missing', files: 'FROM node:20 AS deps\nFROM node:20-slim AS runtime\n', errors: [{ line: 2, message: 'stage "build"' }] },
    { name: 'runtime not last', files: 'FROM node:20 AS deps\nFROM deps AS build\nFROM node:20-slim AS runtime\nFROM runtime AS debug\n', errors: [{ line: 4, message: 'must be "runtime"' }] },
    { name: 'custom option', files: layout, options: { stages: ['deps', 'prod'] }, errors: [{ line: 5, message: '"prod"' }] },
  ],
});
