import { expect, it } from 'vitest';
import rule from '../../rules/compose-depends-on-order.js';
import { fixedText } from '../helpers/apply-fix.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'sorted list', files: { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      - cache\n      - db\n' } },
    { name: 'sorted mapping', files: { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      cache:\n        condition: service_started\n      db:\n        condition: service_healthy\n' } },
    { name: 'single', files: { 'compose.yaml': 'services:\n  api:\n    depends_on: [db]\n' } },
    { name: 'none', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n' } },
  ],
  invalid: [
    { name: 'list', files: { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      - redis\n      - db\n' }, errors: [{ line: 5, column: 9, message: '"db" should come before "redis"' }] },
    { name: 'flow list', files: { 'compose.yaml': 'services:\n  api:\n    depends_on: [redis, db, cache]\n' }, errors: [{ line: 3, column: 25 }] },
    {
      name: 'mapping',
      files: { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n      db:\n        condition: service_healthy\n' },
      errors: [{ line: 6, column: 7, message: 'service "api"' }],
    },
  ],
});

it('fix: sorts a list, a flow list and a mapping with its conditions', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      - redis # cache\n      - db\n' }, 'compose.yaml')).toBe('services:\n  api:\n    depends_on:\n      - db\n      - redis # cache\n');
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  api:\n    depends_on: [redis, db, cache]\n' }, 'compose.yaml')).toBe('services:\n  api:\n    depends_on: [cache, db, redis]\n');
  const mapping = 'services:\n  api:\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n      db:\n        condition: service_healthy\n    restart: always\n';
  expect(await fixedText(rule, { 'compose.yaml': mapping }, 'compose.yaml')).toBe(
    'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n      migrate:\n        condition: service_completed_successfully\n    restart: always\n',
  );
});
