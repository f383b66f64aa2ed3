import rule from '../../rules/no-sudo.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'USER switches', files: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n' },
    { name: 'installing the sudo package', files: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends sudo=1.9.13p3-1\n' },
    { name: 'gosu in the entrypoint', files: 'FROM debian:12-slim\nENTRYPOINT ["gosu", "app", "server"]\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3004\nRUN sudo make install\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN make && sudo make install\n', errors: [{ line: 2, column: 13, message: 'sudo' }] },
    { name: 'with a path, in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    /usr/bin/sudo -u app touch /tmp/x\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\nsudo apt-get update\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN sudo chown app /app\n', errors: [{ line: 2, column: 13 }] },
  ],
});
