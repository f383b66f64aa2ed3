import { expect, it } from 'vitest';
import rule from '../../rules/yum-pinned-packages.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'name-version', files: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 java-11-openjdk-11.0.20 && yum clean all\n' },
    { name: 'rpm files, comparisons and groups', files: "FROM centos:7\nRUN yum install -y /tmp/x.rpm https://example.com/y-1.rpm 'z >= 2' @core\n" },
    { name: 'variables are not judged', files: 'FROM centos:7\nARG V\nRUN yum install -y "httpd-${V}" $EXTRA\n' },
    { name: 'option values are not packages', files: 'FROM centos:7\nRUN yum install -y --enablerepo epel --setopt tsflags=nodocs a-1\n' },
    { name: 'module streams', files: 'FROM rockylinux:9.3\nRUN yum module install -y nodejs:20 php:8.1/common\n' },
    { name: 'group install operands are groups', files: 'FROM centos:7\nRUN yum group install -y "Development Tools"\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM centos:7\nRUN yum install -y httpd\n', errors: [{ line: 2, column: 20, message: 'Pin the version of `httpd`: `yum install httpd-<version>`' }] },
    {
      name: 'only the unpinned ones, in an && chain',
      files: 'FROM centos:7\nRUN yum install -y a-1 && yum install -y epel-release php-* b-2\n',
      errors: [{ line: 2, column: 42, message: '`epel-release`' }, { line: 2, column: 55, message: '`php-*`' }],
    },
    { name: 'in a continuation', files: 'FROM centos:7\nRUN yum install -y \\\n      httpd-2.4.6 \\\n      mod_ssl \\\n && yum clean all\n', errors: [{ line: 4, column: 7, message: '`mod_ssl`' }] },
    { name: 'in a heredoc', files: 'FROM centos:7\nRUN <<EOF\nyum install -y git\nEOF\n', errors: [{ line: 3, column: 16 }] },
    { name: 'module without a stream', files: 'FROM rockylinux:9.3\nRUN yum -y module install nodejs\n', errors: [{ line: 2, column: 27, message: 'nodejs:<stream>' }] },
  ],
});

it('# hadolint ignore=DL3033 suppresses the finding', async () => {
  expect(await runRule(rule, { files: 'FROM centos:7\n# hadolint ignore=DL3033\nRUN yum install -y httpd\n' })).toEqual([]);
  expect(await runRule(rule, { files: 'FROM centos:7\n# hadolint ignore=DL3008\nRUN yum install -y httpd\n' })).toHaveLength(1);
});
