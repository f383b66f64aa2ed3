import rule from '../../rules/dnf-no-update.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'install only', files: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
    { name: 'check-upgrade only lists', files: 'FROM fedora:40\nRUN dnf check-upgrade || true\n' },
    { name: 'upgrade as an option value', files: 'FROM fedora:40\nRUN dnf --setopt upgrade=1 install -y a-1\n' },
    { name: 'yum is another rule', files: 'FROM centos:7\nRUN yum -y update\n' },
  ],
  invalid: [
    { name: 'dnf upgrade', files: 'FROM fedora:40\nRUN dnf -y upgrade\n', errors: [{ line: 2, column: 5, message: 'Do not run `dnf upgrade`' }] },
    { name: 'microdnf update in an && chain', files: 'FROM registry.access.redhat.com/ubi9-minimal:9.4\nRUN microdnf -y update && microdnf clean all\n', errors: [{ line: 2, column: 5, message: '`microdnf update`' }] },
    { name: 'in a continuation', files: 'FROM fedora:40\nRUN dnf install -y a-1 \\\n && dnf upgrade-minimal -y \\\n && dnf clean all\n', errors: [{ line: 3, column: 5, message: 'upgrade-minimal' }] },
    { name: 'in a heredoc', files: 'FROM fedora:40\nRUN <<EOF\ntdnf -y update\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});
