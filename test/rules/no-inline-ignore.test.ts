import rule from '../../rules/no-inline-ignore.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary comments', files: '# build the api\nFROM node:22\n# hadolint is our linter\n' },
    { name: 'file-wide pragmas act like config', files: '# hadolint global ignore=DL3008\n# docker-policy ignore-file=consecutive-run\nFROM node:22\n' },
    { name: 'no comments', files: 'FROM node:22\n' },
  ],
  invalid: [
    { name: 'hadolint pragma', files: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', errors: [{ line: 2, column: 1, message: 'Inline ignore pragma `# hadolint ignore=DL3008`' }] },
    { name: 'docker-policy pragma, indented', files: 'FROM debian:12\n  # docker-policy ignore=consecutive-run\nRUN a\n', errors: [{ line: 2, column: 3 }] },
    { name: 'several', files: '#hadolint ignore=DL3006\nFROM debian\n# hadolint ignore=DL3059, DL3008\nRUN a\n', errors: [{ line: 1, column: 1 }, { line: 3, column: 1 }] },
  ],
});
