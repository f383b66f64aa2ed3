#!/usr/bin/env node
// Editor latency of `docker-policy lsp --stdio`: the time from textDocument/didChange to the
// publishDiagnostics for that version, editing a 300-line Dockerfile in a generated repository of
// 50 compose services (each with a Dockerfile, .dockerignore and entrypoint script). Not a test:
// it prints numbers. Usage: node bench/lsp-latency.mjs [--edits N] [--json]
// Needs the built CLI (`npm run build`). KEEP=1 leaves the generated repository in place for profiling.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const edits = Number(args[args.indexOf('--edits') + 1]) > 0 && args.includes('--edits') ? Number(args[args.indexOf('--edits') + 1]) : 25;
const asJson = args.includes('--json');
const SERVICES = 50;

function generateRepository() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dp-lsp-bench-')));
  const services = [];
  for (let index = 0; index < SERVICES; index++) {
    const name = `svc-${String(index).padStart(2, '0')}`;
    const serviceDir = path.join(dir, 'services', name);
    fs.mkdirSync(serviceDir, { recursive: true });
    fs.writeFileSync(path.join(serviceDir, '.dockerignore'), 'node_modules\n.git\n.env\n*.log\n__pycache__\n.gitignore\ndata/\n*.pkl\n');
    fs.writeFileSync(path.join(serviceDir, 'entrypoint.sh'), '#!/bin/sh\nset -e\nexec node /app/server.js "$@"\n');
    fs.writeFileSync(path.join(serviceDir, 'Dockerfile'), index === 0 ? bigDockerfile() : smallDockerfile());
    services.push(
      `  ${name}:\n    build:\n      context: ./services/${name}\n      target: runtime\n    image: registry.example.com/${name}:1.0.${index}\n` +
        (index > 0 ? `    depends_on:\n      svc-00:\n        condition: service_started\n` : '') +
        `    environment:\n      - PORT=${3000 + index}\n`,
    );
  }
  fs.writeFileSync(path.join(dir, 'compose.yaml'), `services:\n${services.join('')}`);
  fs.writeFileSync(path.join(dir, '.env'), 'TAG=1\n');
  return dir;
}

function smallDockerfile() {
  return [
    'FROM node:22-alpine AS deps',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm ci',
    'FROM node:22-alpine AS runtime',
    'WORKDIR /app',
    'COPY --from=deps /app/node_modules ./node_modules',
    'COPY . .',
    'COPY entrypoint.sh /entrypoint.sh',
    'USER node',
    'ENTRYPOINT ["/entrypoint.sh"]',
    '',
  ].join('\n');
}

/** 300 lines: stages, installs, heredocs, continuations and labels, like a large real Dockerfile. */
function bigDockerfile() {
  const lines = ['# syntax=docker/dockerfile:1', 'ARG NODE_VERSION=22', 'FROM node:${NODE_VERSION}-alpine AS deps', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci'];
  lines.push('FROM node:${NODE_VERSION}-alpine AS build', 'WORKDIR /app', 'COPY --from=deps /app/node_modules ./node_modules', 'COPY . .');
  let step = 0;
  while (lines.length < 270) {
    step++;
    lines.push(`# step ${step}`);
    lines.push(`RUN apk add --no-cache tool-${step} \\`, `    && echo "configuring ${step}" \\`, `    && mkdir -p /opt/step-${step}`);
    lines.push(`LABEL org.example.step-${step}="${step}"`);
    if (step % 5 === 0) lines.push('RUN <<EOF', `echo heredoc ${step}`, 'EOF');
  }
  lines.push('FROM node:${NODE_VERSION}-alpine AS runtime', 'WORKDIR /app', 'COPY --from=build /app/dist ./dist', 'COPY entrypoint.sh /entrypoint.sh');
  while (lines.length < 298) lines.push(`ENV SETTING_${lines.length}=value`);
  lines.push('USER node', 'ENTRYPOINT ["/entrypoint.sh"]');
  return `${lines.join('\n')}\n`;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

async function main() {
  const dir = generateRepository();
  const dockerfile = path.join(dir, 'services/svc-00/Dockerfile');
  const uri = pathToFileURL(dockerfile).href;
  const original = fs.readFileSync(dockerfile, 'utf8');
  const child = spawn(process.execPath, [path.join(root, 'bin/docker-policy.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    waiting.get(params.version)?.(params);
    waiting.delete(params.version);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {}, initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification('initialized', {});

  let started = performance.now();
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: original } });
  await opened;
  const firstLint = performance.now() - started;

  const timings = [];
  const lines = original.split('\n');
  for (let version = 2; version < edits + 2; version++) {
    // A realistic keystroke-sized edit in the middle of the file; every other one adds a finding.
    const edited = [...lines];
    edited[150] = version % 2 ? `RUN apk add curl-${version}` : `RUN apk add --no-cache curl-${version}`;
    const arrived = published(version);
    started = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited.join('\n') }] });
    await arrived;
    timings.push(performance.now() - started);
  }
  const status = await connection.sendRequest('docker-policy/status');
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);

  const sorted = [...timings].sort((a, b) => a - b);
  const folder = status.folders[0];
  const result = {
    services: SERVICES,
    files: folder.files,
    dockerfileLines: lines.length - 1,
    edits: timings.length,
    firstLintMs: Math.round(firstLint),
    medianMs: +percentile(sorted, 0.5).toFixed(1),
    p90Ms: +percentile(sorted, 0.9).toFixed(1),
    minMs: +sorted[0].toFixed(1),
    maxMs: +sorted[sorted.length - 1].toFixed(1),
    parsed: folder.parsed,
    reused: folder.reused,
  };
  if (asJson) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(
      `lsp latency: didChange → publishDiagnostics, ${result.dockerfileLines}-line Dockerfile in a ${result.services}-service repository (${result.files} files)\n` +
        `  first lint (cold, on open) ${result.firstLintMs} ms\n` +
        `  ${result.edits} edits: median ${result.medianMs} ms, p90 ${result.p90Ms} ms, min ${result.minMs} ms, max ${result.maxMs} ms\n` +
        `  files parsed ${result.parsed} (${result.files} on open + one per edit), models reused ${result.reused}\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`lsp-latency: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
