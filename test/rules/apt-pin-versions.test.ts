import rule from '../../rules/apt-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'versions, a release pin and a local .deb', files: 'FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u12 git/bookworm-backports ./pkg.deb\n' },
    { name: 'option values are not packages', files: 'FROM debian:12-slim\nRUN apt-get install -y -t bookworm-backports -o Dpkg::Options::=--force-confold curl=7.88.1-10\n' },
    { name: 'packages in unknown variables cannot be checked', files: 'FROM debian:12-slim\nARG EXTRA\nRUN apt-get install -y $EXTRA "${RUNTIME_DEPS}" $(cat /tmp/pkgs)\n' },
    { name: 'a variable holding pinned packages', files: 'FROM debian:12-slim\nENV BUILD_DEPS="gcc=4:12.2.0-3 make=4.3-4.1"\nRUN apt-get install -y $BUILD_DEPS\n' },
    { name: 'other apt-get sub-commands', files: 'FROM debian:12-slim\nRUN apt-get purge -y curl && apt-get remove git\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update \\\n && apt-get install -y curl\n' },
    { name: 'suppressed file-wide with hadolint global ignore', files: '# hadolint global ignore=DL3008\nFROM debian:12-slim\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'each unpinned package in an && chain',
      files: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 git wget\n',
      errors: [{ line: 2, column: 81, message: '"git"' }, { line: 2, column: 85, message: '`apt-get install wget=<version>`' }],
    },
    {
      name: 'packages on continuation lines',
      files: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y \\\n      ca-certificates \\\n      tzdata=2024b-0+deb12u1\n',
      errors: [{ line: 4, column: 7, message: '"ca-certificates"' }],
    },
    { name: 'in a heredoc, behind sudo', files: 'FROM debian:12-slim\nRUN <<EOF\nsudo apt-get -y install jq\nEOF\n', errors: [{ line: 3, column: 25, message: '"jq"' }] },
    {
      name: 'packages in a variable set by the RUN or by ENV, reported at the variable',
      files: "FROM debian:12-slim\nENV RUN_DEPS libpq5\nRUN fetchDeps='wget gnupg=2.2.40-1.1'; \\\n    apt-get install -y $fetchDeps ${RUN_DEPS}\n",
      errors: [{ line: 4, column: 24, message: '"wget" (in $fetchDeps)' }, { line: 4, column: 35, message: '"libpq5" (in $RUN_DEPS)' }],
    },
    { name: 'apt install and ONBUILD', files: 'FROM debian:12-slim\nONBUILD RUN apt install -y make\n', errors: [{ line: 2, column: 28, message: 'apt install make=<version>' }] },
  ],
});
