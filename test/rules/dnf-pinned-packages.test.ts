import rule from '../../rules/dnf-pinned-packages.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'name-version, name-version-release.arch', files: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 kernel-headers-6.8.5-301.fc40.x86_64\n' },
    { name: 'microdnf, tdnf and dnf5', files: 'FROM fedora:40\nRUN microdnf install -y a-1.0 && tdnf install -y b-2 && dnf5 install -y c-3\n' },
    { name: 'versions from variables', files: 'FROM nvidia/cuda:12.4.1-devel-rockylinux9\nRUN dnf install -y cuda-toolkit-${CUDA_VERSION//./-}\n' },
    { name: 'module stream', files: 'FROM fedora:40\nRUN dnf module install -y nodejs:20/common\n' },
    { name: 'not an install', files: 'FROM fedora:40\nRUN dnf remove -y vim && dnf clean all\n' },
  ],
  invalid: [
    { name: 'plain install', files: 'FROM fedora:40\nRUN dnf install -y python3\n', errors: [{ line: 2, column: 20, message: 'Pin the version of `python3`: `dnf install python3-<version>`' }] },
    { name: 'microdnf in an && chain', files: 'FROM registry.access.redhat.com/ubi9-minimal:9.4\nRUN microdnf install -y shadow-utils && microdnf clean all\n', errors: [{ line: 2, column: 25, message: 'microdnf install shadow-utils-<version>' }] },
    {
      name: 'in a continuation with comment lines (the .NET pattern)',
      files: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y \\\n        # runtime dependencies\n        glibc \\\n        libgcc \\\n    && tdnf clean all\n',
      errors: [{ line: 4, column: 9, message: '`glibc`' }, { line: 5, column: 9, message: '`libgcc`' }],
    },
    { name: 'in a heredoc', files: 'FROM fedora:40\nRUN <<EOF\ndnf install -y git && dnf clean all\nEOF\n', errors: [{ line: 3, column: 16 }] },
    { name: 'module without a stream', files: 'FROM fedora:40\nRUN dnf module install -y nodejs\n', errors: [{ line: 2, column: 27, message: 'nodejs:<stream>' }] },
  ],
});
