import rule from '../../rules/definition-description-format.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ARG description', files: '# NODE_VERSION is the Node.js release to use\nARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\n' },
    { name: 'stage description', files: '# build compiles the assets\nFROM node:20 AS build\n' },
    { name: 'separated by an empty line', files: '# Some notes about this file\n\nARG DEBUG=0\nFROM alpine:3.21\n' },
    { name: 'parser directive above', files: '# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine:3.21\n' },
    { name: 'unnamed stage', files: '# the runtime image\nFROM alpine:3.21\n' },
  ],
  invalid: [
    { name: 'ARG comment without the name', files: '# Version of Node.js\nARG NODE_VERSION=20\nFROM node:20\n', errors: [{ line: 1, column: 1, message: 'Comment for ARG NODE_VERSION should follow the format "# NODE_VERSION <description>"' }] },
    { name: 'stage comment', files: 'FROM alpine:3.21 AS base\n# Compiles the app\nFROM base AS build\n', errors: [{ line: 2, column: 1, message: 'Comment for stage "build"' }] },
    { name: 'several ARG names', files: 'FROM alpine:3.21\n# platform args\nARG TARGETOS TARGETARCH\n', errors: [{ line: 2, column: 1, message: '"# <arg_key> <description>"' }] },
  ],
});
