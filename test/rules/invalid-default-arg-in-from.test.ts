import rule from '../../rules/invalid-default-arg-in-from.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'default tag', files: 'ARG TAG=3.21\nFROM alpine:${TAG}\n' },
    { name: 'default image', files: 'ARG BASE=node:20-slim\nFROM $BASE\n' },
    { name: 'default with a fallback', files: 'ARG TAG\nFROM alpine:${TAG:-3.21}\n' },
    { name: 'platform ARG is known only at build time', files: 'FROM alpine:3.21-$TARGETARCH\n' },
    { name: 'stage name from an ARG', files: 'ARG VARIANT=prod\nFROM alpine:3.21 AS prod\nFROM ${VARIANT}\n' },
    // jupyter/docker-stacks: BuildKit expands a global ARG default with the global ARGs before it.
    { name: 'a default built from earlier global ARGs', files: 'ARG REGISTRY=quay.io\nARG OWNER=jupyter\nARG BASE_IMAGE=$REGISTRY/$OWNER/minimal-notebook:2025-01-06\nFROM $BASE_IMAGE\n' },
    // ollama: `ARG FLAVOR=${TARGETARCH}` names a stage per platform.
    { name: 'a default that is a platform ARG', files: 'ARG FLAVOR=${TARGETARCH}\nFROM alpine:3.21 AS amd64\nFROM alpine:3.21 AS arm64\nFROM ${FLAVOR} AS image\n' },
  ],
  invalid: [
    { name: 'no default for the tag', files: 'ARG TAG\nFROM alpine:${TAG}\n', errors: [{ line: 2, column: 6, message: 'resolve to "alpine:", which is not a valid image name (the tag after ":" is empty)' }] },
    { name: 'no default at all', files: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS build\n', errors: [{ line: 2, column: 6, message: 'it is empty' }] },
    { name: 'upper-case default', files: 'ARG IMAGE=MyOrg/App:1\nFROM $IMAGE\n', errors: [{ line: 2, column: 6, message: 'lowercase' }] },
    { name: 'a default built from an earlier ARG without default', files: 'ARG TAG\nARG IMAGE=alpine:$TAG\nFROM $IMAGE\n', errors: [{ line: 3, column: 6, message: 'resolve to "alpine:"' }] },
  ],
});
