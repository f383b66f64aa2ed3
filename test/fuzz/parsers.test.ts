import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBuildLog } from '../../src/buildkit/parse-log.js';
import { createCatalog } from '../../src/config/config.js';
import { translateHadolintConfig } from '../../src/config/hadolint.js';
import { ConfigError } from '../../src/config/config.js';
import { parseCheckOptions, readCheckDirective } from '../../src/engine/check-directive.js';
import { collectSuppressions } from '../../src/engine/suppressions.js';
import { parseCompose } from '../../src/model/compose.js';
import { parseDockerfile } from '../../src/model/dockerfile.js';
import { parseDockerignore } from '../../src/model/dockerignore.js';
import { parseEnvFile } from '../../src/model/env-file.js';
import { parseShell } from '../../src/model/shell.js';
import { SourceFile, type FileKind, type Range } from '../../src/model/source.js';
import { expandVariables } from '../../src/model/variables.js';
import { builtinRules } from '../../rules/index.js';
import { COMPOSE_TOKENS, DOCKERFILE_TOKENS, DOCKERIGNORE_TOKENS, ENV_TOKENS, FUZZ_TIMEOUT, fuzzParameters, hostileText, SHELL_TOKENS, tokenSoup, truncatedSample } from './support.js';

const catalog = createCatalog(builtinRules);
/** A parse of a few hundred characters takes well under this; more means super-linear work. */
const PARSE_BUDGET_MS = 5_000;

function source(kind: FileKind, text: string, name = 'Dockerfile'): SourceFile {
  return new SourceFile(`/fuzz/${name}`, kind, text, name);
}

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started, 'bounded parse time').toBeLessThan(PARSE_BUDGET_MS);
  return result;
}

/** Ranges point into the file (a line past the end is where an unterminated construct ends). */
function expectInFile(file: SourceFile, range: Range | null | undefined, what: string): void {
  if (!range) return;
  for (const position of [range.start, range.end]) {
    expect(position.line, `${what} line`).toBeGreaterThanOrEqual(1);
    expect(position.line, `${what} line`).toBeLessThanOrEqual(file.lineCount + 1);
    expect(position.column, `${what} column`).toBeGreaterThanOrEqual(1);
  }
}

describe('parsers never throw on hostile input', () => {
  it('Dockerfile model', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(hostileText('dockerfile', DOCKERFILE_TOKENS), (text) => {
        const file = source('dockerfile', text);
        const model = timed(() => parseDockerfile(file));
        for (const instruction of model.instructions) {
          expectInFile(file, instruction.range, instruction.keyword);
          if (instruction.shell) {
            expect(instruction.shell.start).toBeGreaterThanOrEqual(0);
            expect(instruction.shell.end).toBeLessThanOrEqual(text.length + 1);
          }
        }
        // The model feeds these directly: they must hold up too.
        readCheckDirective(file);
        const suppressions = collectSuppressions(model, catalog.resolveId);
        suppressions.isSuppressed('pinned-base-image', 1);
      }),
      fuzzParameters(300),
    );
  });

  it('compose file model (YAML, aliases, services, shell in commands)', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(hostileText('compose', COMPOSE_TOKENS), fc.dictionary(fc.constantFrom('A', 'X', 'COMPOSE_PROFILES'), fc.string({ maxLength: 20 })), (text, environment) => {
        const file = source('compose', text, 'compose.yaml');
        const model = timed(() => parseCompose(file, environment));
        for (const problem of model.problems) expectInFile(file, problem.range, 'problem');
        collectSuppressions(model, catalog.resolveId);
      }),
      fuzzParameters(300),
    );
  });

  it('.dockerignore (patterns and matching)', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(hostileText('dockerignore', DOCKERIGNORE_TOKENS), tokenSoup(DOCKERIGNORE_TOKENS, 12), (text, probe) => {
        const file = source('dockerignore', text, '.dockerignore');
        const model = timed(() => parseDockerignore(file));
        for (const pattern of model.patterns) expectInFile(file, pattern.range, 'pattern');
        timed(() => model.ignores(probe));
      }),
      fuzzParameters(300),
    );
  });

  it('env files', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(hostileText('env', ENV_TOKENS), (text) => {
        const file = source('env', text, '.env');
        const model = timed(() => parseEnvFile(file));
        for (const line of Object.values(model.lines)) expect(line).toBeLessThanOrEqual(file.lineCount);
      }),
      fuzzParameters(300),
    );
  });

  it('shell scripts (tree-sitter)', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(hostileText('shell', SHELL_TOKENS), (text) => {
        const file = source('shell', text, 'run.sh');
        const script = timed(() => parseShell(file, text.replace(/\r/g, ' '), 0));
        for (const command of script.commands) {
          expect(command.start).toBeGreaterThanOrEqual(0);
          expect(command.end).toBeLessThanOrEqual(text.length);
          for (const word of command.argv) expect(word.end).toBeLessThanOrEqual(text.length);
        }
      }),
      fuzzParameters(300),
    );
  });

  it('variable expansion (Dockerfile and compose syntax)', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(tokenSoup(['$', '$$', '{', '}', ':-', ':+', ':?', '-', '+', '?', 'A', 'B_1', '\\', '`', '"', "'", 'x']), fc.boolean(), fc.constantFrom('\\', '`'), (text, dollarDollar, escapeChar) => {
        const expansion = timed(() => expandVariables(text, (name) => (name === 'A' ? 'a$B' : undefined), { dollarDollar, escapeChar }));
        expect(typeof expansion.value).toBe('string');
      }),
      fuzzParameters(300),
    );
  });

  it('BuildKit logs (plain, rawjson, compose)', { timeout: FUZZ_TIMEOUT }, () => {
    const logTokens = ['#1 [internal] load build definition from Dockerfile\n', '#5 [build 2/4] RUN npm ci\n', '#5 DONE 0.3s\n', '#5 CACHED\n', '#5 ERROR: process "/bin/sh -c x" did not complete successfully\n', '#5 0.123 output\n',
      '#5 sha256:abc\n', 'api  | ', '[api] ', '\u001b[31m', '\u001b]8;;x\u0007', '2024-05-01T10:11:12.1234567Z ', '{"vertexes":[{"digest":"sha256:a","name":"[a 1/2] RUN x","started":"2024-01-01T00:00:00Z"}]}\n',
      '{"logs":[{"vertex":"sha256:a","data":"aGk="}]}\n', '{"statuses":[]}\n', '{', '}', '------\n', ' > [build 2/4] RUN npm ci:\n', 'CANCELED\n', '#', '\n', '\r\n'];
    fc.assert(
      fc.property(fc.oneof(hostileText('log', logTokens), tokenSoup(logTokens, 40)), (log) => {
        const parsed = timed(() => parseBuildLog(log));
        for (const step of parsed.steps) expect(step.line).toBeGreaterThanOrEqual(0);
      }),
      fuzzParameters(300),
    );
  });

  it('hadolint config: a translation or a ConfigError naming the file', { timeout: FUZZ_TIMEOUT }, () => {
    const hadolintTokens = ['ignored:\n', '  - DL3008\n', '  - SC2086\n', 'override:\n', '  error:\n', '    - DL3006\n', 'trustedRegistries:\n', '  - docker.io\n', 'label-schema:\n', '  author: text\n', '  version: semver\n',
      'strict-labels: true\n', 'failure-threshold: ', 'warning\n', 'no-fail: ', 'disable-ignore-pragma: yes\n', 'format: json\n', '- ', '{', '}', '[', ']', ': ', '&a ', '*a', '~', '1', 'nonsense: 3\n'];
    fc.assert(
      fc.property(fc.oneof(hostileText('config', hadolintTokens), tokenSoup(hadolintTokens, 30)), (text) => {
        try {
          timed(() => translateHadolintConfig(text, '/fuzz/.hadolint.yaml', catalog));
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).toContain('/fuzz/.hadolint.yaml');
        }
      }),
      fuzzParameters(300),
    );
  });

  it('# check= directive options', { timeout: FUZZ_TIMEOUT }, () => {
    const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
    fc.assert(
      fc.property(tokenSoup(['skip', 'error', 'experimental', '=', ';', ',', 'all', 'true', 'false', 'JSONArgsRecommended', ' ', 'x']), (value) => {
        const directive = timed(() => parseCheckOptions(value, range));
        expect(directive.problem === null || typeof directive.problem === 'string').toBe(true);
      }),
      fuzzParameters(300),
    );
  });
});

describe('real files cut at arbitrary points', () => {
  it('parse as Dockerfiles, compose files and scripts without throwing', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(truncatedSample('dockerfile'), truncatedSample('compose'), truncatedSample('shell'), (dockerfile, compose, script) => {
        parseDockerfile(source('dockerfile', dockerfile));
        parseCompose(source('compose', compose, 'compose.yaml'));
        parseShell(source('shell', script, 'run.sh'), script.replace(/\r/g, ' '), 0);
      }),
      fuzzParameters(200),
    );
  });
});
