import rule from '../../rules/healthcheck-present.js';
import { testRule } from '../helpers/rule-tester.js';

const withHealthcheck = 'FROM node:22-alpine\nHEALTHCHECK CMD wget -q -O- http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n';

testRule(rule, {
  valid: [
    {
      name: 'build-only base service (seed 000) without command: build-only-service speaks for it',
      files: {
        'compose.yaml': 'services:\n  base:\n    image: crucible-base:1\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n  api:\n    build: ./api\n    restart: unless-stopped\n    healthcheck:\n      test: ["CMD", "true"]\n',
        'base.Dockerfile': 'FROM python:3.12-slim\n',
        'api/Dockerfile': 'FROM crucible-base:1\nCMD ["python"]\n',
      },
    },
    { name: 'compose healthcheck', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n' } },
    { name: 'HEALTHCHECK in the built Dockerfile', files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/Dockerfile': withHealthcheck } },
    {
      name: 'HEALTHCHECK in a stage the target builds on',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: runtime\n', Dockerfile: 'FROM node:22-alpine AS base\nHEALTHCHECK CMD ["true"]\nFROM base AS runtime\nCMD ["node"]\nFROM base AS test\n' },
    },
    { name: 'disabled on purpose', files: { 'compose.yaml': 'services:\n  proxy:\n    image: haproxy:3.0\n    healthcheck:\n      disable: true\n' } },
    { name: 'one-shot job', files: { 'compose.yaml': 'services:\n  migrate:\n    image: shop/api:2.1\n    command: ["npm", "run", "migrate"]\n' } },
    { name: 'Dockerfile not in the project', files: { 'compose.yaml': 'services:\n  api:\n    build: https://github.com/acme/api.git\n' } },
    { name: 'dockerfile_inline with HEALTHCHECK', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27\n        HEALTHCHECK CMD curl -f http://localhost/\n' } },
    { name: 'healthcheck through a merge key', files: { 'compose.yaml': 'x-health: &health\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  api:\n    <<: *health\n    image: a:1\n' } },
  ],
  invalid: [
    { name: 'image-only service', files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:7.4\n    restart: always\n' }, errors: [{ line: 2, column: 3, message: 'has no health check' }] },
    { name: 'Dockerfile without HEALTHCHECK', files: { 'compose.yaml': 'services:\n  web:\n  api:\n    build: ./api\n', 'api/Dockerfile': 'FROM node:22-alpine\nCMD ["node", "server.js"]\n' }, errors: [{ file: 'compose.yaml', line: 3, column: 3 }] },
    { name: 'HEALTHCHECK NONE', files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', Dockerfile: 'FROM node:22-alpine\nHEALTHCHECK NONE\n' }, errors: [{ file: 'compose.yaml', line: 2, column: 3, message: 'HEALTHCHECK NONE' }] },
    {
      name: 'HEALTHCHECK only in another stage',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: runtime\n', Dockerfile: 'FROM node:22-alpine AS dev\nHEALTHCHECK CMD ["true"]\nFROM node:22-alpine AS runtime\n' },
      errors: [{ file: 'compose.yaml', line: 2, column: 3 }],
    },
  ],
});
