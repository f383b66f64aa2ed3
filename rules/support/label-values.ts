import type { RuleContext } from '../../src/engine/types.js';
import { isDynamicLabel, labelPairs, labelSchema, type LabelPair, type LabelType } from '../../src/model/label-schema.js';

/**
 * The check shared by the typed label rules: every LABEL whose key `settings.labelSchema` gives
 * this type must have a valid value. Empty values are label-not-empty's, values written with a
 * variable are only known at build time: both are skipped.
 */
export function checkLabelValues(context: RuleContext, type: LabelType, isValid: (value: string) => boolean, expected: string): void {
  const schema = labelSchema(context.settings);
  if (!schema) return;
  for (const dockerfile of context.project.dockerfiles) {
    for (const pair of labelPairs(dockerfile)) {
      const value = pair.property.value ?? '';
      if (schema.get(pair.property.name) !== type || value === '' || isDynamicLabel(pair, dockerfile.escapeChar) || isValid(value)) continue;
      context.report({ file: dockerfile.file, range: valueRange(pair), message: `Label \`${pair.property.name}\` is \`${value}\`, which is not ${expected}.` });
    }
  }
}

/** Where a label's value is written; its key when there is none. */
export function valueRange(pair: LabelPair) {
  return pair.property.valueRange ?? pair.property.nameRange;
}
