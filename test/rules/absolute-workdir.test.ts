import rule from '../../rules/absolute-workdir.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'absolute', files: 'FROM node:20-slim\nWORKDIR /app\n' },
    { name: 'relative after an absolute one', files: 'FROM node:20-slim\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'absolute from an ENV', files: 'FROM node:20-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n' },
    { name: 'inherited from the base stage', files: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nWORKDIR web\n' },
    { name: 'unknown value from the base image', files: 'FROM node:20-slim\nWORKDIR $HOME\n' },
    { name: 'escaped Windows path through a legacy ENV (unescaped once, not twice)', files: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV GOPATH C:\\\\go\nWORKDIR $GOPATH\n' },
    { name: 'quoted absolute and Windows path', files: 'FROM alpine:3.21\nWORKDIR "/app"\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
  ],
  invalid: [
    { name: 'relative', files: 'FROM node:20-slim\nWORKDIR app\n', errors: [{ line: 2, column: 9, message: 'Relative WORKDIR "app"' }] },
    { name: 'relative from an ARG default', files: 'FROM node:20-slim\nARG DIR=srv/app\nWORKDIR ${DIR}\n', errors: [{ line: 3, column: 9, message: '"srv/app"' }] },
    { name: 'dot-relative in the second stage', files: 'FROM alpine:3.21 AS a\nWORKDIR /a\nFROM alpine:3.21\nWORKDIR ./build\n', errors: [{ line: 4, column: 9, message: '"/build"' }] },
    { name: 'hadolint DL3000 alias works in config-style suppression', files: 'FROM alpine:3.21\n# hadolint ignore=DL3000\nWORKDIR x\nFROM alpine:3.21\nWORKDIR y\n', errors: [{ line: 5, column: 9 }] },
  ],
});
