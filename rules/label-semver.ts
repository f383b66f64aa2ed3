import { isSemver } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-semver',
  alias: 'DL3056',
  type: 'semver',
  isValid: isSemver,
  description: 'A label the label schema types `semver` must be a semantic version.',
  expected: 'a semantic version: write it like `1.4.2` or `2.0.0-rc.1` (no `v` prefix)',
  example: { label: 'org.opencontainers.image.version', bad: 'v1.4', good: '1.4.2' },
  notes: 'Semantic Versioning 2.0.0, strictly (checked with the `semver` package): three numbers, optional pre-release and build metadata, no `v` prefix.',
});
