import rule from '../../rules/apt-lists-cleanup.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'rm -rf in the same RUN', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'rm -fr of the directory, in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl=1\nrm -fr /var/lib/apt/lists\nEOF\n' },
    { name: 'cache mount on /var/lib/apt', files: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl=1\n' },
    { name: 'tmpfs mount on the lists', files: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl=1\n' },
    { name: 'a stage that only feeds COPY --from', files: 'FROM debian:12-slim AS fetch\nRUN apt-get update && apt-get install -y curl=1\nFROM debian:12-slim\nCOPY --from=fetch /usr/bin/curl /usr/bin/curl\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3009\nRUN apt-get update\n' },
  ],
  invalid: [
    { name: 'no clean-up in an && chain', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=1\n', errors: [{ line: 2, column: 5, message: 'rm -rf /var/lib/apt/lists/*' }] },
    {
      name: 'clean-up in a later RUN is too late; continuation lines',
      files: 'FROM debian:12-slim\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y curl=1\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 3, column: 5 }],
    },
    { name: 'in a heredoc of a stage used as a base', files: 'FROM debian:12-slim AS base\nRUN <<EOF\napt update\napt install -y curl=1\nEOF\nFROM base\nCMD ["curl"]\n', errors: [{ line: 3, column: 1, message: '`apt update`' }] },
    {
      name: 'a compose build target counts as shipped',
      files: {
        'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n',
        Dockerfile: 'FROM debian:12-slim AS dev\nRUN apt-get update && apt-get install -y gdb=1\nFROM debian:12-slim\nCMD ["true"]\n',
      },
      errors: [{ file: 'Dockerfile', line: 2, column: 5 }],
    },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim AS fetch\nONBUILD RUN apt-get update\nFROM debian:12-slim\n', errors: [{ line: 2, column: 13 }] },
    { name: 'a cache mount elsewhere does not count', files: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n', errors: [{ line: 2, column: 46 }] },
  ],
});
