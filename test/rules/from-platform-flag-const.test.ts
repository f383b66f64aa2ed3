import rule from '../../rules/from-platform-flag-const.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'BUILDPLATFORM', files: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
    { name: 'stage named after the architecture', files: 'FROM --platform=linux/arm64 alpine:3.21 AS build-arm64\n' },
    { name: 'stage named after the OS', files: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools\n' },
    { name: 'malformed is another rule\'s job', files: 'FROM --platform=linux/amd46 alpine:3.21\n' },
  ],
  invalid: [
    { name: 'linux/amd64', files: 'FROM --platform=linux/amd64 golang:1.23 AS build\n', errors: [{ line: 1, column: 17, message: 'FROM --platform should not use the constant "linux/amd64"' }] },
    { name: 'unnamed stage', files: 'FROM --platform=linux/arm64/v8 alpine:3.21\n', errors: [{ line: 1, column: 17 }] },
    { name: 'second stage', files: 'FROM alpine:3.21 AS base\nFROM --platform=linux/arm/v7 debian:12 AS pi\n', errors: [{ line: 2, column: 17 }] },
  ],
});
