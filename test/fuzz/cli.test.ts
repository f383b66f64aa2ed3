import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPOSE_TOKENS, DOCKERFILE_TOKENS, DOCKERIGNORE_TOKENS, ENV_TOKENS, FUZZ_TIMEOUT, fuzzParameters, hostileText, PROJECT_WEIGHT, SHELL_TOKENS, tokenSoup } from './support.js';

// The built CLI (`npm test` builds first), run the way users run it.
const bin = path.resolve(import.meta.dirname, '../../bin/docker-policy.js');

const hostileFile = fc.oneof(
  fc.tuple(fc.constantFrom('Dockerfile', 'sub/Dockerfile'), hostileText('dockerfile', DOCKERFILE_TOKENS)),
  fc.tuple(fc.constantFrom('compose.yaml', 'compose.override.yaml'), hostileText('compose', COMPOSE_TOKENS)),
  fc.tuple(fc.constant('.dockerignore'), hostileText('dockerignore', DOCKERIGNORE_TOKENS)),
  fc.tuple(fc.constant('run.sh'), hostileText('shell', SHELL_TOKENS)),
  fc.tuple(fc.constant('.env'), hostileText('env', ENV_TOKENS)),
  fc.tuple(fc.constant('.docker-policy.yaml'), tokenSoup(['rules:\n', '  no-sudo: ', 'error\n', 'off\n', 'bogus\n', 'plugins: [./x.mjs]\n', 'settings: 5\n', 'ignore: [1]\n', 'extends: strict\n', '&a ', '*a', '- ', '{', '\n'], 12)),
);

describe('docker-policy check on a tree of hostile files', () => {
  it('exits 0, 1 or 2 with a report or a message naming a file, never a stack trace', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(hostileFile, { minLength: 1, maxLength: 6 }), (files) => {
        const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fuzz-cli-'));
        try {
          for (const [name, text] of files) {
            fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
            fs.writeFileSync(path.join(directory, name), text);
          }
          const run = spawnSync(process.execPath, [bin, 'check', '.', '--format', 'json', '--rule', 'shellcheck=off'], { cwd: directory, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
          expect(run.error, 'the run ends in time').toBeUndefined();
          expect([0, 1, 2], run.stderr).toContain(run.status);
          expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
          if (run.status === 2) {
            // A usage problem: one line per problem, each naming a file (config errors name the config).
            expect(run.stderr).toMatch(/^docker-policy: (config error: )?\S*(\.docker-policy\.yaml|Dockerfile|compose|\.dockerignore|run\.sh|\.env)\S*:/m);
          } else {
            const report = JSON.parse(run.stdout) as { findings?: unknown[] };
            expect(Array.isArray(report.findings) || Array.isArray(report)).toBe(true);
          }
        } finally {
          fs.rmSync(directory, { recursive: true, force: true });
        }
      }),
      fuzzParameters(5, PROJECT_WEIGHT / 4),
    );
  });
});
