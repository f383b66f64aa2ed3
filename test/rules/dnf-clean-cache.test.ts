import rule from '../../rules/dnf-clean-cache.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'dnf clean all', files: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
    { name: 'clean all with --installroot options', files: 'FROM fedora:40\nRUN dnf install -y --installroot /staging a-1 && dnf clean all --installroot /staging\n' },
    { name: 'microdnf and tdnf', files: 'FROM fedora:40\nRUN microdnf install -y a-1 && microdnf clean all && tdnf install -y b-1 && tdnf clean all\n' },
    { name: 'rm -rf of the libdnf5 cache', files: 'FROM fedora:41\nRUN dnf5 install -y a-1 && rm -rf /var/cache/libdnf5\n' },
    { name: 'a cache mount', files: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y a-1\n' },
  ],
  invalid: [
    { name: 'no clean-up', files: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3\n', errors: [{ line: 2, column: 5, message: 'end this RUN with `dnf clean all`' }] },
    { name: 'microdnf in an && chain', files: 'FROM registry.access.redhat.com/ubi9-minimal:9.4\nRUN microdnf install -y a-1 && echo done\n', errors: [{ line: 2, column: 5, message: '`microdnf clean all`' }] },
    {
      name: 'second install after the clean-up, in a continuation',
      files: 'FROM fedora:40\nRUN dnf install -y a-1 \\\n && dnf clean all \\\n && dnf install -y b-1\n',
      errors: [{ line: 4, column: 5 }],
    },
    { name: 'in a heredoc', files: 'FROM fedora:40\nRUN <<EOF\ndnf -y module install nodejs:20\nEOF\n', errors: [{ line: 3, column: 1, message: '`dnf module install`' }] },
    { name: 'one finding per RUN', files: 'FROM fedora:40\nRUN dnf install -y a-1 && dnf install -y b-1\n', errors: [{ line: 2, column: 5 }] },
  ],
});
