import rule from '../../rules/undefined-arg-in-from.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared global ARG', files: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\n' },
    { name: 'declared without default', files: 'ARG BASE\nFROM $BASE\n' },
    { name: 'predefined platform ARGs', files: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine:3.21-$TARGETARCH\n' },
    { name: 'variables in RUN are not FROM arguments', files: 'FROM alpine:3.21\nRUN echo $UNDECLARED\n' },
  ],
  invalid: [
    { name: 'typo', files: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-slim\n', errors: [{ line: 2, column: 11, message: 'FROM argument "NODE_VERSON" is not declared (did you mean $NODE_VERSION?)' }] },
    { name: 'never declared', files: 'FROM python:$PYTHON_VERSION\n', errors: [{ line: 1, column: 13, message: 'declare it with "ARG PYTHON_VERSION=<default>" before the first FROM' }] },
    { name: 'declared inside a stage only', files: 'FROM alpine:3.21\nARG TAG=1\nFROM nginx:${TAG}\n', errors: [{ line: 3, column: 12, message: 'declared inside a stage' }] },
    { name: 'in --platform', files: 'FROM --platform=$PLATFORM alpine:3.21\n', errors: [{ line: 1, column: 17 }] },
  ],
});
