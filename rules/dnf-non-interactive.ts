import type { Rule } from '../src/engine/types.js';
import { missingNonInteractive } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'dnf-non-interactive',
    aliases: ['DL3038'],
    description: '`dnf install` (also microdnf, dnf5, tdnf) and every other dnf command that changes packages needs `-y`: a build cannot answer the prompt.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without `-y`, dnf stops at "Is this ok [y/N]" and, with no terminal to answer, aborts the transaction: the build fails. Commands that only sometimes prompt break the build on a later day, when a dependency changes upstream.',
      bad: { code: 'FROM fedora:40\nRUN dnf install python3-3.12.3 && dnf clean all\n' },
      good: { code: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
      notes:
        'Applies to dnf, dnf5, microdnf and tdnf (Photon OS, Azure Linux). Checked actions: install, groupinstall, localinstall, reinstall, remove/erase, autoremove, upgrade/update, downgrade, distro-sync, swap, and the `group`/`module` forms. `--assumeyes`, `-qy`, `--setopt=assumeyes=1` and `yes | dnf …` also count. hadolint checks only the install forms of dnf and microdnf.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingNonInteractive(dockerfile, 'dnf')) context.report(problem);
    }
  },
};

export default rule;
