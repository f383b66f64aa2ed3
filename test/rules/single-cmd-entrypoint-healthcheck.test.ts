import rule from '../../rules/single-cmd-entrypoint-healthcheck.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'one of each', files: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nENTRYPOINT ["nginx"]\nCMD ["-g", "daemon off;"]\n' },
    { name: 'one per stage', files: 'FROM node:20 AS build\nCMD ["npm", "test"]\nFROM node:20-slim\nCMD ["node", "server.js"]\n' },
    { name: 'ONBUILD CMD is a trigger', files: 'FROM alpine:3.21\nONBUILD CMD ["a"]\nCMD ["b"]\n' },
  ],
  invalid: [
    { name: 'two CMD', files: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app.wsgi"]\n', errors: [{ line: 2, column: 1, message: 'Multiple CMD instructions in one stage: this one is overridden by the CMD on line 3', severity: 'warning' }] },
    { name: 'three ENTRYPOINT', files: 'FROM alpine:3.21\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n', errors: [{ line: 2, column: 1, message: 'line 4', severity: 'error' }, { line: 3, column: 1, message: 'line 4', severity: 'error' }] },
    { name: 'two HEALTHCHECK over continuations', files: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n', errors: [{ line: 2, column: 1, message: 'HEALTHCHECK', severity: 'error' }] },
    { name: 'hadolint alias DL4003 suppresses', files: 'FROM alpine:3.21\n# hadolint ignore=DL4003\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n', errors: [{ line: 5, column: 1 }] },
  ],
});
