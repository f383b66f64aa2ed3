import type { Rule } from '../src/engine/types.js';
import { missingCacheClean } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'dnf-clean-cache',
    aliases: ['DL3040'],
    description: '`dnf install` (also microdnf, dnf5, tdnf) must be followed by `dnf clean all` in the same RUN, or use a cache mount on the dnf cache.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'dnf keeps repository metadata and downloaded packages in `/var/cache/dnf` (`/var/cache/libdnf5` for dnf5, `/var/cache/yum` for microdnf); unless the same RUN removes them, they are frozen into the layer and every pull pays for tens of megabytes nobody uses.',
      bad: { code: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3\n' },
      good: { code: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 \\\n && dnf clean all\n' },
      notes:
        'The clean-up must come after the install in the same RUN: `dnf clean all` (or `yum`/`microdnf`/`tdnf clean all`), `clean metadata packages`, or `rm -rf /var/cache/dnf` (or libdnf5, yum, tdnf). A cache or tmpfs mount on one of those directories is accepted. One finding per RUN, at the first install without a clean-up after it; upgrades and group/module installs fill the cache too.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingCacheClean(dockerfile, 'dnf')) context.report(problem);
    }
  },
};

export default rule;
