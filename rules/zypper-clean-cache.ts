import type { Rule } from '../src/engine/types.js';
import { missingCacheClean } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'zypper-clean-cache',
    aliases: ['DL3036'],
    description: '`zypper install` must be followed by `zypper clean` in the same RUN, or use a cache mount on `/var/cache/zypp`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'zypper keeps repository metadata and downloaded packages in `/var/cache/zypp`; unless the same RUN removes them, they are frozen into the layer and shipped with every pull.',
      bad: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0\n' },
      good: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 \\\n && zypper clean --all\n' },
      notes:
        '`zypper clean`/`zypper cc` (any options) or `rm -rf /var/cache/zypp` after the install in the same RUN count; so does a cache or tmpfs mount on `/var/cache/zypp`. One finding per RUN.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingCacheClean(dockerfile, 'zypper')) context.report(problem);
    }
  },
};

export default rule;
