import rule from '../../rules/pipefail.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'SHELL with pipefail', files: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg\n' },
    { name: 'SHELL inherited from the base stage; -euxo cluster', files: 'FROM alpine:3.21 AS base\nSHELL ["/bin/ash", "-euxo", "pipefail", "-c"]\nFROM base\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n' },
    { name: 'set -o pipefail earlier in the RUN', files: 'FROM debian:12-slim\nRUN set -eux -o pipefail; curl -fsSL https://example.com/a.tgz | tar -xz\n' },
    { name: 'bash -o pipefail -c', files: "FROM debian:12-slim\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/a.tgz | tar -xz'\n" },
    { name: 'pipes fed by echo cannot fail', files: 'FROM debian:12-slim\nRUN echo "$SHA256  app.tgz" | sha256sum -c - && yes | ./configure\n' },
    { name: 'PowerShell SHELL', files: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'a quoted pipe is no pipe', files: 'FROM debian:12-slim\nRUN grep -E "a|b" /etc/hosts\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL4006\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n' },
  ],
  invalid: [
    { name: 'no SHELL, && chain', files: 'FROM debian:12-slim\nRUN apt-get update && curl -fsSL https://example.com/install.sh | sh\n', errors: [{ line: 2, column: 65, message: 'failure of `curl`' }] },
    {
      name: 'SHELL does not carry to an unrelated stage; pipe on a continuation line',
      files: 'FROM debian:12-slim AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12-slim\nRUN set -eux; \\\n    find / -name "*.pyc" \\\n    | xargs rm -f\n',
      errors: [{ line: 6, column: 5, message: 'failure of `find`' }],
    },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\ncat /etc/passwd | grep app\nEOF\n', errors: [{ line: 3, column: 17 }] },
    { name: 'inside sh -c, SHELL options do not reach', files: "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN sh -c 'curl -fsSL https://example.com/a | sh'\n", errors: [{ line: 3, column: 45, message: '`sh -c`' }] },
    { name: 'set -o pipefail after the pipe is too late; ONBUILD', files: 'FROM debian:12-slim\nONBUILD RUN dpkg -l | grep ssl && set -o pipefail\n', errors: [{ line: 2, column: 21, message: '`dpkg`' }] },
  ],
});
