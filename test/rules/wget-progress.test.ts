import rule from '../../rules/wget-progress.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '--progress', files: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n' },
    { name: 'quiet, also in a cluster; -nv', files: 'FROM debian:12-slim\nRUN wget -qO- https://example.com/a.sh | sh && wget -nv https://example.com/b.tgz && wget --quiet https://example.com/c\n' },
    { name: 'logging to a file', files: 'FROM debian:12-slim\nRUN wget -o /tmp/wget.log https://example.com/a.tgz && wget --append-output=/tmp/log https://example.com/b\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3047\nRUN wget https://example.com/a.tgz\n' },
  ],
  invalid: [
    { name: 'in an && chain; -O takes a value', files: 'FROM debian:12-slim\nRUN mkdir /opt/x && wget -O /opt/x/a.tgz https://example.com/a.tgz\n', errors: [{ line: 2, column: 21, message: '--progress=dot:giga' }] },
    { name: 'in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    wget \\\n      https://example.com/a.tgz\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\nwget -c https://example.com/big.iso\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN wget https://example.com/a.tgz\n', errors: [{ line: 2, column: 13 }] },
  ],
});
