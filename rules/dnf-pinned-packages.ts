import type { Rule } from '../src/engine/types.js';
import { unpinnedPackages } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'dnf-pinned-packages',
    aliases: ['DL3041'],
    description: 'Pin package versions in `dnf install` (`python3-3.12.3`; also microdnf, dnf5, tdnf) and module streams in `dnf module install` (`nodejs:20`).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An unpinned `dnf install python3` installs whatever the mirror offers that day, so rebuilding the same Dockerfile can produce a different image, and a broken or compromised release slips in without a code change. A pinned version makes the build reproducible and upgrades deliberate.',
      bad: { code: 'FROM fedora:40\nRUN dnf install -y python3 && dnf clean all\n' },
      good: { code: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
      notes:
        'A package counts as pinned when a part after its name starts with a digit (`python3-3.12.3`, `java-21-openjdk`), when it is an `.rpm` file, or when it carries a comparison (`\'python3 >= 3.12\'`). Groups (`@development-tools`), packages built from variables (`cuda-toolkit-${CUDA_VERSION}`) and `group install` operands are not checked. `dnf module install` needs `module:stream`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of unpinnedPackages(dockerfile, 'dnf')) context.report(problem);
    }
  },
};

export default rule;
