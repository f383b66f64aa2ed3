import labelSuperfluous from '../../rules/label-superfluous.js';
import { settings } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelSuperfluous, {
  valid: [
    { name: 'strict, only schema labels', files: 'FROM alpine:3.21\nLABEL maintainer=a@b.example\n', settings: { ...settings, strictLabels: true } },
    { name: 'not strict', files: 'FROM alpine:3.21\nLABEL extra=1\n', settings },
    { name: 'strict without a schema', files: 'FROM alpine:3.21\nLABEL extra=1\n', settings: { strictLabels: true } },
  ],
  invalid: [
    { name: 'extra key', files: 'FROM alpine:3.21\nLABEL maintainer=a@b.example version=1\n', settings: { ...settings, strictLabels: true }, errors: [{ line: 2, column: 30, message: 'Label `version` is not in the label schema' }] },
    { name: 'two extra keys', files: 'FROM alpine:3.21\nLABEL a=1 \\\n  b=2\n', settings: { ...settings, strictLabels: true }, errors: [{ line: 2, column: 7 }, { line: 3, column: 3 }] },
    { name: 'in any stage', files: 'FROM alpine:3.21 AS a\nFROM alpine:3.21\nLABEL Team=x\n', settings: { ...settings, strictLabels: true }, errors: [{ line: 3, column: 7 }] },
  ],
});
