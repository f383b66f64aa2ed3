import rule from '../../rules/log-rotation.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'json-file with both options', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n' } },
    { name: 'shared anchor', files: { 'compose.yaml': 'x-logging: &logging\n  options:\n    max-size: "10m"\n    max-file: "3"\nservices:\n  api:\n    image: a:1\n    logging: *logging\n' } },
    { name: 'local driver rotates by default', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n      driver: local\n' } },
    { name: 'shipped elsewhere', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n      driver: ${LOG_DRIVER:-journald}\n' } },
    { name: 'one-shot job', files: { 'compose.yaml': 'services:\n  seed:\n    image: a:1\n    command: ["npm", "run", "db:seed"]\n' } },
  ],
  invalid: [
    { name: 'no logging', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n' }, errors: [{ line: 2, column: 3, message: 'without rotation' }] },
    { name: 'json-file without options', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n      driver: json-file\n' }, errors: [{ line: 5, column: 7, message: 'without `max-size` and `max-file`' }] },
    {
      name: 'max-size only',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n      driver: "json-file"\n      options:\n        max-size: 10m\n' },
      errors: [{ line: 6, column: 7, message: 'every old file is kept' }],
    },
    { name: 'logging without a mapping', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    logging:\n' }, errors: [{ line: 4, column: 5 }] },
  ],
});
