import rule from '../../rules/zypper-pinned-packages.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '= and comparisons', files: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 'git>=2.43' 'vim<10'\n" },
    { name: 'rpm files', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in /tmp/app-1.0.rpm\n' },
    { name: 'patterns are not packages', files: 'FROM opensuse/leap:15.6\nRUN zypper -n install -t pattern devel_basis\n' },
    { name: 'repository option values are not packages', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in --from oss -r extra curl=8.6.0\n' },
    { name: 'variables are not judged', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in "$PACKAGES"\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n', errors: [{ line: 2, column: 23, message: 'Pin the version of `curl`: `zypper install curl=<version>`' }] },
    { name: 'in an && chain', files: 'FROM opensuse/leap:15.6\nRUN zypper -n ref && zypper -n in git=2.43 vim && zypper clean\n', errors: [{ line: 2, column: 44, message: '`zypper in vim=<version>`' }] },
    { name: 'in a continuation', files: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install \\\n      curl=8.6.0 \\\n      gzip\n', errors: [{ line: 4, column: 7, message: '`gzip`' }] },
    { name: 'in a heredoc', files: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in -y tar\nEOF\n', errors: [{ line: 3, column: 17 }] },
  ],
});
