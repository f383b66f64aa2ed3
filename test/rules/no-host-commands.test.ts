import rule from '../../rules/no-host-commands.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'installing the packages is fine', files: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends openssh-client=1:9.2p1-2 vim=2:9.0.1378-2 procps=2:4.0.2-3\n' },
    { name: 'ssh-keyscan is another program', files: 'FROM alpine:3.21\nRUN mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts\n' },
    { name: 'CMD may start a service', files: 'FROM debian:12-slim\nCMD service nginx start && tail -f /var/log/nginx/access.log\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3001\nRUN service postgresql start && psql -c "select 1"\n' },
  ],
  invalid: [
    { name: 'service in an && chain', files: 'FROM debian:12-slim\nRUN service mysql start && mysql < /init.sql\n', errors: [{ line: 2, column: 5, message: 'service' }] },
    { name: 'behind sudo, in a continuation', files: 'FROM debian:12-slim\nRUN set -eux; \\\n    sudo kill -9 1\n', errors: [{ line: 3, column: 10, message: '`kill`' }] },
    { name: 'in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\nset -e\nvim /etc/hosts\nps aux\nEOF\n', errors: [{ line: 4, column: 1, message: '`vim`' }, { line: 5, column: 1, message: '`ps`' }] },
    { name: 'inside sh -c', files: "FROM debian:12-slim\nRUN sh -c 'mount -t tmpfs none /mnt'\n", errors: [{ line: 2, column: 12, message: '`mount`' }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN ifconfig eth0 up\n', errors: [{ line: 2, column: 13, message: '`ifconfig`' }] },
  ],
});
