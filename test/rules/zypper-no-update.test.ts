import rule from '../../rules/zypper-no-update.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'install only', files: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all\n' },
    { name: 'patch applies security patches only', files: 'FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean --all\n' },
    { name: 'list-updates only lists', files: 'FROM opensuse/leap:15.6\nRUN zypper list-updates\n' },
    { name: 'refresh is not an update', files: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh\n' },
  ],
  invalid: [
    { name: 'zypper update', files: 'FROM opensuse/leap:15.6\nRUN zypper -n update\n', errors: [{ line: 2, column: 5, message: 'Do not run `zypper update`' }] },
    { name: 'dup in an && chain', files: 'FROM opensuse/tumbleweed:latest\nRUN zypper -n ref && zypper -n dup && zypper clean\n', errors: [{ line: 2, column: 22, message: '`zypper dup`' }] },
    { name: 'in a continuation', files: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive \\\n      up\n', errors: [{ line: 2, column: 5, message: '`zypper up`' }] },
    { name: 'in a heredoc', files: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n dist-upgrade\nEOF\n', errors: [{ line: 3, column: 1, message: 'dist-upgrade' }] },
  ],
});
