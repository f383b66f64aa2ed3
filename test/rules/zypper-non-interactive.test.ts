import rule from '../../rules/zypper-non-interactive.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '--non-interactive', files: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n' },
    { name: '-n, -y, --no-confirm', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in a=1 && zypper rm -y b && zypper patch --no-confirm\n' },
    { name: 'global options with values before -n', files: 'FROM opensuse/leap:15.6\nRUN zypper --root /target -qn install a=1\n' },
    { name: 'read-only and repository commands', files: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search curl && zypper clean\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0\n', errors: [{ line: 2, column: 5, message: 'zypper --non-interactive install' }] },
    { name: 'in an && chain', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in a=1 && zypper dup\n', errors: [{ line: 2, column: 25, message: '`zypper dup`' }] },
    { name: 'in a continuation', files: 'FROM opensuse/leap:15.6\nRUN zypper --gpg-auto-import-keys \\\n      source-install \\\n      curl\n', errors: [{ line: 2, column: 5, message: 'source-install' }] },
    { name: 'in a heredoc', files: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper rm vim\nEOF\n', errors: [{ line: 3, column: 1, message: '`zypper rm`' }] },
  ],
});
