import type { Rule, RuleContext } from '../../src/engine/types.js';
import { isDynamicLabel, labelPairs, labelSchema, type LabelType } from '../../src/model/label-schema.js';

/** What sets one typed label rule apart from the others. */
export interface LabelValueRuleSpec {
  id: string;
  /** The hadolint code. */
  alias: string;
  type: LabelType;
  isValid: (value: string) => boolean;
  description: string;
  /** Completes "… which is not …" in the message. */
  expected: string;
  /** A label of this type with a bad and a good value (as written after `=`), for the docs. */
  example: { label: string; bad: string; good: string };
  /** How values are judged, for the docs. */
  notes: string;
}

/**
 * A rule that checks the values of the labels `settings.labelSchema` gives one type (url, semver, …):
 * the hadolint label rules DL3052–DL3058 differ only in the type and the validator.
 */
export function labelValueRule(spec: LabelValueRuleSpec): Rule {
  const { label, bad, good } = spec.example;
  return {
    meta: {
      id: spec.id,
      aliases: [spec.alias],
      description: spec.description,
      severity: 'warning',
      presets: ['recommended'],
      fileKinds: ['dockerfile'],
      docs: {
        rationale:
          'Image labels are read by machines: registries, scanners, deployment tooling and dashboards. A label schema (`settings.labelSchema`) says which labels each image carries and what their values are; a malformed value is worse than none, because tools trust it.',
        bad: { code: `FROM alpine:3.21\nLABEL ${label}=${bad}\n` },
        good: { code: `FROM alpine:3.21\nLABEL ${label}=${good}\n` },
        notes: `Needs \`settings.labelSchema\`, e.g. \`labelSchema: { ${label}: ${spec.type} }\` (hadolint: \`label-schema\`); without it the rule does nothing. ${spec.notes} Empty values are \`label-not-empty\`'s; values written with a variable are only known at build time and are accepted.`,
      },
    },
    check(context) {
      checkLabelValues(context, spec);
    },
  };
}

function checkLabelValues(context: RuleContext, spec: LabelValueRuleSpec): void {
  const schema = labelSchema(context.settings);
  if (!schema) return;
  for (const dockerfile of context.project.dockerfiles) {
    for (const pair of labelPairs(dockerfile)) {
      const value = pair.property.value ?? '';
      if (schema.get(pair.property.name) !== spec.type || value === '' || isDynamicLabel(pair, dockerfile.escapeChar) || spec.isValid(value)) continue;
      context.report({
        file: dockerfile.file,
        range: pair.property.valueRange ?? pair.property.nameRange,
        message: `Label \`${pair.property.name}\` is \`${value}\`, which is not ${spec.expected}.`,
      });
    }
  }
}
