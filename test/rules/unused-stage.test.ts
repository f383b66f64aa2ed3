import rule from '../../rules/unused-stage.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'COPY --from', files: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.21\nCOPY --from=build /out /out\n' },
    { name: 'FROM stage and mount', files: 'FROM node:20 AS deps\nFROM node:20 AS assets\nFROM deps\nRUN --mount=from=assets,target=/a true\n' },
    { name: 'numeric COPY --from', files: 'FROM golang:1.23\nRUN go build\nFROM alpine:3.21\nCOPY --from=0 /out /out\n' },
    {
      name: 'compose target',
      files: {
        Dockerfile: 'FROM node:20 AS dev\nRUN true\nFROM node:20-slim AS prod\n',
        'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n',
      },
    },
    { name: 'allow option', files: 'FROM node:20 AS test\nFROM node:20-slim\n', options: { allow: ['test'] } },
    { name: 'single stage', files: 'FROM node:20\n' },
    { name: 'stage picked by variable', files: 'ARG TARGETARCH\nFROM alpine:3.21 AS base-amd64\nFROM alpine:3.21 AS base-arm64\nFROM base-${TARGETARCH}\n' },
    { name: 'FROM a variable with no default may be any stage', files: 'ARG FLAVOR\nFROM alpine:3.21 AS rocm\nFROM ${FLAVOR} AS image\nFROM alpine:3.21\nCOPY --from=image / /\n' },
    { name: 'template file', files: { 'Dockerfile.template': 'FROM {{ .base }} AS a\nFROM alpine:3.21\n' } },
  ],
  invalid: [
    { name: 'dead end', files: 'FROM node:20 AS worker-builder\nRUN true\nFROM node:20-slim AS runtime\n', errors: [{ line: 1, column: 17, message: '"worker-builder"' }] },
    { name: 'variable image is not a stage pattern', files: 'ARG IMG=node:20\nFROM node:20 AS old\nFROM ${IMG}\n', errors: [{ line: 2, message: '"old"' }] },
    { name: 'unnamed stage', files: 'FROM golang:1.23\nRUN true\nFROM alpine:3.21\n', errors: [{ line: 1, column: 1, message: '#0' }] },
    { name: 'used only by an unused stage is still used; dead end itself reported', files: 'FROM node:20 AS a\nFROM a AS b\nFROM node:20-slim\n', errors: [{ line: 2, message: '"b"' }] },
    {
      name: 'compose targets another stage',
      files: {
        Dockerfile: 'FROM node:20 AS dev\nFROM node:20 AS test\nFROM node:20-slim AS prod\n',
        'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n',
      },
      errors: [{ file: 'Dockerfile', line: 2, message: '"test"' }],
    },
  ],
});
