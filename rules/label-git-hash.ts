import { isGitHash } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';
import { checkLabelValues } from './support/label-values.js';

const rule: Rule = {
  meta: {
    id: 'label-git-hash',
    aliases: ['DL3055'],
    description: 'A label the label schema types `hash` must be a git commit hash.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
      bad: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=main\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=9f2c3e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d\n' },
      notes:
        'Needs `settings.labelSchema`, e.g. `labelSchema: { org.opencontainers.image.revision: hash }` (hadolint: `label-schema`); without it the rule does nothing. Lower-case hex of 7 to 40 characters (abbreviated or full SHA-1), or 64 (SHA-256). hadolint accepts exactly 7 or 40. A value from a build argument (`$GIT_SHA`) is accepted. Empty values are `label-not-empty`\'s; values written with a variable are only known at build time and are accepted.',
    },
  },
  check(context) {
    checkLabelValues(context, 'hash', isGitHash, 'a git commit hash: write the lower-case hex hash (7 to 40 characters, or 64 for SHA-256 repositories)');
  },
};

export default rule;
