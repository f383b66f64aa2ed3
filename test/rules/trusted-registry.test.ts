import { describe, expect, it } from 'vitest';
import rule from '../../rules/trusted-registry.js';
import { parseImageRef } from '../../src/model/image-ref.js';
import { isTrustedRegistry } from '../../src/model/registries.js';
import { testRule } from '../helpers/rule-tester.js';

const settings = { trustedRegistries: ['docker.io', 'ghcr.io', '*.artifactory.example.com', 'gcr.io/distroless'] };

testRule(rule, {
  valid: [
    { name: 'Docker Hub and trusted registries', files: 'FROM node:22\nFROM ghcr.io/acme/api:1\nFROM team.artifactory.example.com/base:2\nFROM gcr.io/distroless/static-debian12\n', settings },
    { name: 'scratch, stages and variables', files: 'ARG BASE\nFROM evil.io/x:1 AS build\nFROM ${BASE}\nFROM build\nFROM scratch\nCOPY --from=build /a /b\n', settings: { trustedRegistries: ['evil.io'] } },
    { name: 'no setting: nothing is checked', files: 'FROM quay.io/x/y:1\n' },
    { name: 'COPY --from a stage defined later is no image', files: 'FROM node:22\nCOPY --from=tools /t /t\nFROM node:22 AS tools\n', settings },
  ],
  invalid: [
    { name: 'untrusted base image', files: 'FROM quay.io/someone/node:22\n', settings, errors: [{ line: 1, column: 6, message: 'comes from `quay.io`, which is not a trusted registry' }] },
    { name: 'Docker Hub not trusted', files: 'FROM node:22 AS base\nFROM base\n', settings: { trustedRegistries: ['registry.example.com'] }, errors: [{ line: 1, column: 6, message: '`docker.io`' }] },
    { name: 'another path of a shared registry', files: 'FROM gcr.io/other-project/app:1\n', settings, errors: [{ line: 1, column: 6 }] },
    { name: 'COPY --from an image', files: 'FROM node:22\nCOPY --from=quay.io/x/tools:1 /t /t\n', settings, errors: [{ line: 2, column: 13, message: 'Image `quay.io/x/tools:1`' }] },
    { name: 'RUN --mount from an image, continuation', files: 'FROM node:22\nRUN \\\n  --mount=type=bind,from=quay.io/x/y:1,target=/y true\n', settings, errors: [{ line: 3, column: 11, message: 'Mounted image' }] },
    { name: 'base image from a global ARG default', files: 'ARG BASE=quay.io/x/node:22\nFROM ${BASE}\n', settings, errors: [{ line: 2, column: 6 }] },
  ],
});

describe('isTrustedRegistry', () => {
  const trusted = (image: string, entries: string[]) => isTrustedRegistry(parseImageRef(image)!, entries);
  it('treats every Docker Hub name alike', () => {
    expect(trusted('node:22', ['hub.docker.com'])).toBe(true);
    expect(trusted('docker.io/library/node:22', ['docker.io'])).toBe(true);
    expect(trusted('index.docker.io/library/node', ['docker.io/library'])).toBe(true);
    expect(trusted('bitnami/redis', ['docker.io/library'])).toBe(false);
  });
  it('supports hadolint\'s prefix and suffix wildcards', () => {
    expect(trusted('a.b.example.com/x', ['*.example.com'])).toBe(true);
    expect(trusted('example.com/x', ['*.example.com'])).toBe(false);
    expect(trusted('registry.internal:5000/x', ['registry.*'])).toBe(true);
  });
  it('matches a path entry on whole path segments', () => {
    expect(trusted('gcr.io/distroless/base', ['gcr.io/distroless'])).toBe(true);
    expect(trusted('gcr.io/distroless-evil/base', ['gcr.io/distroless'])).toBe(false);
  });
});
