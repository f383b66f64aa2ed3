import rule from '../../rules/build-context-isolation.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'separate contexts', files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n  web:\n    build: ./web\n' } },
    { name: 'same context, other targets', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n  worker:\n    build:\n      context: .\n      target: worker\n' } },
    { name: 'same context, other Dockerfiles', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api.Dockerfile\n  web:\n    build:\n      context: .\n      dockerfile: web.Dockerfile\n' } },
    { name: 'unresolved Dockerfile variables', files: { 'compose.yaml': 'services:\n  ad:\n    build:\n      context: .\n      dockerfile: ${AD_DOCKERFILE}\n  cart:\n    build:\n      context: .\n      dockerfile: ${CART_DOCKERFILE}\n' } },
  ],
  invalid: [
    { name: 'same everything', files: { 'compose.yaml': 'services:\n  api:\n    build: .\n  worker:\n    build: .\n' }, errors: [{ line: 5, column: 12, message: '"api"' }] },
    { name: 'same via ./', files: { 'compose.yaml': 'services:\n  api:\n    build: ./app\n  worker:\n    build:\n      context: app\n      dockerfile: Dockerfile\n' }, errors: [{ line: 6 }] },
    {
      name: 'strict: shared context',
      options: { strict: true },
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api.Dockerfile\n  web:\n    build:\n      context: .\n      dockerfile: web.Dockerfile\n' },
      errors: [{ line: 8, message: 'shares the build context' }],
    },
  ],
});
