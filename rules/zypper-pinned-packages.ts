import type { Rule } from '../src/engine/types.js';
import { unpinnedPackages } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'zypper-pinned-packages',
    aliases: ['DL3037'],
    description: 'Pin package versions in `zypper install` (`curl=8.6.0`, `\'curl>=8\'`).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An unpinned `zypper install curl` installs whatever the repository offers that day, so rebuilding the same Dockerfile can produce a different image, and a broken release slips in without a code change. A pinned version makes the build reproducible and upgrades deliberate.',
      bad: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all\n' },
      good: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n' },
      notes:
        'A package counts as pinned with `=`, `<`, `>` (quote it: `\'curl>=8\'`, or the shell reads a redirection) or as an `.rpm` file. Installs of other types (`-t pattern`, `-t patch`) and packages built from variables are not checked.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of unpinnedPackages(dockerfile, 'zypper')) context.report(problem);
    }
  },
};

export default rule;
