import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/config/config.js';
import { readCheckDirective } from '../../src/engine/check-directive.js';
import { collectSuppressions } from '../../src/engine/suppressions.js';
import { parseCompose } from '../../src/model/compose.js';
import { parseDockerfile, shellTextOf } from '../../src/model/dockerfile.js';
import { parseDockerignore } from '../../src/model/dockerignore.js';
import { baseName } from '../../src/model/dockerfile-words.js';
import { parseShell } from '../../src/model/shell.js';
import { SourceFile } from '../../src/model/source.js';
import { withoutTrailing } from '../../src/model/trim.js';
import { builtinRules } from '../../rules/index.js';

// Regressions found by the fuzz suite's long lines: each of these took from seconds to hours on
// 200 000 characters (regexes that backtrack quadratically, recursion one level per `&&`).
const LONG = 200_000;
const spaces = ' '.repeat(LONG);
const catalog = createCatalog(builtinRules);

function fast<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(3_000);
  return result;
}

describe('work on long lines stays linear', () => {
  it('parser directives with a long run of spaces before a stray character', () => {
    const file = new SourceFile('/p/Dockerfile', 'dockerfile', `# check=skip=a${spaces}!\nFROM alpine\n`);
    expect(fast(() => readCheckDirective(file))?.skip).toEqual(new Set([`a${spaces}!`]));
    expect(fast(() => readCheckDirective(new SourceFile('/p/Dockerfile', 'dockerfile', `# check=skip=JSONArgsRecommended${spaces}\nFROM alpine\n`)))?.skip).toEqual(new Set(['JSONArgsRecommended']));
  });

  it('suppression comments with a long run of spaces', () => {
    const text = `FROM alpine\n# docker-policy ignore=no-sudo${spaces}!\nRUN sudo x\n# docker-policy ignore=no-sudo${spaces}\nRUN sudo y\n`;
    const file = new SourceFile('/p/Dockerfile', 'dockerfile', text);
    const suppressions = fast(() => collectSuppressions(parseDockerfile(file), catalog.resolveId));
    expect(suppressions.isSuppressed('no-sudo', 3)).toBe(false);
    expect(suppressions.isSuppressed('no-sudo', 5)).toBe(true);
    const compose = new SourceFile('/p/compose.yaml', 'compose', `services:\n  a:\n    image: x # docker-policy ignore=a${spaces}!\n    user: root # docker-policy ignore=no-sudo${spaces}\n`);
    const trailing = fast(() => collectSuppressions(parseCompose(compose), catalog.resolveId));
    expect(trailing.isSuppressed('no-sudo', 4)).toBe(true);
  });

  it('a backtick-escaped line with a long run of spaces', () => {
    // Compared as booleans: a failing diff of two 200 000-character strings takes minutes itself.
    expect(fast(() => shellTextOf(`echo${spaces}x\n  y`, '`')) === `echo${spaces}x\n  y`).toBe(true);
    expect(fast(() => shellTextOf(`echo${spaces}x\`${spaces}\n  y`, '`')) === `echo${spaces}x\\${spaces}\n  y`).toBe(true);
  });

  it('trailing slashes after a long run of slashes', () => {
    expect(fast(() => withoutTrailing(`a${'/'.repeat(LONG)}b//`, '/'))).toBe(`a${'/'.repeat(LONG)}b`);
    expect(fast(() => baseName(`a${'/'.repeat(LONG)}b\\/`))).toBe('b');
  });

  it('repeated ** in a .dockerignore pattern', () => {
    const model = parseDockerignore(new SourceFile('/p/.dockerignore', 'dockerignore', `${'**/'.repeat(5000)}x\n`));
    expect(fast(() => model.ignores(`${'a/'.repeat(50)}x`))).toBe(true);
    expect(fast(() => model.ignores(`${'a/'.repeat(50)}y`))).toBe(false);
  });

  it('a chain of 5 000 && parses without overflowing the stack', () => {
    const text = `${'echo x && '.repeat(5_000)}true`;
    const script = parseShell(new SourceFile('/p/run.sh', 'shell', text), text, 0);
    expect(script.commands).toHaveLength(5_001);
    expect(script.commands.slice(0, 3).map((command) => command.connector)).toEqual([null, '&&', '&&']);
    expect(script.commands[5_000]!.name).toBe('true');
  });
});

describe('deeply nested shell', () => {
  // Found with the hostile-input table: 3 000 nested subshells overflowed the stack of the command walk.
  it.each([
    ['subshells', `${'('.repeat(3000)}x${')'.repeat(3000)}`],
    ['groups', `${'{ '.repeat(3000)}x; ${'}; '.repeat(3000)}`],
    ['ifs', `${'if true; then '.repeat(2000)}x; ${'fi; '.repeat(2000)}`],
  ])('%s: no exception, and the script counts as not understood', (_name, text) => {
    const script = parseShell(new SourceFile('/p/run.sh', 'shell', text), text, 0);
    expect(script.hasSyntaxError).toBe(true);
  });

  it('a Dockerfile whose RUN nests that deep still has its other instructions checked', () => {
    const model = parseDockerfile(new SourceFile('/p/Dockerfile', 'dockerfile', `FROM alpine\nRUN ${'('.repeat(3000)}x${')'.repeat(3000)}\nUSER app\n`));
    expect(model.instructions.map((instruction) => instruction.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });
});
