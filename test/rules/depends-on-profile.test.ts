import rule from '../../rules/depends-on-profile.js';
import { testRule } from '../helpers/rule-tester.js';

const base = 'services:\n  base:\n    image: app-base:1\n    profiles: ["build"]\n';

testRule(rule, {
  valid: [
    { name: 'no profiles', files: { 'compose.yaml': 'services:\n  base:\n    image: app-base:1\n  api:\n    image: api:1\n    depends_on:\n      - base\n' } },
    { name: 'required false', files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    depends_on:\n      base:\n        condition: service_started\n        required: false\n` } },
    { name: 'dependant has the profile', files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    profiles: ["build"]\n    depends_on:\n      - base\n` } },
    { name: 'exit-on-start pattern', files: { 'compose.yaml': 'services:\n  base:\n    image: app-base:1\n    command: "true"\n    restart: "no"\n  api:\n    image: api:1\n    depends_on: [base]\n' } },
    { name: 'the profile is active (settings.compose.profiles)', files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    depends_on:\n      - base\n` }, settings: { compose: { profiles: ['build'] } } },
  ],
  invalid: [
    { name: 'list form', files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    depends_on:\n      - base\n` }, errors: [{ line: 8, column: 9, message: 'profile "build"' }] },
    { name: 'map form', files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    depends_on:\n      base:\n        condition: service_completed_successfully\n` }, errors: [{ line: 8, column: 7, message: 'required: false' }] },
    {
      name: 'profile set in override file',
      files: { 'compose.yaml': 'services:\n  base:\n    image: app-base:1\n  api:\n    image: api:1\n    depends_on: [base]\n', 'compose.override.yaml': 'services:\n  base:\n    profiles: [tools]\n' },
      errors: [{ file: 'compose.yaml', line: 6, message: '"tools"' }],
    },
    {
      name: 'dependant under another profile',
      files: { 'compose.yaml': `${base}  api:\n    image: api:1\n    profiles: [web]\n    depends_on:\n      - base\n` },
      errors: [{ line: 9, column: 9, message: 'with only --profile web compose rejects the project' }],
    },
  ],
});
