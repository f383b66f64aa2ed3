import rule from '../../rules/healthcheck-required.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'HEALTHCHECK', files: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'HEALTHCHECK NONE is a decision', files: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited; builder not checked', files: 'FROM golang:1.23 AS build\nFROM alpine:3.21 AS base\nHEALTHCHECK CMD true\nFROM base\nCOPY --from=build /a /a\n' },
    {
      name: 'the compose service has a healthcheck',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "true"]\n', Dockerfile: 'FROM nginx:1.27\n' },
    },
  ],
  invalid: [
    { name: 'no HEALTHCHECK', files: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n', errors: [{ line: 1, column: 1, message: 'This image has no HEALTHCHECK' }] },
    { name: 'named final stage', files: 'FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.21 AS runtime\nCOPY --from=build /a /a\n', errors: [{ line: 3, column: 1, message: 'Stage `runtime`' }] },
    {
      name: 'compose healthcheck disabled',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      disable: true\n', Dockerfile: 'FROM nginx:1.27\n' },
      errors: [{ file: 'Dockerfile', line: 1, column: 1 }],
    },
    {
      name: 'two image stages, one targeted by compose',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n', Dockerfile: 'FROM node:22 AS api\nFROM api AS worker\n' },
      errors: [
        { file: 'Dockerfile', line: 1, column: 1 },
        { file: 'Dockerfile', line: 2, column: 1 },
      ],
    },
  ],
});
