import rule from '../../rules/unknown-target.js';
import { testRule } from '../helpers/rule-tester.js';

const dockerfile = 'FROM node:20 AS deps\nFROM node:20-slim AS Runtime\n';

testRule(rule, {
  valid: [
    { name: 'existing stage', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: deps\n', Dockerfile: dockerfile } },
    { name: 'case-insensitive', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: runtime\n', Dockerfile: dockerfile } },
    { name: 'no target', files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', Dockerfile: dockerfile } },
    { name: 'unresolved variable', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: ${STAGE}\n', Dockerfile: dockerfile } },
    { name: 'target set in the override file exists', files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', 'compose.override.yaml': 'services:\n  api:\n    build:\n      target: dev\n', Dockerfile: 'FROM alpine:3.20 AS dev\nFROM alpine:3.20 AS runtime\n' } },
  ],
  invalid: [
    { name: 'renamed stage', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: prod\n', Dockerfile: dockerfile }, errors: [{ file: 'compose.yaml', line: 5, column: 15, message: 'deps, Runtime' }] },
    { name: 'variable default', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: ${STAGE:-dev}\n', Dockerfile: dockerfile }, errors: [{ file: 'compose.yaml', line: 5, message: '"dev"' }] },
    {
      name: 'other Dockerfile',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: prod.Dockerfile\n      target: build\n', 'api/prod.Dockerfile': 'FROM golang:1.23\n' },
      errors: [{ file: 'compose.yaml', line: 6, message: 'no named stages' }],
    },
    {
      name: 'target from the override file, context from the base file',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n', 'compose.override.yaml': 'services:\n  api:\n    build:\n      target: develop\n', 'api/Dockerfile': 'FROM node:22 AS deps\nFROM deps AS runtime\n' },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 15, message: 'api/Dockerfile' }],
    },
  ],
});
