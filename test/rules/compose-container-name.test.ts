import rule from '../../rules/compose-container-name.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'valid names', files: { 'compose.yaml': 'services:\n  web:\n    container_name: shop-web\n  db:\n    container_name: shop_db.1\n' } },
    { name: 'no container_name', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'unresolved variable', files: { 'compose.yaml': 'services:\n  web:\n    container_name: ${PREFIX}-web\n' } },
    { name: 'resolved from .env', files: { 'compose.yaml': 'services:\n  web:\n    container_name: ${PREFIX}-web\n', '.env': 'PREFIX=shop\n' } },
    { name: 'team pattern', files: { 'compose.yaml': 'services:\n  web:\n    container_name: shop-web\n' }, options: { pattern: '^shop-[a-z0-9-]+$' } },
  ],
  invalid: [
    { name: 'space', files: { 'compose.yaml': 'services:\n  web:\n    container_name: "shop web"\n' }, errors: [{ line: 3, column: 21, message: 'Docker rejects' }] },
    { name: 'leading dash', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    container_name: -web\n' }, errors: [{ line: 4, column: 21 }] },
    { name: 'one character', files: { 'compose.yaml': 'services:\n  web:\n    container_name: w\n' }, errors: [{ line: 3, column: 21 }] },
    { name: 'slash from .env', files: { 'compose.yaml': 'services:\n  web:\n    container_name: ${PREFIX}-web\n', '.env': 'PREFIX=team/shop\n' }, errors: [{ file: 'compose.yaml', line: 3, column: 21, message: '"team/shop-web"' }] },
    { name: 'breaks the team pattern', files: { 'compose.yaml': 'services:\n  web:\n    container_name: web\n' }, options: { pattern: '^shop-[a-z0-9-]+$' }, errors: [{ line: 3, column: 21, message: 'required pattern' }] },
  ],
});
