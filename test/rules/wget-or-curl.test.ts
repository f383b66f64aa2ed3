import rule from '../../rules/wget-or-curl.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'only curl', files: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n' },
    { name: 'different stages may differ', files: 'FROM debian:12-slim AS a\nRUN curl -fsSLO https://example.com/a\nFROM alpine:3.21\nRUN wget -q https://example.com/b\n' },
    { name: 'installing both packages is not using them', files: 'FROM debian:12-slim\nRUN apt-get install -y curl=1 wget=1 && curl -fsSLO https://example.com/a\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\n# hadolint ignore=DL4001\nRUN wget -q https://example.com/b\n' },
  ],
  invalid: [
    { name: 'both in an && chain', files: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && wget -q https://example.com/b\n', errors: [{ line: 2, column: 42, message: 'already uses `curl` (line 2)' }] },
    {
      name: 'every later use is reported; continuation',
      files: 'FROM debian:12-slim\nRUN wget -q https://example.com/a\nRUN set -eux; \\\n    curl -fsSLO https://example.com/b; \\\n    wget -q https://example.com/c\n',
      errors: [{ line: 4, column: 5, message: 'already uses `wget` (line 2)' }, { line: 5, column: 5, message: 'already uses `curl` (line 4)' }],
    },
    { name: 'in a heredoc and sh -c', files: "FROM debian:12-slim\nRUN <<EOF\ncurl -fsSLO https://example.com/a\nEOF\nRUN sh -c 'wget -q https://example.com/b'\n", errors: [{ line: 5, column: 12 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -q https://example.com/b\n', errors: [{ line: 3, column: 13 }] },
  ],
});
