import rule from '../../rules/dnf-non-interactive.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '-y', files: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
    { name: 'microdnf, tdnf and dnf5 with -y', files: 'FROM fedora:40\nRUN microdnf install -y a-1 && tdnf -y install b-1 && dnf5 --assumeyes upgrade\n' },
    { name: 'module enable with -y', files: 'FROM fedora:40\nRUN dnf -y module enable nodejs:20\n' },
    { name: 'read-only commands', files: 'FROM fedora:40\nRUN dnf clean all && dnf repolist && dnf config-manager --set-enabled crb\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM fedora:40\nRUN dnf install python3-3.12.3\n', errors: [{ line: 2, column: 5, message: 'dnf install -y' }] },
    {
      name: 'microdnf in an && chain',
      files: 'FROM registry.access.redhat.com/ubi9-minimal:9.4\nRUN microdnf install -y a-1 && microdnf remove b\n',
      errors: [{ line: 2, column: 32, message: 'microdnf remove -y' }],
    },
    { name: 'tdnf in a continuation', files: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install \\\n      ca-certificates-20240531 \\\n && tdnf clean all\n', errors: [{ line: 2, column: 5, message: 'tdnf install -y' }] },
    { name: 'module install in a heredoc', files: 'FROM fedora:40\nRUN <<EOF\ndnf module install nodejs:20\nEOF\n', errors: [{ line: 3, column: 1, message: '`dnf module install`' }] },
    { name: 'two calls, one finding each', files: 'FROM fedora:40\nRUN dnf install a-1; dnf autoremove\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 22, message: 'dnf autoremove -y' }] },
  ],
});
