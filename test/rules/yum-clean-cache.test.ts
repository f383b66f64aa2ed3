import rule from '../../rules/yum-clean-cache.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'yum clean all after the install', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: 'rm -rf of the cache', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*\n' },
    { name: 'dnf clean all cleans the same cache', files: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57; dnf clean all\n' },
    { name: 'a cache mount', files: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6\n' },
    { name: 'a tmpfs mount on /var/cache', files: 'FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum install -y httpd-2.4.6\n' },
    { name: 'no install', files: 'FROM centos:7\nRUN yum -y remove httpd\n' },
  ],
  invalid: [
    { name: 'no clean-up', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n', errors: [{ line: 2, column: 5, message: 'end this RUN with `yum clean all`' }] },
    { name: 'clean before the install does not count', files: 'FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6\n', errors: [{ line: 2, column: 22, message: '`yum install` leaves its package cache' }] },
    { name: 'clean-up in a later RUN does not count', files: 'FROM centos:7\nRUN yum install -y a-1\nRUN yum clean all\n', errors: [{ line: 2, column: 5 }] },
    { name: 'clean metadata only leaves packages', files: 'FROM centos:7\nRUN yum install -y a-1 \\\n && yum clean metadata\n', errors: [{ line: 2, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM centos:7\nRUN <<EOF\nset -e\nyum -y groupinstall "Development Tools"\nEOF\n', errors: [{ line: 4, column: 1, message: '`yum groupinstall`' }] },
    { name: 'a cache mount elsewhere', files: 'FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum install -y a-1\n', errors: [{ line: 2, column: 44, message: 'target=/var/cache/yum' }] },
  ],
});
