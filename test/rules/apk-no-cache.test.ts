import rule from '../../rules/apk-no-cache.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: '--no-cache', files: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
    { name: 'cache mount', files: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: '--no-network fetches no index', files: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build gcc && apk add --no-network --virtual .rundeps libgcc\n' },
    { name: 'apk del is fine', files: 'FROM alpine:3.21\nRUN apk add --no-cache --virtual .build gcc && apk del .build\n' },
    { name: 'not apk', files: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
  ],
  invalid: [
    { name: 'CRLF and a byte-order mark survive the fix', files: '\uFEFFFROM alpine:3.21\r\nRUN apk add curl && apk add git\r\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 21 }], output: 'FROM alpine:3.21\r\nRUN apk add --no-cache curl && apk add --no-cache git\r\n' },
    { name: 'plain add', files: 'FROM alpine:3.21\nRUN apk add curl\n', errors: [{ line: 2, column: 5, message: '--no-cache' }], output: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
    { name: 'update then add', files: 'FROM alpine:3.21\nRUN apk update && apk add curl\n', errors: [{ line: 2, column: 5, message: 'apk update' }, { line: 2, column: 19 }] },
    { name: 'inside a continuation', files: 'FROM alpine:3.21\nRUN set -eux; \\\n    apk add \\\n      git\n', errors: [{ line: 3, column: 5 }], output: 'FROM alpine:3.21\nRUN set -eux; \\\n    apk add --no-cache \\\n      git\n' },
    { name: 'in a heredoc', files: 'FROM alpine:3.21\nRUN <<EOF\nset -e\napk add curl\nEOF\n', errors: [{ line: 4, column: 1 }], output: 'FROM alpine:3.21\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n' },
    { name: 'through sh -c', files: "FROM alpine:3.21\nRUN sh -c 'apk add curl'\n", errors: [{ line: 2, column: 12 }] },
  ],
});

it('offers a fix that inserts --no-cache after add', async () => {
  const [finding] = await runRule(rule, { files: 'FROM alpine:3.21\nRUN apk add curl\n' });
  expect(finding!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 28, end: 28, text: ' --no-cache' }]);
});
