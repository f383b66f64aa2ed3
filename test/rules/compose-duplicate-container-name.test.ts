import rule from '../../rules/compose-duplicate-container-name.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'unique', files: { 'compose.yaml': 'services:\n  api:\n    container_name: shop-api\n  worker:\n    container_name: shop-worker\n' } },
    { name: 'none set', files: { 'compose.yaml': 'services:\n  api: {}\n  worker: {}\n' } },
    { name: 'profiles that never run together', files: { 'compose.yaml': 'services:\n  a:\n    profiles: [dev]\n    container_name: app\n  b:\n    profiles: [prod]\n    container_name: app\n' } },
    { name: 'different unresolved variables', files: { 'compose.yaml': 'services:\n  a:\n    container_name: ${NAME_A}\n  b:\n    container_name: ${NAME_B}\n' } },
  ],
  invalid: [
    { name: 'same name', files: { 'compose.yaml': 'services:\n  api:\n    container_name: shop-api\n  worker:\n    container_name: shop-api\n' }, errors: [{ line: 5, column: 21, message: 'already used by service "api" (line 3)' }] },
    {
      name: 'three services',
      files: { 'compose.yaml': 'services:\n  a:\n    container_name: x1\n  b:\n    container_name: x1\n  c:\n    container_name: "x1"\n' },
      errors: [{ line: 5, column: 21 }, { line: 7, column: 21 }],
    },
    { name: 'same after interpolation', files: { 'compose.yaml': 'services:\n  a:\n    container_name: ${P:-shop}-db\n  b:\n    container_name: shop-db\n' }, errors: [{ line: 5, column: 21, message: '"shop-db"' }] },
    { name: 'the same variable, whatever its value', files: { 'compose.yaml': 'services:\n  test:\n    container_name: ${FIXED_NAME}\n  another_test:\n    container_name: ${FIXED_NAME}\n' }, errors: [{ line: 5, column: 21, message: '"${FIXED_NAME}"' }] },
    { name: 'shared profile', files: { 'compose.yaml': 'services:\n  a:\n    profiles: [dev, test]\n    container_name: app\n  b:\n    profiles: [test]\n    container_name: app\n' }, errors: [{ line: 7, column: 21 }] },
  ],
});
