import type { Rule } from '../src/engine/types.js';
import { missingCacheClean } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'yum-clean-cache',
    aliases: ['DL3032'],
    description: '`yum install` must be followed by `yum clean all` in the same RUN, or use a cache mount on `/var/cache/yum`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'yum keeps the repository metadata and the downloaded packages in `/var/cache/yum`; unless the same RUN removes them, they are frozen into the layer and every pull pays for tens of megabytes nobody uses. A later RUN cannot take them back out of the earlier layer.',
      bad: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57\n' },
      good: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 \\\n && yum clean all\n' },
      notes:
        'The clean-up must come after the install in the same RUN: `yum clean all` (or `dnf clean all`, which cleans the same cache on EL 8+), `clean metadata packages`, or `rm -rf /var/cache/yum`. A cache or tmpfs mount (`RUN --mount=type=cache,target=/var/cache/yum …`) keeps the cache out of the layer and is accepted. One finding per RUN, at the first install without a clean-up after it; updates and group/module installs fill the cache too.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingCacheClean(dockerfile, 'yum')) context.report(problem);
    }
  },
};

export default rule;
