import rule from '../../rules/non-root-user.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'named user', files: 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nCMD ["python"]\n' },
    { name: 'uid:gid', files: 'FROM alpine:3.21\nUSER 10001:10001\n' },
    { name: 'inherited from ancestor stage', files: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'root in build stage only', files: 'FROM golang:1.23 AS build\nUSER root\nFROM alpine:3.21\nUSER nobody\n' },
    { name: 'nonroot distroless base', files: 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'root then back', files: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
  ],
  invalid: [
    { name: 'no USER', files: 'FROM python:3.12-slim\nCMD ["python"]\n', errors: [{ line: 1, column: 1, message: 'no USER' }] },
    { name: 'ends as root', files: 'FROM node:20\nUSER node\nRUN true\nUSER root\n', errors: [{ line: 4, column: 6, message: 'root' }] },
    { name: 'uid 0:0', files: 'FROM alpine:3.21\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    { name: 'scratch without USER', files: 'FROM golang:1.23 AS build\nUSER app\nFROM scratch\nCOPY --from=build /app /app\n', errors: [{ line: 3 }] },
    { name: 'ancestor root', files: 'FROM debian:12 AS base\nUSER root:root\nFROM base\n', errors: [{ line: 2 }] },
  ],
});
