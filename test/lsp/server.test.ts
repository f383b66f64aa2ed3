import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit } from 'vscode-languageserver/node';
import { TestClient, uriOf } from './client.js';

// These drive the built CLI (`npm test` builds first) over stdio with real JSON-RPC messages.
const DOCS = 'https://github.com/docker-policy/docker-policy/blob/main/docs/rules';
const IGNORE_FILE = 'node_modules\n.git\n.env\n*.log\n__pycache__\n.gitignore\ndata/\n*.pkl\n';

const scratch = (files: Record<string, string>) => {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dp-lsp-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), content);
  }
  return directory;
};
const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
const editsOf = (action: CodeAction) =>
  (action.edit!.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits.map((edit) => ({ uri: change.textDocument.uri, version: change.textDocument.version, ...(edit as { range: Range; newText: string }) })));

const COMPOSE = 'services:\n  api:\n    build:\n      context: ./api\n    image: registry.example.com/api:1.4\n  web: { labels: ["🐳"], image: nginx:latest }\n';
// The server is tested with a fixed set of rules, so new rules do not change what these tests expect.
const RULES_UNDER_TEST = 'extends: []\nrules: { apk-no-cache: warning, pinned-base-image: error, unused-stage: warning, compose-image-tag: warning }\n';
const DOCKERFILE_ON_DISK = 'FROM node:20-alpine AS deps\nRUN echo deps\nFROM node:20-alpine AS runtime\nUSER 1000:1000\n';

let client: TestClient | undefined;
afterEach(() => {
  client?.kill();
  client = undefined;
});

describe('docker-policy lsp --stdio', () => {
  it('publishes diagnostics from unsaved buffers on open, change and save, offers fixes, and shuts down cleanly', async () => {
    const root = scratch({ '.docker-policy.yaml': RULES_UNDER_TEST, 'compose.yaml': COMPOSE, 'api/Dockerfile': DOCKERFILE_ON_DISK, 'api/.dockerignore': IGNORE_FILE });
    client = new TestClient(root);
    const init = await client.initialize(root, { debounceMs: 20 });
    expect(init.capabilities).toMatchObject({ textDocumentSync: { openClose: true, change: 2 }, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.docker-policy'] } });
    expect(init.serverInfo).toMatchObject({ name: 'docker-policy' });

    const dockerfile = path.join(root, 'api/Dockerfile');
    const uri = uriOf(dockerfile);
    // The buffer differs from the file on disk: the buffer is what gets linted.
    await client.open(dockerfile, 'FROM node:latest\nRUN apk update && apk add curl\nUSER 1000:1000\n');
    const opened = await client.diagnostics(uri);
    expect(opened.version).toBe(1);
    expect(summary(opened.diagnostics)).toEqual(['apk-no-cache@1:18-1:21', 'apk-no-cache@1:4-1:7', 'pinned-base-image@0:5-0:16']);
    const pinned = opened.diagnostics.find((d) => d.code === 'pinned-base-image')!;
    expect(pinned).toMatchObject({ severity: 1, source: 'docker-policy', codeDescription: { href: `${DOCS}/pinned-base-image.md` } });
    expect(pinned.message).toContain('node:latest');
    expect(opened.diagnostics.find((d) => d.code === 'apk-no-cache')!.severity).toBe(2);

    await client.change(dockerfile, 2, 'FROM node:20-alpine\nRUN apk add curl \\\n    tzdata\nUSER 1000:1000\n');
    const changed = await client.diagnostics(uri, (params) => params.version === 2);
    expect(summary(changed.diagnostics)).toEqual(['apk-no-cache@1:4-1:7']);

    client.drain(uri);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.diagnostics(uri);
    expect(saved.version).toBe(2);
    expect(summary(saved.diagnostics)).toEqual(['apk-no-cache@1:4-1:7']);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      context: { diagnostics: changed.diagnostics },
    })) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Add --no-cache (apk-no-cache)')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(fix.diagnostics?.[0]?.code).toBe('apk-no-cache');
    expect(editsOf(fix)).toEqual([{ uri, version: 2, range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, newText: ' --no-cache' }]);
    const ignore = actions.find((action) => action.title === 'Ignore apk-no-cache for this instruction')!;
    expect(editsOf(ignore)).toEqual([{ uri, version: 2, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# docker-policy ignore=apk-no-cache\n' }]);
    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.docker-policy']);
    expect(editsOf(fixAll[0]!).map((edit) => edit.newText)).toEqual([' --no-cache']);

    // Applying the ignore action silences the finding.
    await client.change(dockerfile, 3, 'FROM node:20-alpine\n# docker-policy ignore=apk-no-cache\nRUN apk add curl \\\n    tzdata\nUSER 1000:1000\n');
    expect((await client.diagnostics(uri, (params) => params.version === 3)).diagnostics).toEqual([]);

    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });

  it('re-lints linked files from unsaved buffers and re-parses only the edited file', async () => {
    const root = scratch({ '.docker-policy.yaml': RULES_UNDER_TEST, 'compose.yaml': COMPOSE, 'api/Dockerfile': DOCKERFILE_ON_DISK, 'api/.dockerignore': IGNORE_FILE });
    client = new TestClient(root);
    await client.initialize(root, { debounceMs: 20 });
    const dockerfileUri = uriOf(path.join(root, 'api/Dockerfile'));
    const composeUri = uriOf(path.join(root, 'compose.yaml'));
    await client.open(path.join(root, 'api/Dockerfile'), DOCKERFILE_ON_DISK);
    expect(summary((await client.diagnostics(dockerfileUri)).diagnostics)).toEqual(['unused-stage@0:23-0:27']);

    await client.open(path.join(root, 'compose.yaml'), COMPOSE, 'dockercompose');
    const compose = await client.diagnostics(composeUri);
    // Columns are UTF-16 code units: the whale before the image counts twice.
    const line = COMPOSE.split('\n')[5]!;
    expect(line.indexOf('nginx')).toBe([...line.slice(0, line.indexOf('nginx'))].length + 1);
    expect(summary(compose.diagnostics)).toEqual([`compose-image-tag@5:${line.indexOf('nginx')}-5:${line.indexOf(' }')}`]);
    const before = (await client.connection.sendRequest('docker-policy/status')) as { folders: { root: string; parsed: number; reused: number }[] };

    // Building the `deps` target from compose makes that stage used: the Dockerfile's findings change.
    client.drain(dockerfileUri);
    await client.change(path.join(root, 'compose.yaml'), 2, COMPOSE.replace('      context: ./api\n', '      context: ./api\n      target: deps\n'));
    expect((await client.diagnostics(dockerfileUri, (params) => params.diagnostics.length === 0)).diagnostics).toEqual([]);
    await client.diagnostics(composeUri, (params) => params.version === 2);
    const after = (await client.connection.sendRequest('docker-policy/status')) as typeof before;
    expect(after.folders).toHaveLength(1);
    expect(after.folders[0]!.root).toBe(root);
    expect(after.folders[0]!.parsed - before.folders[0]!.parsed).toBe(1);
    expect(after.folders[0]!.reused).toBeGreaterThan(before.folders[0]!.reused);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: composeUri },
      range: { start: { line: 6, character: 40 }, end: { line: 6, character: 40 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const composeLine = COMPOSE.split('\n')[5]!;
    expect(actions.map((action) => action.title)).toEqual(['Ignore compose-image-tag for this line']);
    expect(editsOf(actions[0]!)).toEqual([
      { uri: composeUri, version: 2, range: { start: { line: 6, character: composeLine.length }, end: { line: 6, character: composeLine.length } }, newText: ' # docker-policy ignore=compose-image-tag' },
    ]);

    // Closing a buffer clears its diagnostics.
    client.drain(composeUri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: composeUri } });
    expect((await client.diagnostics(composeUri)).diagnostics).toEqual([]);
  });

  it('picks up config changes without a restart and reports a broken config on the config file', async () => {
    const root = scratch({ 'Dockerfile': 'FROM node:latest\nUSER 1000:1000\n', '.dockerignore': IGNORE_FILE });
    client = new TestClient(root);
    await client.initialize(root, { debounceMs: 20 });
    const dockerfileUri = uriOf(path.join(root, 'Dockerfile'));
    await client.open(path.join(root, 'Dockerfile'), 'FROM node:latest\nUSER 1000:1000\n');
    expect(summary((await client.diagnostics(dockerfileUri)).diagnostics)).toEqual(['pinned-base-image@0:5-0:16']);
    // The server asked to be told about config files changing on disk.
    expect(JSON.stringify(client.registrations)).toContain('.docker-policy.{yaml,yml,json}');

    const configPath = path.join(root, '.docker-policy.yaml');
    const configUri = uriOf(configPath);
    const changed = () => client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    fs.writeFileSync(configPath, 'rules:\n  pinned-base-image: off\n');
    await changed();
    expect((await client.diagnostics(dockerfileUri, (params) => params.diagnostics.length === 0)).diagnostics).toEqual([]);

    fs.writeFileSync(configPath, 'rules:\n  pinned-base-image: off\n  no-such-rule: error\n');
    await changed();
    const broken = await client.diagnostics(configUri);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ severity: 1, source: 'docker-policy', code: 'config', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 21 } } });
    expect(broken.diagnostics[0]!.message).toContain('unknown rule "no-such-rule"');
    expect(client.messages.some((message) => message.type === 1 && message.message.includes('no-such-rule'))).toBe(true);

    // Saved from the editor: didSave alone is enough.
    fs.writeFileSync(configPath, 'rules:\n  non-root-user: off\n');
    await client.open(configPath, 'rules:\n  non-root-user: off\n', 'yaml');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    expect((await client.diagnostics(configUri)).diagnostics).toEqual([]);
    expect(summary((await client.diagnostics(dockerfileUri, (params) => params.diagnostics.length > 0)).diagnostics)).toEqual(['pinned-base-image@0:5-0:16']);

    // Settings arrive through workspace/didChangeConfiguration too: a config file named there is used.
    fs.writeFileSync(path.join(root, 'other.yaml'), 'rules:\n  pinned-base-image: off\n');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'docker-policy': { configFile: 'other.yaml' } } });
    expect((await client.diagnostics(dockerfileUri, (params) => params.diagnostics.length === 0)).diagnostics).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it('survives odd input: unsaved untitled buffers, empty and broken files, requests about unknown documents', async () => {
    const root = scratch({ '.dockerignore': IGNORE_FILE });
    client = new TestClient(root);
    await client.initialize(root, { debounceMs: 0 });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'dockerfile', version: 1, text: 'FROM node:latest\n' } });
    expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'untitled:Untitled-1' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(path.join(root, 'nowhere/Dockerfile')) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);

    const dockerfile = path.join(root, 'Dockerfile');
    await client.open(dockerfile, '');
    expect((await client.diagnostics(uriOf(dockerfile))).version).toBe(1);
    await client.change(dockerfile, 2, '\u0000\u0001FROM\n\\\nRUN <<EOF\n');
    await client.diagnostics(uriOf(dockerfile), (params) => params.version === 2);

    const compose = path.join(root, 'compose.yaml');
    await client.open(compose, 'services:\n  web: [unclosed\n', 'yaml');
    const broken = await client.diagnostics(uriOf(compose));
    expect(broken.diagnostics.map((diagnostic) => diagnostic.code)).toContain('parse-error');
    // A YAML file that is not a compose file by name is not ours.
    await client.open(path.join(root, 'values.yaml'), 'image: nginx:latest\n', 'yaml');
    const status = (await client.connection.sendRequest('docker-policy/status')) as { folders: { files: number }[] };
    expect(status.folders[0]!.files).toBeGreaterThan(0);
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });

  it('refuses to start without --stdio', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/docker-policy.js'), 'lsp'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--stdio');
  });
});
