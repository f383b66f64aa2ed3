import { isGitHash } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-git-hash',
  alias: 'DL3055',
  type: 'hash',
  isValid: isGitHash,
  description: 'A label the label schema types `hash` must be a git commit hash.',
  expected: 'a git commit hash: write the lower-case hex hash (7 to 40 characters, or 64 for SHA-256 repositories)',
  example: { label: 'org.opencontainers.image.revision', bad: 'main', good: '9f2c3e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d' },
  notes: 'Lower-case hex of 7 to 40 characters (abbreviated or full SHA-1), or 64 (SHA-256). hadolint accepts exactly 7 or 40. A value from a build argument (`$GIT_SHA`) is accepted.',
});
