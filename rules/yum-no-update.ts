import type { Rule } from '../src/engine/types.js';
import { upgradeCalls } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'yum-no-update',
    aliases: ['DL3031'],
    description: 'Do not run `yum update`/`upgrade` in a Dockerfile (opt-in).',
    severity: 'error',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Upgrading every package at build time makes the image depend on the day it was built: two builds of the same commit differ, and an upstream regression lands unreviewed. Pull a newer base image instead, or install the specific package versions you need.',
      bad: { code: 'FROM centos:7\nRUN yum -y update && yum clean all\n' },
      good: { code: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n' },
      notes:
        'Opt-in (not in a preset): hadolint retired DL3031 from its default set, because upgrading for security fixes is often what teams want. Matches update, upgrade, update-to, upgrade-to, update-minimal, upgrade-minimal and distro-sync, with or without package names.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of upgradeCalls(dockerfile, 'yum')) context.report(problem);
    }
  },
};

export default rule;
