import rule from '../../rules/depends-on-defined.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a diamond is no cycle', files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    depends_on: [b, c]\n  b:\n    image: b:1\n    depends_on: [d]\n  c:\n    image: c:1\n    depends_on: [d]\n  d:\n    image: d:1\n' } },
    { name: 'short syntax', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n' } },
    { name: 'long syntax', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:17\n' } },
    {
      name: 'service defined in the base file beside an override file',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n', 'compose.override.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n' },
    },
    { name: 'service from an included file', files: { 'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  api:\n    image: a:1\n    depends_on: [db]\n', 'db/compose.yaml': 'services:\n  db:\n    image: postgres:17\n' } },
  ],
  invalid: [
    // compose-go's loader fixtures compose-depends-on-cycle.yaml and compose-depends-on-self.yaml.
    {
      name: 'a dependency cycle, reported once at the entry that closes it',
      files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    image: b:1\n    depends_on:\n      c:\n        condition: service_started\n  c:\n    image: c:1\n    depends_on: [a]\n' },
      errors: [{ line: 12, column: 18, message: 'a → b → c → a' }],
    },
    { name: 'a service that depends on itself', files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    depends_on: [a]\n' }, errors: [{ line: 4, column: 18, message: 'a → a' }] },
    { name: 'typo in a list', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on:\n      - databse\n  database:\n    image: postgres:17\n' }, errors: [{ line: 5, column: 9, message: '"databse"' }] },
    { name: 'long syntax key', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on:\n      cache:\n        condition: service_healthy\n' }, errors: [{ line: 5, column: 7, message: 'not defined' }] },
    {
      name: 'every missing entry',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api, worker]\n' },
      errors: [
        { line: 4, column: 18, message: '"api"' },
        { line: 4, column: 23, message: '"worker"' },
      ],
    },
    {
      name: 'other directories do not count',
      files: { 'a/compose.yaml': 'services:\n  db:\n    image: postgres:17\n', 'b/compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n' },
      errors: [{ file: 'b/compose.yaml', line: 4, column: 18 }],
    },
    {
      name: 'service defined only in an unrelated -f set',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [cache]\n', 'tools/compose.yaml': 'services:\n  cache:\n    image: redis:7\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 18, message: '"cache"' }],
    },
    {
      name: 'explicit file set from settings',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n', 'stack.yml': 'services:\n  worker:\n    image: w:1\n    depends_on: [queue]\n' },
      settings: { compose: { files: ['compose.yaml', 'stack.yml'] } },
      errors: [{ file: 'stack.yml', line: 4, column: 18, message: 'defined: api' }],
    },
  ],
});
