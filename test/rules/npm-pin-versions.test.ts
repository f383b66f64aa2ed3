import rule from '../../rules/npm-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'versions, ranges, tags, scoped', files: 'FROM node:22-slim\nRUN npm install -g pm2@5.4.3 typescript@^5.7 @angular/cli@19 corepack@lts\n' },
    { name: 'lock-file installs name no packages', files: 'FROM node:22-slim\nRUN npm ci && npm install --omit=dev\n' },
    { name: 'git refs, tarballs, folders, option values', files: 'FROM node:22-slim\nRUN npm install git+https://github.com/org/repo.git#v1.2.0 ./vendor/lib.tgz ../shared --prefix /opt/tools left-pad@1.3.0\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM node:22-slim\n# hadolint ignore=DL3016\nRUN npm install -g pm2\n' },
  ],
  invalid: [
    {
      name: 'unpinned and @latest in an && chain',
      files: 'FROM node:22-slim\nRUN npm i -g npm@latest && npm install --global @nestjs/cli\n',
      errors: [{ line: 2, column: 14, message: 'moving `latest` tag' }, { line: 2, column: 49, message: '`@nestjs/cli@<version>`' }],
    },
    { name: 'in a continuation', files: 'FROM node:22-slim\nRUN npm install -g \\\n      nodemon\n', errors: [{ line: 3, column: 7, message: '"nodemon"' }] },
    { name: 'GitHub shorthand without a ref, in a heredoc', files: 'FROM node:22-slim\nRUN <<EOF\nnpm install expressjs/express\nEOF\n', errors: [{ line: 3, column: 13, message: 'expressjs/express#<tag-or-commit>' }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM node:22-slim\nONBUILD RUN npm install -g serve\n', errors: [{ line: 2, column: 28 }] },
  ],
});
