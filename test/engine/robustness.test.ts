import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';

const NASTY_INPUTS: [string, string][] = [
  ['empty', ''],
  ['only comments', '# nothing here\n# at all\n'],
  ['NUL bytes and invalid UTF-8', 'FROM \u0000alpine\n\uFFFD\uFFFD RUN \u0000\n'],
  ['BOM and CRLF', '\uFEFFFROM alpine:3.21\r\nRUN apk add \\\r\n  curl\r\n'],
  ['unterminated heredoc', 'FROM alpine:3.21\nRUN <<EOF\necho never closed\n'],
  ['unknown instructions', 'FROM alpine:3.21\nFROBNICATE now\nRUN\nCOPY\nUSER\n'],
  ['escape backtick', '# escape=`\nFROM alpine:3.21\nRUN echo `\n  ok\n'],
  ['unbalanced quotes', 'FROM alpine:3.21\nRUN echo "unterminated && apk add curl\n'],
  ['long single line', `FROM alpine:3.21\nRUN ${'echo x && '.repeat(20000)}true\n`],
  ['yaml list', '- a\n- b\n'],
  ['yaml scalar', 'just a string\n'],
  ['yaml alias bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nservices:\n  x:\n    image: *c\n'],
  ['services as a list', 'services:\n  - web\n  - db\n'],
  ['service body is a scalar', 'services:\n  web: nginx\n  db:\n'],
  ['lone carriage returns', 'FROM alpine:3.21\rRUN apk add curl\r\rCOPY a b\r'],
  ['only a BOM', '\uFEFF'],
  ['deep flow nesting', `services: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
  ['billion laughs', `a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n${Array.from({ length: 8 }, (_, level) => `${String.fromCharCode(98 + level)}: &${String.fromCharCode(98 + level)} [${Array(9).fill(`*${String.fromCharCode(97 + level)}`).join(',')}]`).join('\n')}\nservices:\n  x:\n    image: *i\n`],
  ['alias to a missing anchor', 'services:\n  x: *nowhere\n'],
  ['tags and directives', '%YAML 1.2\n---\n!!map\nservices: !!binary aGVsbG8=\n...\n---\nsecond: document\n'],
  ['many spaces before a bad character in directives', `# check=skip=a${' '.repeat(30000)}!\n# docker-policy ignore=x${' '.repeat(30000)}!\nFROM alpine:3.21 # docker-policy ignore=y${' '.repeat(30000)}!\n`],
  ['backtick escape with trailing spaces', `# escape=\`\nFROM alpine:3.21\nRUN echo${' '.repeat(30000)}x\`\n  y\n`],
  ['slashes without end', `FROM alpine:3.21\nCOPY a${'/'.repeat(30000)}b /x/\nRUN --mount=type=cache,target=/a${'/'.repeat(30000)}b true\n`],
  ['repeated ** in ignore patterns', `${'**/'.repeat(5000)}x\n`],
  ['deep nesting', `${'a:\n'.replace(/\n$/, '')}${Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth + 1)}k${depth}:`).join('\n')}\n`],
];

describe('no input crashes the engine', () => {
  for (const [name, text] of NASTY_INPUTS) {
    it(`survives ${name} as every kind of file`, async () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-nasty-'));
      for (const file of ['Dockerfile', 'compose.yaml', '.dockerignore', 'run.sh', '.env']) fs.writeFileSync(path.join(directory, file), text);
      fs.writeFileSync(path.join(directory, 'ok.Dockerfile'), 'FROM ubuntu\n');
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, cliRules: Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'warning'])) });
      fs.rmSync(directory, { recursive: true, force: true });
      expect(result.internalErrors).toEqual([]);
      // "cannot parse …" is a parser that threw: the engine catches it, but it is a bug all the same.
      expect(result.findings.filter((finding) => finding.message.startsWith('cannot parse'))).toEqual([]);
      // The healthy file is still checked.
      expect(result.findings.some((finding) => finding.file === 'ok.Dockerfile' && finding.ruleId === 'pinned-base-image')).toBe(true);
    });
  }
});

const MEGABYTE = 1024 * 1024;

/** Lint a tree with every rule on (shellcheck aside: it runs a program); fails past `budgetMs`. */
async function lintTree(files: Record<string, string>, budgetMs = 20_000) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-huge-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), text);
  }
  fs.mkdirSync(path.join(directory, 'healthy'));
  fs.writeFileSync(path.join(directory, 'healthy/Dockerfile'), 'FROM ubuntu\n');
  const started = performance.now();
  try {
    const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, cliRules: Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.id === 'shellcheck' ? 'off' : 'warning'])) });
    expect(performance.now() - started, 'bounded time').toBeLessThan(budgetMs);
    expect(result.internalErrors).toEqual([]);
    expect(result.findings.some((finding) => finding.file === 'healthy/Dockerfile' && finding.ruleId === 'pinned-base-image')).toBe(true);
    return { directory, result };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const parseErrors = (result: Awaited<ReturnType<typeof lintTree>>['result'], file: string) => result.findings.filter((finding) => finding.file === file && finding.ruleId === 'parse-error');

describe('huge inputs take bounded time and say why they are not checked', () => {
  // Before the size limits, these took from 10 s to many minutes (super-linear parsing and regexes).
  it('a 1 MB single-line RUN gets one parse-error at its line (Docker refuses lines of 64 KiB)', async () => {
    const { result } = await lintTree({ Dockerfile: `FROM alpine:3.21\nRUN ${'echo x && '.repeat(MEGABYTE / 10)}true\n` });
    expect(parseErrors(result, 'Dockerfile').map((finding) => [finding.line, finding.message])).toEqual([[2, expect.stringMatching(/^line 2 is 1024 KiB long; Docker's parsers refuse lines of 64 KiB or more/)]]);
  });

  it('a RUN continued over many lines past 64 KiB gets one parse-error at its first line', async () => {
    const { result } = await lintTree({ 'app.Dockerfile': `FROM alpine:3.21\nRUN ${'echo x && \\\n'.repeat(8000)}true\n` });
    expect(parseErrors(result, 'app.Dockerfile').map((finding) => [finding.line, finding.message])).toEqual([[2, expect.stringMatching(/^the instruction at line 2 is \d+ KiB long; docker-policy checks instructions up to 64 KiB/)]]);
  });

  it('files over 256 KiB or with a line of 64 KiB get one parse-error, whatever their kind', async () => {
    const { result } = await lintTree({
      Dockerfile: `FROM alpine:3.21\n${'RUN true\n'.repeat(40000)}`,
      'compose.yaml': `services:\n  web:\n    image: "${'x'.repeat(MEGABYTE)}"\n`,
      'run.sh': 'echo x\n'.repeat(60000),
      '.env': `A=${'x'.repeat(300_000)}\n`,
    });
    expect(parseErrors(result, 'Dockerfile')[0]?.message).toMatch(/^the file is 352 KiB; docker-policy checks files up to 256 KiB/);
    expect(parseErrors(result, 'compose.yaml')[0]?.message).toMatch(/^line 3 is 1024 KiB long/);
    expect(parseErrors(result, 'run.sh')[0]?.message).toMatch(/^the file is 411 KiB/);
    expect(parseErrors(result, '.env')[0]?.message).toMatch(/^line 1 is 293 KiB long/);
  });

  it('a compose scalar of 60 KiB and a long && chain just under the limits are checked, in bounded time', async () => {
    const { result } = await lintTree({
      'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    command: "${'a '.repeat(30000)}"\n`,
      Dockerfile: `FROM alpine:3.21\nRUN ${'echo x && '.repeat(4000)}apt-get install curl\n`,
    });
    expect(parseErrors(result, 'compose.yaml')).toEqual([]);
    expect(result.findings.some((finding) => finding.file === 'Dockerfile' && finding.ruleId === 'apt-assume-yes')).toBe(true);
  });
});

describe('hostile file trees', () => {
  const isRoot = process.getuid?.() === 0;

  it('does not follow symbolic link loops, and checks the rest', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-links-'));
    try {
      fs.mkdirSync(path.join(directory, 'a'));
      fs.symlinkSync('..', path.join(directory, 'a/up'));
      fs.symlinkSync('loop2.Dockerfile', path.join(directory, 'loop1.Dockerfile'));
      fs.symlinkSync('loop1.Dockerfile', path.join(directory, 'loop2.Dockerfile'));
      fs.symlinkSync('nowhere', path.join(directory, 'dangling.Dockerfile'));
      fs.writeFileSync(path.join(directory, 'a/Dockerfile'), 'FROM ubuntu\n');
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
      expect(result.checkedFiles).toEqual(['a/Dockerfile']);
      expect(result.internalErrors).toEqual([]);
      // Named on the command line, a looping link is an error naming it.
      const named = await lint({ cwd: directory, paths: ['loop1.Dockerfile', 'a'], rules: builtinRules });
      expect(named.pathErrors).toEqual([{ path: 'loop1.Dockerfile', message: expect.stringMatching(/ELOOP/) }]);
      expect(named.checkedFiles).toEqual(['a/Dockerfile']);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  // Root reads a chmod 000 file anyway (CI runs as root): this case can only be tested as another user.
  it.skipIf(isRoot)('reports a file it cannot read by name, and checks the rest (chmod 000; skipped when running as root, who can read it)', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-unreadable-'));
    try {
      fs.writeFileSync(path.join(directory, 'Dockerfile'), 'FROM ubuntu\n');
      fs.mkdirSync(path.join(directory, 'b'));
      fs.writeFileSync(path.join(directory, 'b/Dockerfile'), 'FROM ubuntu\n');
      fs.chmodSync(path.join(directory, 'Dockerfile'), 0o000);
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
      expect(result.pathErrors).toEqual([{ path: 'Dockerfile', message: expect.stringMatching(/^cannot read: EACCES/) }]);
      expect(result.findings.some((finding) => finding.file === 'b/Dockerfile')).toBe(true);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  // The same path for root: a file that exists and fails to read (Linux's /proc/self/mem reads fail with EIO at offset 0).
  it.skipIf(process.platform !== 'linux')('reports a file whose read fails by name, as any user, and checks the rest', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-eio-'));
    try {
      fs.symlinkSync('/proc/self/mem', path.join(directory, 'Dockerfile'));
      fs.mkdirSync(path.join(directory, 'b'));
      fs.writeFileSync(path.join(directory, 'b/Dockerfile'), 'FROM ubuntu\n');
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
      expect(result.pathErrors).toEqual([{ path: 'Dockerfile', message: expect.stringMatching(/^cannot read: EIO/) }]);
      expect(result.findings.some((finding) => finding.file === 'b/Dockerfile')).toBe(true);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')('does not block on a FIFO where a .dockerignore or script is expected', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-fifo-'));
    try {
      fs.writeFileSync(path.join(directory, 'Dockerfile'), 'FROM ubuntu\nCOPY run.sh /run.sh\nRUN /run.sh\n');
      for (const name of ['.dockerignore', 'run.sh', 'compose.yaml']) execFileSync('mkfifo', [path.join(directory, name)]);
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
      expect(result.findings.some((finding) => finding.file === 'Dockerfile' && finding.ruleId === 'pinned-base-image')).toBe(true);
      expect(result.pathErrors.map((error) => error.path).sort()).toEqual(['.dockerignore', 'run.sh']);
      expect(result.pathErrors[0]!.message).toBe('cannot read: not a regular file (a pipe, socket or device)');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
