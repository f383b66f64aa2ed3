import rule from '../../rules/no-apt-cli.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: 'apt-get and apt-cache', files: 'FROM debian:12-slim\nRUN apt-get update && apt-cache policy curl\n' },
    { name: 'apt-key and apt-mark are other tools', files: 'FROM debian:12-slim\nRUN apt-mark manual curl\n' },
    { name: 'a path containing apt', files: 'FROM debian:12-slim\nRUN ls /etc/apt\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3027\nRUN apt install -y curl\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n', errors: [{ line: 2, column: 5, message: '`apt-get update`' }, { line: 2, column: 19, message: '`apt-get install`' }] },
    { name: 'search maps to apt-cache, in a continuation', files: 'FROM debian:12-slim\nRUN true \\\n && apt search curl\n', errors: [{ line: 3, column: 5, message: '`apt-cache search`' }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\napt list --installed\nEOF\n', errors: [{ line: 3, column: 1, message: 'apt-get' }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN apt install -y git\n', errors: [{ line: 2, column: 13 }] },
  ],
});

it('fixes apt install to apt-get install, and offers no fix for apt list', async () => {
  const [install] = await runRule(rule, { files: 'FROM debian:12-slim\nRUN apt install -y curl\n' });
  expect(install!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 24, end: 27, text: 'apt-get' }]);
  const [list] = await runRule(rule, { files: 'FROM debian:12-slim\nRUN apt list\n' });
  expect(list!.fix).toBeUndefined();
});
