import rule from '../../rules/no-dist-upgrade.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'apt-get upgrade is accepted (hadolint 2.x)', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade\n' },
    { name: 'a package named dist-upgrade is not the sub-command', files: 'FROM debian:12-slim\nRUN apt-get install -y dist-upgrade=1\n' },
    { name: 'other tools', files: 'FROM debian:12-slim\nRUN do-release-upgrade --help\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3005\nRUN apt-get -y dist-upgrade\n' },
  ],
  invalid: [
    { name: 'in an && chain with options first', files: 'FROM debian:12-slim\nRUN apt-get update && apt-get -qy dist-upgrade\n', errors: [{ line: 2, column: 23, message: 'apt-get dist-upgrade' }] },
    { name: 'in a continuation', files: 'FROM debian:12-slim\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get -y \\\n    dist-upgrade\n', errors: [{ line: 3, column: 36 }] },
    { name: 'apt full-upgrade in a heredoc', files: 'FROM debian:12-slim\nRUN <<EOF\napt full-upgrade -y\nEOF\n', errors: [{ line: 3, column: 1, message: 'apt full-upgrade' }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM debian:12-slim\nONBUILD RUN apt-get dist-upgrade -y\n', errors: [{ line: 2, column: 13 }] },
  ],
});
