import type { Rule } from '../src/engine/types.js';
import { missingNonInteractive } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'yum-non-interactive',
    aliases: ['DL3030'],
    description: '`yum install` (and every other yum command that changes packages) needs `-y`: a build cannot answer the confirmation prompt.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without `-y`, yum stops at "Is this ok [y/N]" and, with no terminal to answer, aborts: the build fails, or worse, a command that only prompts now and then (a dependency change upstream) breaks the build on some later day.',
      bad: { code: 'FROM rockylinux:9.3\nRUN yum install httpd-2.4.57 && yum clean all\n' },
      good: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n' },
      notes:
        'Checked actions: install, groupinstall, localinstall, reinstall, remove/erase, autoremove, update/upgrade, downgrade, distro-sync, swap, and the `group`/`module` forms. `--assumeyes`, a short-option cluster such as `-qy`, `--setopt=assumeyes=1` and `yes | yum install …` also count. hadolint checks only the install forms.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingNonInteractive(dockerfile, 'yum')) context.report(problem);
    }
  },
};

export default rule;
