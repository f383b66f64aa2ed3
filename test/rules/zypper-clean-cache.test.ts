import rule from '../../rules/zypper-clean-cache.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'zypper clean --all', files: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all\n' },
    { name: 'zypper cc', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0; zypper cc -a\n' },
    { name: 'rm -rf of the cache', files: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && rm -rf /var/cache/zypp/*\n' },
    { name: 'a cache mount', files: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6.0\n' },
    { name: 'refresh alone', files: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh\n' },
  ],
  invalid: [
    { name: 'no clean-up', files: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n', errors: [{ line: 2, column: 5, message: 'end this RUN with `zypper clean --all`' }] },
    { name: 'in an && chain', files: 'FROM opensuse/leap:15.6\nRUN zypper -n ref && zypper -n in curl=8.6.0 && echo ok\n', errors: [{ line: 2, column: 22, message: '`zypper in`' }] },
    { name: 'in a continuation', files: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive \\\n      install curl=8.6.0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n dup\nEOF\n', errors: [{ line: 3, column: 1, message: 'target=/var/cache/zypp' }] },
  ],
});
