import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { createCatalog } from '../../src/config/config.js';
import { buildProject, type DiscoveredFile } from '../../src/model/project.js';
import { findingRange, offsetRange } from '../../src/lsp/convert.js';
import { suppressionEdit } from '../../src/lsp/suppression-edit.js';
import type { Finding } from '../../src/engine/types.js';

const catalog = createCatalog(builtinRules);

function modelOf(name: string, kind: DiscoveredFile['kind'], text: string) {
  const file = `/project/${name}`;
  return buildProject([{ path: file, kind }], { read: (candidate) => (candidate === file ? text : null) }, '/project').files.get(file)!;
}

/** The edited text, or null when no ignore action is offered. */
function applyIgnore(name: string, kind: DiscoveredFile['kind'], text: string, ruleId: string, line: number): string | null {
  const result = suppressionEdit(modelOf(name, kind, text), ruleId, line, catalog.resolveId);
  if (!result) return null;
  const { edit } = result;
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('ignore action edits', () => {
  it('puts the directive above the whole instruction in a Dockerfile, keeping indentation and line breaks', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN apk add \\\n    curl\n';
    expect(applyIgnore('Dockerfile', 'dockerfile', dockerfile, 'apk-no-cache', 3)).toBe('FROM alpine:3.20\n# docker-policy ignore=apk-no-cache\nRUN apk add \\\n    curl\n');
    expect(applyIgnore('Dockerfile', 'dockerfile', 'FROM alpine:3.20\r\n  RUN apk add curl\r\n', 'apk-no-cache', 2)).toBe('FROM alpine:3.20\r\n  # docker-policy ignore=apk-no-cache\r\n  RUN apk add curl\r\n');
    const heredoc = 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n';
    expect(applyIgnore('Dockerfile', 'dockerfile', heredoc, 'apk-no-cache', 3)).toBe('FROM alpine:3.20\n# docker-policy ignore=apk-no-cache\nRUN <<EOF\napk add curl\nEOF\n');
  });

  it('extends a directive that is already there, and goes above hadolint comments', () => {
    expect(applyIgnore('Dockerfile', 'dockerfile', 'FROM alpine\n# docker-policy ignore=non-root-user\nRUN apk add curl\n', 'apk-no-cache', 3)).toBe(
      'FROM alpine\n# docker-policy ignore=non-root-user,apk-no-cache\nRUN apk add curl\n',
    );
    expect(applyIgnore('Dockerfile', 'dockerfile', 'FROM alpine\n# hadolint ignore=DL3018\nRUN apk add curl\n', 'apk-no-cache', 3)).toBe(
      'FROM alpine\n# docker-policy ignore=apk-no-cache\n# hadolint ignore=DL3018\nRUN apk add curl\n',
    );
  });

  it('never pushes a parser directive off the top of a Dockerfile', () => {
    // A comment above `# syntax=` would turn the directive into a plain comment.
    expect(applyIgnore('Dockerfile', 'dockerfile', '# syntax=docker/dockerfile:1\nFROM alpine\n', 'buildkit-enabled', 1)).toBeNull();
    expect(applyIgnore('Dockerfile', 'dockerfile', '# syntax=docker/dockerfile:1\nFROM node:latest\n', 'pinned-base-image', 2)).toBe('# syntax=docker/dockerfile:1\n# docker-policy ignore=pinned-base-image\nFROM node:latest\n');
  });

  it('adds a trailing comment in compose files, but not inside a block scalar', () => {
    const compose = 'services:\n  web:\n    image: nginx:latest\n';
    expect(applyIgnore('compose.yaml', 'compose', compose, 'compose-image-tag', 3)).toBe('services:\n  web:\n    image: nginx:latest # docker-policy ignore=compose-image-tag\n');
    expect(applyIgnore('compose.yaml', 'compose', 'services:\n  web:\n    image: nginx:latest # docker-policy ignore=gpu-unneeded\n', 'compose-image-tag', 3)).toBe(
      'services:\n  web:\n    image: nginx:latest # docker-policy ignore=gpu-unneeded,compose-image-tag\n',
    );
    const block = 'services:\n  web:\n    image: python:3.12\n    command: |\n      pip install flask\n      python app.py\n';
    expect(applyIgnore('compose.yaml', 'compose', block, 'no-runtime-install', 5)).toBeNull();
  });

  it('adds a trailing comment in scripts, but not in a heredoc, a string or after a line continuation', () => {
    expect(applyIgnore('build.sh', 'shell', '#!/bin/sh\nexport DOCKER_BUILDKIT=0\n', 'buildkit-enabled', 2)).toBe('#!/bin/sh\nexport DOCKER_BUILDKIT=0 # docker-policy ignore=buildkit-enabled\n');
    expect(applyIgnore('build.sh', 'shell', '#!/bin/sh\ncat > .env <<EOF\nDOCKER_BUILDKIT=0\nEOF\n', 'buildkit-enabled', 3)).toBeNull();
    expect(applyIgnore('build.sh', 'shell', '#!/bin/sh\necho "a\nDOCKER_BUILDKIT=0\nb"\n', 'buildkit-enabled', 3)).toBeNull();
    // A trailing comment would end the continued line early: the directive goes above instead.
    expect(applyIgnore('install.sh', 'shell', '#!/bin/sh\npip install \\\n  flask\n', 'no-install-scripts', 2)).toBe('#!/bin/sh\n# docker-policy ignore=no-install-scripts\npip install \\\n  flask\n');
  });

  it('puts the directive on its own line in .dockerignore and .env files', () => {
    expect(applyIgnore('.env', 'env', 'TAG=1\nDOCKER_BUILDKIT=0\n', 'buildkit-enabled', 2)).toBe('TAG=1\n# docker-policy ignore=buildkit-enabled\nDOCKER_BUILDKIT=0\n');
    expect(applyIgnore('.dockerignore', 'dockerignore', 'node_modules\n', 'dockerignore-entries', 1)).toBe('# docker-policy ignore=dockerignore-entries\nnode_modules\n');
  });
});

describe('LSP positions', () => {
  const finding = { line: 1, column: 6, endLine: 1, endColumn: 17 } as Finding;
  it('are 0-based and shift line 1 by a byte-order mark the buffer still has', () => {
    expect(findingRange(finding, false)).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 16 } });
    expect(findingRange(finding, true)).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 17 } });
    const model = modelOf('Dockerfile', 'dockerfile', 'FROM a\nRUN 🐳 x\n');
    const offset = model.file.text.indexOf('x');
    expect(offsetRange(model.file, offset, offset + 1, true)).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
  });
});
