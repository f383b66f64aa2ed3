import rule from '../../rules/apt-assume-yes.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: '-y, --yes, --assume-yes, clusters', files: 'FROM debian:12-slim\nRUN apt-get install -y a=1 && apt-get --yes install b=1 && apt-get -qy install c=1 && apt-get install --assume-yes d=1\n' },
    { name: 'quiet level 2 implies -y', files: 'FROM debian:12-slim\nRUN apt-get -qq install curl=1 && apt-get -q=2 install git=1\n' },
    { name: 'configured with -o', files: 'FROM debian:12-slim\nRUN apt-get -o APT::Get::Assume-Yes=true install curl=1\n' },
    { name: 'a simulated install never asks', files: 'FROM debian:12-slim\nRUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo ok; fi\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3014\nRUN apt-get install curl\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=1\n', errors: [{ line: 2, column: 23, message: '`apt-get install -y`' }] },
    { name: 'a single -q does not answer, in a continuation', files: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get -q install \\\n    curl=1\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install git=1\nEOF\n', errors: [{ line: 4, column: 1 }] },
    { name: 'ONBUILD and apt', files: 'FROM debian:12-slim\nONBUILD RUN apt install make=1\n', errors: [{ line: 2, column: 13, message: '`apt install -y`' }] },
  ],
});

it('fixes by inserting -y after install', async () => {
  const [finding] = await runRule(rule, { files: 'FROM debian:12-slim\nRUN apt-get install curl=1\n' });
  expect(finding!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 39, end: 39, text: ' -y' }]);
});
