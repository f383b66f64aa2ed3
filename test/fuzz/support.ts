import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/**
 * Shared settings of the fuzz suite. CI runs every property with a fixed seed and a small run
 * count; `FUZZ_RUNS=20000 npx vitest run test/fuzz` runs the cheap properties that many times
 * (whole-project and CLI properties a twentieth of it), `FUZZ_SEED=…` replays or varies the seed.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const requestedRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;

/** The fast-check parameters of one property: `ciRuns` runs, or FUZZ_RUNS × `weight` when set. */
export function fuzzParameters(ciRuns: number, weight = 1): fc.Parameters<unknown> {
  const numRuns = requestedRuns ? Math.max(1, Math.round(requestedRuns * weight)) : ciRuns;
  return { seed: FUZZ_SEED, numRuns, endOnFailure: true };
}

/** Weight of properties that lint a whole project or run the CLI (each run costs ~20–100× a parse). */
export const PROJECT_WEIGHT = 1 / 20;

/** Test timeout: generous for CI's counts, unbounded for a big local run. */
export const FUZZ_TIMEOUT = requestedRuns ? 0 : 60_000;

const REPOSITORY = path.resolve(import.meta.dirname, '../..');
/** Real files the suite cuts and mutates: the project's fixtures, and the shared corpus where present. */
const SAMPLE_ROOTS = [path.join(REPOSITORY, 'fixtures'), process.env.FUZZ_CORPUS ?? '/work/shared/corpus'];
const MAX_SAMPLES_PER_KIND = 400;
const MAX_SAMPLE_BYTES = 64 * 1024;

export type SampleKind = 'dockerfile' | 'compose' | 'dockerignore' | 'shell' | 'env' | 'log' | 'config';

function kindOf(name: string): SampleKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.dockerignore')) return 'dockerignore';
  if (/^(dockerfile|containerfile)(\..+)?$/.test(lower) || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (/\.ya?ml$/.test(lower)) return lower.includes('hadolint') || lower.includes('docker-policy') ? 'config' : 'compose';
  if (/\.(sh|bash)$/.test(lower)) return 'shell';
  if (lower === '.env' || lower.endsWith('.env')) return 'env';
  if (/\.(log|txt|jsonl)$/.test(lower)) return 'log';
  return null;
}

let samples: Map<SampleKind, string[]> | undefined;

/** Texts of real files by kind, read once, in a stable order (so a seed replays the same cases). */
export function realSamples(kind: SampleKind): string[] {
  if (!samples) {
    samples = new Map();
    const visit = (directory: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(directory, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const absolute = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== '.git') visit(absolute);
          continue;
        }
        const sampleKind = entry.isFile() ? kindOf(entry.name) : null;
        if (!sampleKind) continue;
        const list = samples!.get(sampleKind) ?? [];
        if (list.length >= MAX_SAMPLES_PER_KIND) continue;
        try {
          if (fs.statSync(absolute).size <= MAX_SAMPLE_BYTES) list.push(fs.readFileSync(absolute, 'utf8'));
        } catch {
          continue;
        }
        samples!.set(sampleKind, list);
      }
    };
    for (const root of SAMPLE_ROOTS) visit(root);
  }
  return samples.get(kind) ?? [];
}

/** Characters parsers trip over: line breaks of every kind, BOM, NUL, replacement and control characters. */
const AWKWARD = ['\n', '\r\n', '\r', '\t', ' ', '\u0000', '\uFEFF', '\uFFFD', '\u2028', '\u0085', '\\', '`', '"', "'", '#', '$', '{', '}', '[', ']', ':', '=', ',', '-', '&', '*', '|', '<<', '!', '%'];

/** A real file cut at an arbitrary point, with optional damage: CRLF, a BOM, a NUL, a spliced line. */
export function truncatedSample(kind: SampleKind): fc.Arbitrary<string> {
  const texts = realSamples(kind);
  if (!texts.length) return fc.string();
  return fc
    .tuple(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('cut', 'crlf', 'bom', 'nul', 'splice', 'repeat'), fc.constantFrom(...AWKWARD))
    .map(([text, cut, at, damage, awkward]) => {
      const cutText = text.slice(0, Math.floor(text.length * cut));
      const position = Math.floor(cutText.length * at);
      switch (damage) {
        case 'crlf':
          return cutText.replace(/\n/g, '\r\n');
        case 'bom':
          return `\uFEFF${cutText}`;
        case 'nul':
          return `${cutText.slice(0, position)}\u0000${cutText.slice(position)}`;
        case 'splice':
          return `${cutText.slice(0, position)}${awkward}${text.slice(position)}`;
        case 'repeat':
          return `${cutText}${cutText.slice(position)}`;
        default:
          return cutText;
      }
    });
}

/** Bytes decoded as UTF-8 the way the engine reads files: invalid sequences become U+FFFD. */
export const invalidUtf8 = fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8'));

/** Text made of a format's own tokens and awkward characters: reaches deeper than random characters. */
export function tokenSoup(tokens: string[], maxLength = 60): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...tokens, ...AWKWARD), { maxLength }).map((parts) => parts.join(''));
}

/** Arbitrary text for one kind of file: random strings, bytes, token soup and damaged real files. */
export function hostileText(kind: SampleKind, tokens: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
    { arbitrary: invalidUtf8, weight: 1 },
    { arbitrary: tokenSoup(tokens), weight: 4 },
    { arbitrary: truncatedSample(kind), weight: 4 },
  );
}

export const DOCKERFILE_TOKENS = [
  'FROM ', 'FROM alpine:3.21 AS build\n', 'FROM build\n', 'RUN ', 'RUN apt-get update && apt-get install -y curl\n', 'COPY ', 'ADD ', '--from=', '--chmod=755 ', '--mount=type=bind,target=/x ',
  '--mount=type=cache,target=/root ', 'ARG ', 'ARG V=1\n', 'ENV ', 'LABEL ', 'EXPOSE ', '80/tcp', 'WORKDIR ', 'USER ', 'CMD ', 'ENTRYPOINT ', 'SHELL ', 'HEALTHCHECK ', 'NONE', 'ONBUILD ',
  'VOLUME ', 'STOPSIGNAL ', 'MAINTAINER ', 'AS ', 'scratch', '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '# check=skip=all;error=true\n', '# check=', '# hadolint ignore=DL3008\n',
  '# docker-policy ignore=pinned-base-image\n', '<<EOF\n', 'EOF\n', '<<-"EOT"\n', '${V:-x}', '${', '$V', '$(', ')', '["sh", "-c", "x"]', '[', '"', 'sh -c ', 'bash -c "', '&&', '||', ';', '|', '\\\n', '`\n',
  ' ./run.sh', 'x.sh', '/', '.', '..', '*', '?',
];

export const COMPOSE_TOKENS = [
  'services:\n', '  web:\n', '    image: nginx:1.27\n', '    build: .\n', '    build:\n      context: ./x\n      dockerfile: Dockerfile\n      target: t\n', '    ports:\n', '      - "80:80"\n', '      - ',
  '    depends_on:\n', '      db:\n        condition: service_healthy\n', '    extends: ', '    extends:\n      service: web\n      file: other.yaml\n', '    environment:\n', '      A: ${A:-x}\n', '      - B=$$C\n',
  '    profiles: [dev]\n', '    volumes:\n', '      - ./a:/b:ro\n', '    command: ', '    healthcheck:\n      test: ["CMD-SHELL", "curl -f x"]\n', '    deploy:\n      resources:\n        limits:\n          memory: 1G\n',
  'include:\n  - other.yaml\n', 'networks:\n', 'volumes:\n', 'x-common: &c\n', '<<: *c\n', '&a ', '*a', '!reset ', '!override ', '- ', '{', '}', '[', ']', '? ', ': ', '${', '${X:?err}', '$$', '|\n', '>-\n', '~', 'null', 'yes',
  '"', "'", '---\n', '...\n', '%YAML 1.2\n', '!!binary ', '!!map ', '  ', '    ', '\n',
];

export const SHELL_TOKENS = [
  'apt-get install -y ', 'apk add --no-cache ', 'pip install ', 'npm ci', 'curl -fsSL https://x | sh', 'sh -c "', 'bash -c \'', 'echo ', 'cd /x', 'if [ -f x ]; then ', 'fi', 'for i in a b; do ', 'done', 'case $x in a) ;; esac',
  '$(', '`', ')', '${x:-y}', '$((1+2))', '<<EOF\n', 'EOF\n', '<(', '>(', '2>&1', '>', '>>', '|', '||', '&&', '&', ';', ';;', '(', '{', '}', 'function f ', '"', "'", '\\', '\n', '#!/bin/sh\n', 'set -euo pipefail\n',
];

export const DOCKERIGNORE_TOKENS = ['**', '*', '?', '!', '/', '.', '..', '[a-z]', '[', ']', '\\', 'node_modules', '.git', '#', '\n', ' ', '*.log', '!keep.log', '**/', '/**'];

export const ENV_TOKENS = ['A=1', 'export ', 'B="x\ny"', "C='z'", 'D=${A}', '#', '=', '\n', ' ', '"', "'", '`', 'E=', 'COMPOSE_PROFILES=dev', 'COMPOSE_FILE=a.yaml:b.yaml', 'X.Y-Z=1', '\\n'];
