import { isSpdxExpression } from '../src/model/label-schema.js';
import { labelValueRule } from './support/label-values.js';

export default labelValueRule({
  id: 'label-spdx',
  alias: 'DL3054',
  type: 'spdx',
  isValid: isSpdxExpression,
  description: 'A label the label schema types `spdx` must be an SPDX license expression.',
  expected: 'an SPDX license expression: use an identifier from the SPDX list such as `Apache-2.0` or `MIT OR Apache-2.0`',
  example: { label: 'org.opencontainers.image.licenses', bad: '"Apache 2"', good: '"Apache-2.0 OR MIT"' },
  notes: 'Expressions (`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`) are accepted; identifiers are case-sensitive. Checked with `spdx-expression-parse` and the SPDX license list of `spdx-license-ids`.',
});
