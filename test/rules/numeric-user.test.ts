import rule from '../../rules/numeric-user.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'uid', files: 'FROM alpine:3.21\nUSER 10001\n' },
    { name: 'uid:gid', files: 'FROM alpine:3.21\nUSER 10001:10001\n' },
    { name: 'uid with group name', files: 'FROM alpine:3.21\nUSER 1000:staff\n' },
    { name: 'variable', files: 'FROM alpine:3.21\nARG UID=10001\nUSER $UID\n' },
    { name: 'Windows', files: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base\nUSER ContainerAdministrator\nFROM base\nUSER app\n' },
    { name: 'hadolint global pragma', files: '# hadolint global ignore=DL3066\nFROM node:22\nUSER node\n' },
  ],
  invalid: [
    { name: 'name', files: 'FROM node:22-alpine\nUSER node\n', errors: [{ line: 2, column: 6, message: 'USER `node` is a name' }] },
    { name: 'name:group', files: 'FROM alpine:3.21\nUSER app:app\n', errors: [{ line: 2, column: 6, message: '`app`' }] },
    { name: 'root', files: 'FROM alpine:3.21\nUSER root\nRUN true\nUSER 1000\n', errors: [{ line: 2, column: 6 }] },
    { name: 'in a later stage', files: 'FROM alpine:3.21 AS a\nUSER 1\nFROM alpine:3.21\n  USER www-data\n', errors: [{ line: 4, column: 8 }] },
  ],
});
