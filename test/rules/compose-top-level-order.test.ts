import { expect, it } from 'vitest';
import rule from '../../rules/compose-top-level-order.js';
import { fixedText } from '../helpers/apply-fix.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the full order', files: { 'compose.yaml': 'x-b: 1\nx-a: 2\nname: shop\ninclude: [other.yaml]\nservices: {}\nnetworks: {}\nvolumes: {}\nsecrets: {}\nconfigs: {}\n' } },
    { name: 'only services', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'unknown keys last', files: { 'compose.yaml': 'services: {}\nvolumes: {}\nmodels: {}\n' } },
    { name: 'custom order', files: { 'compose.yaml': 'services: {}\nname: shop\n' }, options: { order: ['services', 'name'] } },
  ],
  invalid: [
    { name: 'name after services', files: { 'compose.yaml': 'services: {}\nname: shop\n' }, errors: [{ line: 2, column: 1, message: '"name" should come before "services"' }] },
    {
      name: 'volumes before services, x- last',
      files: { 'compose.yaml': 'volumes:\n  data: {}\nservices:\n  db:\n    image: postgres:17.2\nx-common: 1\n' },
      errors: [{ line: 3, column: 1, message: '"services" should come before "volumes"' }, { line: 6, column: 1, message: '"x-common" should come before "volumes"' }],
    },
    { name: 'networks after volumes', files: { 'compose.yaml': 'services: {}\nvolumes: {}\nnetworks: {}\n' }, errors: [{ line: 3, column: 1, message: 'before "volumes"' }] },
  ],
});

it('fix: moves whole entries with their comments and keeps blank-line layout', async () => {
  const text = '# volumes for the db\nvolumes:\n  data: {}\n\n# the stack\nservices:\n  db:\n    image: postgres:17.2  # pinned\n    volumes: [data:/var/lib/postgresql/data]\n\nname: shop\n';
  // Entries move with the comments above them; the blank lines between entries stay where they were.
  expect(await fixedText(rule, { 'compose.yaml': text }, 'compose.yaml')).toBe(
    'name: shop\n\n# the stack\nservices:\n  db:\n    image: postgres:17.2  # pinned\n    volumes: [data:/var/lib/postgresql/data]\n\n# volumes for the db\nvolumes:\n  data: {}\n',
  );
});

it('fix: not offered when it would move an alias above its anchor', async () => {
  const text = 'services:\n  web:\n    <<: *defaults\n    image: nginx:1.27\nx-defaults: &defaults\n  restart: always\n';
  // Moving x-defaults up is what makes this file valid, so the fix is offered here…
  const [finding] = await runRule(rule, { files: { 'compose.yaml': text } });
  expect(finding!.fix).toBeDefined();
  // …but not when the anchor is in services and the alias in an x- key that must go first.
  const other = 'services:\n  web: &web\n    image: nginx:1.27\nx-copy: *web\n';
  const [second] = await runRule(rule, { files: { 'compose.yaml': other } });
  expect(second!.line).toBe(4);
  expect(second!.fix).toBeUndefined();
});
