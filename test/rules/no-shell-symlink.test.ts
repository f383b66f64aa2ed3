import rule from '../../rules/no-shell-symlink.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'SHELL instruction', files: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo ok\n' },
    { name: 'a link pointing to /bin/sh from elsewhere', files: 'FROM debian:12-slim\nRUN ln -s /bin/sh /usr/local/bin/sh\n' },
    { name: 'links into a target directory', files: 'FROM debian:12-slim\nRUN ln -sf -t /usr/local/bin /opt/app/bin/app\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL4005\nRUN ln -sf /bin/bash /bin/sh\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM debian:12-slim\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n', errors: [{ line: 2, column: 19, message: 'SHELL' }] },
    { name: 'in a continuation', files: 'FROM ubuntu:24.04\nRUN set -eux; \\\n    ln -sfn /bin/bash \\\n      /usr/bin/sh\n', errors: [{ line: 3, column: 5, message: '/usr/bin/sh' }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\nln -sf bash /bin/sh\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN ln -sf /bin/bash /bin/sh\n', errors: [{ line: 2, column: 13 }] },
  ],
});
