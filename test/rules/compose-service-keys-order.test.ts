import { expect, it } from 'vitest';
import rule from '../../rules/compose-service-keys-order.js';
import { fixedText } from '../helpers/apply-fix.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the full order',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    build: .\n    depends_on: [db]\n    volumes: []\n    environment: {}\n    ports: []\n    command: serve\n    restart: always\n    healthcheck: {test: [CMD, true]}\n    logging: {}\n    user: app\n    deploy: {}\n    pull_policy: build\n' },
    },
    { name: 'merge key first', files: { 'compose.yaml': 'x-base: &base\n  restart: always\nservices:\n  api:\n    <<: *base\n    image: a:1\n' } },
    { name: 'other keys alphabetical', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    cap_drop: [ALL]\n    init: true\n    read_only: true\n' } },
    { name: 'custom groups', files: { 'compose.yaml': 'services:\n  api:\n    restart: always\n    image: a:1\n' }, options: { groups: [['restart'], ['image']] } },
  ],
  invalid: [
    { name: 'image after ports', files: { 'compose.yaml': 'services:\n  api:\n    ports: ["127.0.0.1:80:80"]\n    image: nginx:1.27\n' }, errors: [{ line: 4, column: 5, message: '"image" should come before "ports"' }] },
    {
      name: 'two misplaced',
      files: { 'compose.yaml': 'services:\n  api:\n    restart: always\n    environment: {}\n    image: a:1\n' },
      errors: [{ line: 4, column: 5, message: '"environment" should come before "restart"' }, { line: 5, column: 5, message: '"image" should come before "restart"' }],
    },
    { name: 'other keys out of order', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    tty: true\n    init: true\n' }, errors: [{ line: 5, column: 5, message: '"init" should come before "tty"' }] },
  ],
});

it('fix: reorders the keys of a service and keeps comments and nested blocks', async () => {
  const text = 'services:\n  api:\n    restart: unless-stopped # keep up\n    # where it listens\n    ports:\n      - "127.0.0.1:8080:8080"\n    image: shop/api:2.1\n  db:\n    image: postgres:17.2\n';
  expect(await fixedText(rule, { 'compose.yaml': text }, 'compose.yaml')).toBe(
    'services:\n  api:\n    image: shop/api:2.1\n    # where it listens\n    ports:\n      - "127.0.0.1:8080:8080"\n    restart: unless-stopped # keep up\n  db:\n    image: postgres:17.2\n',
  );
});

it('one misplaced key gives one finding, not one per key it jumped', async () => {
  const text = 'services:\n  api:\n    restart: always\n    image: a:1\n    build: .\n    depends_on: [db]\n    environment: {}\n    ports: []\n';
  const findings = await runRule(rule, { files: { 'compose.yaml': text } });
  expect(findings.map((finding) => [finding.line, finding.message])).toEqual([[3, 'In service "api", "restart" should come after "ports".']]);
});
