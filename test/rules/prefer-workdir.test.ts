import rule from '../../rules/prefer-workdir.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'WORKDIR', files: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n' },
    { name: 'directory options instead of cd', files: 'FROM debian:12-slim\nRUN make -C /src && tar -C /opt -xf /tmp/x.tar\n' },
    { name: 'cd inside a command substitution computes a path', files: 'FROM debian:12-slim\nRUN DIR="$(cd "$(dirname /opt/app/run.sh)" && pwd)" && echo "$DIR"\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3003\nRUN cd /tmp && make\n' },
  ],
  invalid: [
    { name: 'cd in an && chain', files: 'FROM node:22-slim\nRUN cd /app && npm ci\n', errors: [{ line: 2, column: 5, message: '`WORKDIR /app`' }] },
    { name: 'in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    cd /usr/src/app; \\\n    make\n', errors: [{ line: 3, column: 5, message: 'cd /usr/src/app' }] },
    { name: 'in a heredoc and a subshell', files: 'FROM debian:12-slim\nRUN <<EOF\n(cd /src && make)\ncd -\nEOF\n', errors: [{ line: 3, column: 2 }, { line: 4, column: 1, message: 'WORKDIR <dir>' }] },
    { name: 'inside sh -c', files: "FROM debian:12-slim\nRUN sh -c 'cd /src && make'\n", errors: [{ line: 2, column: 12 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN cd /app && make\n', errors: [{ line: 2, column: 13 }] },
  ],
});
