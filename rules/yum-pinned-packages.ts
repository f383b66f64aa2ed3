import type { Rule } from '../src/engine/types.js';
import { unpinnedPackages } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'yum-pinned-packages',
    aliases: ['DL3033'],
    description: 'Pin package versions in `yum install` (`httpd-2.4.57`) and module streams in `yum module install` (`nodejs:18`).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An unpinned `yum install httpd` installs whatever the mirror offers that day, so rebuilding the same Dockerfile can produce a different image, and a broken or compromised release slips in without a code change. A pinned version makes the build reproducible and makes upgrades deliberate, reviewable changes.',
      bad: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd && yum clean all\n' },
      good: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n' },
      notes:
        'A package counts as pinned when a part after its name starts with a digit (`httpd-2.4.57`, `java-17-openjdk`), when it is an `.rpm` file, or when it carries a comparison (`\'httpd >= 2.4\'`). Groups (`@core`), packages built from variables (`java-${JDK}-openjdk`) and `group install` operands are not checked. `yum module install` needs `module:stream`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of unpinnedPackages(dockerfile, 'yum')) context.report(problem);
    }
  },
};

export default rule;
