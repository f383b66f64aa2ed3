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
      // The healthy file is still checked.
      expect(result.findings.some((finding) => finding.file === 'ok.Dockerfile' && finding.ruleId === 'pinned-base-image')).toBe(true);
    });
  }
});
