import type { Rule } from '../src/engine/types.js';
import { missingNonInteractive } from '../src/model/rpm-package-managers.js';

const rule: Rule = {
  meta: {
    id: 'zypper-non-interactive',
    aliases: ['DL3034'],
    description: 'zypper commands that change packages need `--non-interactive` (`-n`) or `-y`: a build cannot answer prompts.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'zypper asks for confirmation (and for licence and key decisions) on install, remove, update and patch; a build has no terminal to answer, so it fails or hangs until a timeout. `zypper --non-interactive` answers every prompt with the default.',
      bad: { code: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean --all\n' },
      good: { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n' },
      notes:
        'Checked actions: install/in, remove/rm, source-install/si, patch, update/up, dist-upgrade/dup and install-new-recommends. `-n`/`--non-interactive` (global) and `-y`/`--no-confirm` (command option) both count.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const problem of missingNonInteractive(dockerfile, 'zypper')) context.report(problem);
    }
  },
};

export default rule;
