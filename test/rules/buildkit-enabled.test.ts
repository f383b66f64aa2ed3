import rule from '../../rules/buildkit-enabled.js';
import { expect, it } from 'vitest';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'enabled in .env', files: { '.env': 'DOCKER_BUILDKIT=1\nCOMPOSE_DOCKER_CLI_BUILD=1\n', 'compose.yaml': 'services:\n  a:\n    image: a:1\n' } },
    { name: 'script exports 1', files: { 'build.sh': 'export DOCKER_BUILDKIT=1\ndocker compose build\n' } },
    { name: 'mount with syntax directive', files: '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n' },
    { name: 'plain Dockerfile', files: 'FROM python:3.12\nRUN pip install flask\n' },
  ],
  invalid: [
    { name: '.env', files: { '.env': 'A=1\nDOCKER_BUILDKIT=0\n', 'compose.yaml': 'services:\n  a:\n    image: a:1\n' }, errors: [{ file: '.env', line: 2, message: 'DOCKER_BUILDKIT=0' }] },
    { name: 'script export and prefix', files: { 'build.sh': '#!/bin/sh\nexport DOCKER_BUILDKIT=0\nCOMPOSE_DOCKER_CLI_BUILD=0 docker compose build\n' }, errors: [{ line: 2, column: 8 }, { line: 3, column: 1, message: 'COMPOSE_DOCKER_CLI_BUILD' }] },
    { name: 'mount without syntax', files: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n', errors: [{ line: 2, column: 1, message: 'needs BuildKit' }] },
    { name: 'heredoc without syntax', files: 'FROM alpine:3.21\nRUN <<EOF\napk add curl\nEOF\n', errors: [{ line: 2, message: 'heredoc' }] },
  ],
});

it('reports BuildKit-only syntax without a syntax directive at info level', async () => {
  const findings = await runRule(rule, { files: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask==3.1.0\n' });
  expect(findings.map((finding) => finding.severity)).toEqual(['info']);
});
