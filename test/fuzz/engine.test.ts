import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';
import { COMPOSE_TOKENS, DOCKERFILE_TOKENS, DOCKERIGNORE_TOKENS, ENV_TOKENS, FUZZ_TIMEOUT, fuzzParameters, hostileText, PROJECT_WEIGHT, SHELL_TOKENS, tokenSoup } from './support.js';

// Every rule on (shellcheck aside: it runs an external program per script, which is not what is fuzzed here).
const ALL_RULES = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.id === 'shellcheck' ? 'off' : 'warning'] as const));
/** A whole project of small files; several seconds means something went super-linear. */
const PROJECT_BUDGET_MS = 15_000;

const FILE_KINDS = [
  { names: ['Dockerfile', 'app.Dockerfile', 'Containerfile', 'Dockerfile.dev'], text: hostileText('dockerfile', DOCKERFILE_TOKENS) },
  { names: ['compose.yaml', 'compose.override.yaml', 'docker-compose.yml', 'other.yaml'], text: hostileText('compose', COMPOSE_TOKENS) },
  { names: ['.dockerignore', 'Dockerfile.dockerignore'], text: hostileText('dockerignore', DOCKERIGNORE_TOKENS) },
  { names: ['run.sh', 'x.sh', 'entrypoint.bash'], text: hostileText('shell', SHELL_TOKENS) },
  { names: ['.env'], text: hostileText('env', ENV_TOKENS) },
];

/** Raw bytes on disk (invalid UTF-8, NUL, a UTF-16 BOM), not text encoded as UTF-8. */
const rawBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes));

/** Up to eight files in up to two directories, each of a kind the engine discovers, with hostile text or bytes. */
const hostileProject = fc.array(
  fc.constantFrom(...FILE_KINDS).chain((kind) => fc.tuple(fc.constantFrom('', 'a/', 'a/b/'), fc.constantFrom(...kind.names), fc.oneof({ arbitrary: kind.text, weight: 5 }, { arbitrary: rawBytes, weight: 1 }))),
  { minLength: 1, maxLength: 8 },
);

function writeTree(files: [string, string, string | Buffer][]): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fuzz-'));
  for (const [folder, name, text] of files) {
    fs.mkdirSync(path.join(directory, folder), { recursive: true });
    fs.writeFileSync(path.join(directory, folder, name), text);
  }
  // A healthy file in its own directory: it must be checked whatever its neighbours hold.
  fs.mkdirSync(path.join(directory, 'healthy'));
  fs.writeFileSync(path.join(directory, 'healthy', 'Dockerfile'), 'FROM ubuntu\n');
  return directory;
}

describe('the engine on projects of arbitrary files', () => {
  it('never throws, never reports an internal error, and still checks the healthy file', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileProject, async (files) => {
        const directory = writeTree(files);
        try {
          const started = performance.now();
          const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, cliRules: ALL_RULES });
          expect(performance.now() - started, 'bounded time').toBeLessThan(PROJECT_BUDGET_MS);
          expect(result.internalErrors).toEqual([]);
          expect(result.pathErrors).toEqual([]);
          // "cannot parse …" is a parser that threw: caught by the engine, but still a bug.
          expect(result.findings.filter((finding) => finding.ruleId === 'parse-error' && finding.message.startsWith('cannot parse'))).toEqual([]);
          expect(result.findings.some((finding) => finding.file === 'healthy/Dockerfile' && finding.ruleId === 'pinned-base-image')).toBe(true);
          for (const finding of result.findings) {
            const text = fs.readFileSync(path.join(directory, finding.file), 'utf8');
            const lines = text.split('\n').length;
            expect(finding.line, `${finding.ruleId} in ${finding.file}`).toBeGreaterThanOrEqual(1);
            expect(finding.line, `${finding.ruleId} in ${finding.file}`).toBeLessThanOrEqual(lines + 1);
            expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
            for (const edit of finding.fix?.edits ?? []) {
              expect(edit.start).toBeGreaterThanOrEqual(0);
              expect(edit.end).toBeLessThanOrEqual(text.length);
              expect(edit.start).toBeLessThanOrEqual(edit.end);
            }
          }
        } finally {
          fs.rmSync(directory, { recursive: true, force: true });
        }
      }),
      fuzzParameters(40, PROJECT_WEIGHT),
    );
  });
});

const CONFIG_TOKENS = [
  'extends: ', 'recommended', 'strict', 'all', '[]', './other.yaml', 'rules:\n', '  pinned-base-image: ', 'error', 'off', 'warn', 'bogus', '  DL3008: ', '  no-such-rule: error\n', '  label-required: [error, {labels: [a]}]\n',
  '  label-required: {severity: error, options: 5}\n', 'overrides:\n', '  - files: ["**/Dockerfile"]\n    rules: {no-sudo: off}\n', '  - 5\n', 'ignore: ', '["**/ignored/**"]', 'settings:\n', '  compose: ', '  trustedRegistries: ',
  '  labelSchema: ', '  strictLabels: ', '  shellcheck: ', '{files: [compose.yaml], profiles: [dev], envFiles: .env}', '{path: /nonexistent}', '[docker.io]', '{author: text, version: semver}', 'yes', '5', '~', '"x"', '[1, {a: b}]',
  'plugins: ', 'root: true\n', 'unknown: 1\n', '\n', '  ', '- ', '{', '}', '&a ', '*a', ': ',
];

describe('hostile configuration files', () => {
  it('give a result, or a ConfigError naming the config file; never a crash or an internal error', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(tokenSoup(CONFIG_TOKENS, 30), fc.constantFrom('.docker-policy.yaml', '.docker-policy.json'), async (config, name) => {
        const directory = writeTree([['', 'compose.yaml', 'services:\n  web:\n    image: nginx\n'], ['', '.dockerignore', 'node_modules\n']]);
        fs.writeFileSync(path.join(directory, name), config);
        try {
          const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
          expect(result.internalErrors).toEqual([]);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).file).toBe(path.join(directory, name));
        } finally {
          fs.rmSync(directory, { recursive: true, force: true });
        }
      }),
      fuzzParameters(40, PROJECT_WEIGHT),
    );
  });
});
