import type { Rule } from '../src/engine/types.js';
import { upgradeCalls } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'dnf-no-update',
    aliases: ['DL3039'],
    description: 'Do not run `dnf upgrade`/`update` in a Dockerfile (opt-in).',
    severity: 'error',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`dnf upgrade` pulls whatever the mirrors carry on build day (on Fedora, a fast-moving set), so two builds of the same commit differ and an upstream regression lands unreviewed; the layer also grows by every upgraded package. Rebuild on a newer base image tag instead, or install the specific package versions you need.',
      bad: { code: 'FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n' },
      good: { code: 'FROM fedora:40\nRUN dnf install -y python3-3.12.3 && dnf clean all\n' },
      notes:
        'Opt-in (not in a preset): hadolint retired DL3039 from its default set, because upgrading for security fixes is often what teams want. Applies to dnf, dnf5, microdnf and tdnf; matches upgrade/update/up, the -minimal and -to forms and distro-sync.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of upgradeCalls(dockerfile, 'dnf')) context.report(problem);
    }
  },
};

export default rule;
