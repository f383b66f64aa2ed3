import rule from '../../rules/yarn-cache-clean.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'cache clean in the same RUN', files: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'a cache mount', files: 'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n' },
    { name: 'removing the --cache-folder', files: 'FROM node:22-slim\nRUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n' },
    { name: 'other yarn commands', files: 'FROM node:22-slim\nRUN yarn build && yarn --version\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM node:22-slim\n# hadolint ignore=DL3060\nRUN yarn install\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn build\n', errors: [{ line: 2, column: 5, message: 'yarn cache clean' }] },
    { name: 'bare yarn in a continuation', files: 'FROM node:22-slim\nRUN set -eux; \\\n    yarn --production\n', errors: [{ line: 3, column: 5 }] },
    { name: 'clean in a later RUN is too late; heredoc', files: 'FROM node:22-slim\nRUN <<EOF\nyarn install\nEOF\nRUN yarn cache clean\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM node:22-slim\nONBUILD RUN yarn install\n', errors: [{ line: 2, column: 13 }] },
  ],
});
