import rule from '../../rules/apt-no-install-recommends.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: 'the flag', files: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl=1\n' },
    { name: 'the option', files: 'FROM debian:12-slim\nRUN apt-get install -y -o APT::Install-Recommends=false curl=1\n' },
    {
      name: 'configured in an earlier RUN of a parent stage',
      files: 'FROM debian:12-slim AS base\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nFROM base\nRUN apt-get install -y curl=1\n',
    },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3015\nRUN apt-get install -y curl=1\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=1\n', errors: [{ line: 2, column: 23, message: '--no-install-recommends' }] },
    { name: 'in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    apt-get install -y \\\n      curl=1\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\napt-get install -y git=1\nEOF\n', errors: [{ line: 3, column: 1 }] },
    {
      name: 'a configuration written after the install does not count; ONBUILD is checked',
      files: 'FROM debian:12-slim\nONBUILD RUN apt-get install -y make=1\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\n',
      errors: [{ line: 2, column: 13 }],
    },
  ],
});

it('fixes by inserting --no-install-recommends after install', async () => {
  const [finding] = await runRule(rule, { files: 'FROM debian:12-slim\nRUN apt-get install -y curl=1\n' });
  expect(finding!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 39, end: 39, text: ' --no-install-recommends' }]);
});
