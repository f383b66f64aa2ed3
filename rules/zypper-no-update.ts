import type { Rule } from '../src/engine/types.js';
import { upgradeCalls } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'zypper-no-update',
    aliases: ['DL3035'],
    description: 'Do not run `zypper update` or `zypper dist-upgrade` in a Dockerfile.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Upgrading every package at build time makes the image depend on the day it was built: two builds of the same commit differ, and a distribution upgrade (`dup`) can even move the image to a new release behind your back. Use a newer base image instead, or install the specific versions you need.',
      bad: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive update && zypper clean --all\n' },
      good: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n' },
      notes:
        'Matches update/up and dist-upgrade/dup; `zypper patch` (security patches only) is left alone.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of upgradeCalls(dockerfile, 'zypper')) context.report(problem);
    }
  },
};

export default rule;
