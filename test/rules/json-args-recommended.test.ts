import rule from '../../rules/json-args-recommended.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'JSON form', files: 'FROM node:20-slim\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n' },
    { name: 'SHELL chosen in the stage', files: 'FROM mcr.microsoft.com/powershell:7.4\nSHELL ["pwsh", "-Command"]\nCMD Write-Host hi\n' },
    { name: 'SHELL inherited from the base stage', files: 'FROM alpine:3.21 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nCMD echo hi | tee /tmp/x\n' },
    { name: 'RUN in shell form is fine', files: 'FROM alpine:3.21\nRUN apk add --no-cache curl && rm -rf /tmp/*\n' },
  ],
  invalid: [
    { name: 'CMD shell form', files: 'FROM node:20-slim\nCMD node server.js\n', errors: [{ line: 2, column: 5, message: 'use the JSON form: CMD ["node", "server.js"]' }] },
    { name: 'ENTRYPOINT with an && chain', files: 'FROM alpine:3.21\nENTRYPOINT ./migrate && exec ./serve\n', errors: [{ line: 2, column: 12, message: 'ENTRYPOINT in shell form runs under "/bin/sh -c"' }] },
    { name: 'CMD over a line continuation', files: 'FROM python:3.12-slim\nCMD gunicorn \\\n    --bind 0.0.0.0:8000 app:wsgi\n', errors: [{ line: 2, column: 5, message: '["gunicorn", "--bind", "0.0.0.0:8000", "app:wsgi"]' }] },
    { name: 'SHELL in a later stage does not help an earlier one', files: 'FROM alpine:3.21 AS a\nCMD echo $HOME\nFROM alpine:3.21\nSHELL ["/bin/ash", "-c"]\n', errors: [{ line: 2, column: 5, message: 'e.g. CMD ["executable", "arg"]' }] },
    { name: 'hadolint ignore=DL3025 suppresses', files: 'FROM alpine:3.21\n# hadolint ignore=DL3025\nCMD sh\nFROM alpine:3.21\nCMD sh\n', errors: [{ line: 5, column: 5 }] },
  ],
});
