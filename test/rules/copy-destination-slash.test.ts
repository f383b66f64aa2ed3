import { expect, it } from 'vitest';
import rule from '../../rules/copy-destination-slash.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'one source', files: 'FROM node:22-alpine\nCOPY package.json /app\n' },
    { name: 'several sources, folder', files: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app/\n' },
    { name: 'relative folder', files: 'FROM node:22-alpine\nWORKDIR /app\nCOPY a b ./\n' },
    { name: 'the working directory', files: 'FROM node:22-alpine\nWORKDIR /app\nCOPY go.mod go.sum .\n' },
    { name: 'exec form folder', files: 'FROM node:22-alpine\nCOPY ["a", "b", "/app/"]\n' },
    { name: 'quoted folder', files: 'FROM node:22-alpine\nCOPY a b "/app/"\n' },
    { name: 'heredoc with one file', files: 'FROM alpine:3.21\nCOPY <<EOF /etc/motd\nhello\nEOF\n' },
  ],
  invalid: [
    { name: 'two sources', files: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app\n', errors: [{ line: 2, column: 37, message: 'write `/app/`' }] },
    { name: 'ADD too', files: 'FROM node:22-alpine\nADD a.tar b.tar /opt\n', errors: [{ line: 2, column: 17, message: 'ADD has 2 sources' }] },
    { name: 'exec form', files: 'FROM node:22-alpine\nCOPY ["a", "b", "/app"]\n', errors: [{ line: 2, column: 17 }] },
    { name: 'variable destination', files: 'FROM node:22-alpine\nENV DIR=/app\nCOPY a b $DIR\n', errors: [{ line: 3, column: 10 }] },
    { name: 'continuation lines', files: 'FROM node:22-alpine\nCOPY a \\\n     b \\\n     /app\n', errors: [{ line: 4, column: 6 }] },
  ],
});

it('fixes by appending a slash, inside the quotes of exec form', async () => {
  const [plain] = await runRule(rule, { files: 'FROM node:22-alpine\nCOPY a b /app\n' });
  expect(plain!.fix!.edits[0]).toMatchObject({ start: 33, end: 33, text: '/' });
  const [json] = await runRule(rule, { files: 'FROM node:22-alpine\nCOPY ["a", "b", "/app"]\n' });
  expect(json!.fix!.edits[0]).toMatchObject({ start: 41, end: 41, text: '/' });
  const [quoted] = await runRule(rule, { files: 'FROM node:22-alpine\nCOPY a b "/app"\n' });
  expect(quoted!.fix!.edits[0]).toMatchObject({ start: 34, end: 34 });
});
