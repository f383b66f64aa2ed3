import rule from '../../rules/invalid-default-arg-in-from.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'default tag', files: 'ARG TAG=3.21\nFROM alpine:${TAG}\n' },
    { name: 'default image', files: 'ARG BASE=node:20-slim\nFROM $BASE\n' },
    { name: 'default with a fallback', files: 'ARG TAG\nFROM alpine:${TAG:-3.21}\n' },
    { name: 'platform ARG is known only at build time', files: 'FROM alpine:3.21-$TARGETARCH\n' },
    { name: 'stage name from an ARG', files: 'ARG VARIANT=prod\nFROM alpine:3.21 AS prod\nFROM ${VARIANT}\n' },
  ],
  invalid: [
    { name: 'no default for the tag', files: 'ARG TAG\nFROM alpine:${TAG}\n', errors: [{ line: 2, column: 6, message: 'resolve to "alpine:", which is not a valid image name (the tag after ":" is empty)' }] },
    { name: 'no default at all', files: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS build\n', errors: [{ line: 2, column: 6, message: 'it is empty' }] },
    { name: 'upper-case default', files: 'ARG IMAGE=MyOrg/App:1\nFROM $IMAGE\n', errors: [{ line: 2, column: 6, message: 'lowercase' }] },
  ],
});
