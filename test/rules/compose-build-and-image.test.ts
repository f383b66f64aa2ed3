import { expect, it } from 'vitest';
import rule from '../../rules/compose-build-and-image.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'build only', files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n' } },
    { name: 'image only', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n' } },
    { name: 'pull_policy build', files: { 'compose.yaml': 'services:\n  api:\n    image: shop-api:2.1\n    build: ./api\n    pull_policy: build\n' } },
    { name: 'pull_policy missing (a pushed image, built as a fallback)', files: { 'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:2.1\n    build: ./api\n    pull_policy: missing\n' } },
  ],
  invalid: [
    { name: 'both', files: { 'compose.yaml': 'services:\n  api:\n    image: shop-api:2.1\n    build: ./api\n' }, errors: [{ line: 4, column: 5, message: 'pull_policy: build' }] },
    {
      name: 'build mapping first',
      files: { 'compose.yaml': 'services:\n  base:\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n    image: crucible-base:1\n' },
      errors: [{ line: 3, column: 5, message: '"crucible-base:1"' }],
    },
    { name: 'pull_policy ignored when checkPullPolicy is off', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    build: .\n    pull_policy: build\n' }, options: { checkPullPolicy: false }, errors: [{ line: 4, column: 5, message: 'use one of them' }] },
    { name: 'through a merge key', files: { 'compose.yaml': 'x-built: &built\n  build: .\nservices:\n  api:\n    <<: *built\n    image: a:1\n' }, errors: [{ line: 2, column: 3 }] },
  ],
});

it('shows an image that needs variables as written', async () => {
  const [finding] = await runRule(rule, { files: { 'compose.yaml': 'services:\n  ad:\n    image: ${IMAGE_NAME}:${DEMO_VERSION}-ad\n    build: ./ad\n' } });
  expect(finding!.message).toContain('"${IMAGE_NAME}:${DEMO_VERSION}-ad"');
});
