import rule from '../../rules/yum-no-update.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'install only', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: 'check-update lists, it does not upgrade', files: 'FROM centos:7\nRUN yum check-update || true\n' },
    { name: 'update as a package name', files: 'FROM centos:7\nRUN yum install -y update-1.0\n' },
    { name: 'dnf is another rule', files: 'FROM fedora:40\nRUN dnf -y upgrade\n' },
  ],
  invalid: [
    { name: 'yum update', files: 'FROM centos:7\nRUN yum -y update\n', errors: [{ line: 2, column: 5, message: 'Do not run `yum update`' }] },
    { name: 'in an && chain', files: 'FROM centos:7\nRUN yum install -y a-1 && yum upgrade -y openssl && yum clean all\n', errors: [{ line: 2, column: 27, message: '`yum upgrade`' }] },
    { name: 'in a continuation', files: 'FROM centos:7\nRUN set -eux \\\n && yum -y \\\n      update-minimal --security\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM centos:7\nRUN <<EOF\nyum -y distro-sync\nEOF\n', errors: [{ line: 3, column: 1, message: 'distro-sync' }] },
  ],
});
