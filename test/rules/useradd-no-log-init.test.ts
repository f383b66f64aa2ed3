import rule from '../../rules/useradd-no-log-init.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: 'a low UID', files: 'FROM debian:12-slim\nRUN useradd -u 10001 app\n' },
    { name: '-l and --no-log-init', files: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 a && useradd --no-log-init --uid=2000000 b && useradd -lu 3000000 c\n' },
    { name: 'a UID in a variable cannot be judged', files: 'FROM debian:12-slim\nRUN useradd -u "$APP_UID" app\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3046\nRUN useradd -u 1000000 app\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN groupadd -g 1000000 app && useradd -g app -u 1000000 app\n', errors: [{ line: 2, column: 32, message: 'UID 1000000' }] },
    { name: '--uid= in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    useradd --system \\\n      --uid=123456 app\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\nuseradd -m -u 4000000 dev\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN useradd -u 5000000 app\n', errors: [{ line: 2, column: 13 }] },
  ],
});

it('fixes by inserting --no-log-init after useradd', async () => {
  const [finding] = await runRule(rule, { files: 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n' });
  expect(finding!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 31, end: 31, text: ' --no-log-init' }]);
});
