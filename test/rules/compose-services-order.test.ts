import { expect, it } from 'vitest';
import rule from '../../rules/compose-services-order.js';
import { fixedText } from '../helpers/apply-fix.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'sorted', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n  db:\n    image: postgres:17.2\n  web:\n    image: nginx:1.27\n' } },
    { name: 'one service', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'case-insensitive order', files: { 'compose.yaml': 'services:\n  Api: {}\n  db: {}\n  Web: {}\n' } },
    { name: 'no services', files: { 'compose.yaml': 'volumes:\n  data: {}\n' } },
  ],
  invalid: [
    { name: 'two swapped', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17.2\n' }, errors: [{ line: 4, column: 3, message: '"db" should come before "web"' }] },
    {
      name: 'only the services that must move',
      files: { 'compose.yaml': 'services:\n  worker: {}\n  api: {}\n  db: {}\n  cache: {}\n' },
      errors: [
        { line: 2, column: 3, message: '"worker" should come after "db"' },
        { line: 5, column: 3, message: '"cache" should come before "db"' },
      ],
    },
    { name: 'flow mapping', files: { 'compose.yaml': 'services: {web: {image: "nginx:1.27"}, api: {image: "shop/api:2.1"}}\n' }, errors: [{ line: 1, column: 40 }] },
  ],
});

it('fix: moves service blocks with their comments; blank-line layout stays', async () => {
  const text = [
    'services:',
    '  # the public site',
    '  web:',
    '    image: nginx:1.27  # pinned',
    '    depends_on: [api]',
    '',
    '  # the API',
    '  api:',
    '    image: shop/api:2.1',
    '    command: |',
    '      serve --port 8080',
    '',
    'volumes: {}',
    '',
  ].join('\n');
  expect(await fixedText(rule, { 'compose.yaml': text }, 'compose.yaml')).toBe(
    ['services:', '  # the API', '  api:', '    image: shop/api:2.1', '    command: |', '      serve --port 8080', '', '  # the public site', '  web:', '    image: nginx:1.27  # pinned', '    depends_on: [api]', '', 'volumes: {}', ''].join('\n'),
  );
});

it('fix: flow mappings are sorted in place', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'services: {web: {image: "nginx:1.27"}, api: {}}\n' }, 'compose.yaml')).toBe('services: {api: {}, web: {image: "nginx:1.27"}}\n');
});

it('fix: not offered when a service would move above the anchor it merges', async () => {
  const text = 'services:\n  web: &base\n    image: nginx:1.27\n  api:\n    <<: *base\n    command: serve\n';
  const [finding] = await runRule(rule, { files: { 'compose.yaml': text } });
  expect(finding!.line).toBe(4);
  expect(finding!.fix).toBeUndefined();
});

it('fix: offered when the anchor moves along with the service that defines it, or stays above', async () => {
  const text = 'x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n  api: &api\n    <<: *base\n    command: serve\n  admin:\n    <<: *base\n';
  // admin (no anchor, one alias of the x- anchor that stays on top) and api move freely.
  expect(await fixedText(rule, { 'compose.yaml': text }, 'compose.yaml')).toBe('x-base: &base\n  image: nginx:1.27\nservices:\n  admin:\n    <<: *base\n  api: &api\n    <<: *base\n    command: serve\n  web:\n    <<: *base\n');
});
