import rule from '../../rules/yum-non-interactive.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '-y', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: '-y before the sub-command, --assumeyes, a -qy cluster', files: 'FROM centos:7\nRUN yum -y install a-1 && yum --assumeyes remove b && yum -qy erase c\n' },
    { name: '--setopt=assumeyes=1 and yes |', files: 'FROM centos:7\nRUN yum --setopt=assumeyes=1 install a-1 && yes | yum remove b\n' },
    { name: 'read-only commands need no -y', files: 'FROM centos:7\nRUN yum clean all && yum info httpd && yum makecache\n' },
    { name: 'not yum', files: 'FROM centos:7\nRUN dnf install -y a-1\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM centos:7\nRUN yum install httpd-2.4.6\n', errors: [{ line: 2, column: 5, message: 'yum install -y' }] },
    {
      name: 'in an && chain, group install',
      files: 'FROM centos:7\nRUN yum install -y a-1 && yum group install "Development Tools"\n',
      errors: [{ line: 2, column: 27, message: '`yum group install` asks for confirmation' }],
    },
    { name: 'remove in a continuation', files: 'FROM centos:7\nRUN set -eux; \\\n    yum remove \\\n      httpd\n', errors: [{ line: 3, column: 5, message: 'yum remove -y' }] },
    { name: 'in a heredoc', files: 'FROM centos:7\nRUN <<EOF\nset -e\nyum update\nEOF\n', errors: [{ line: 4, column: 1, message: 'yum update -y' }] },
    { name: 'through sh -c, with sudo', files: "FROM centos:7\nRUN sh -c 'sudo yum localinstall /tmp/x.rpm'\n", errors: [{ line: 2, column: 17 }] },
  ],
});
