import path from 'node:path';
import { expect, it } from 'vitest';
import rule, { defaultProjectName } from '../../rules/compose-project-name.js';
import { fixedText } from '../helpers/apply-fix.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'has a name', files: { 'compose.yaml': 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'COMPOSE_PROJECT_NAME in .env', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', '.env': 'COMPOSE_PROJECT_NAME=shop\n' } },
    { name: 'override file beside a base file', files: { 'compose.yaml': 'name: shop\nservices: {}\n', 'compose.prod.yaml': 'services:\n  web:\n    restart: always\n' } },
    { name: 'compose.override.yaml alone', files: { 'compose.override.yaml': 'services:\n  web:\n    restart: always\n' } },
    { name: 'empty file', files: { 'compose.yaml': '' } },
  ],
  invalid: [
    { name: 'no name: points at services', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' }, errors: [{ line: 1, column: 1, message: 'add `name:' }] },
    { name: 'after x- and version', files: { 'compose.yaml': 'x-env: &env\n  TZ: UTC\nversion: "3"\nservices:\n  web:\n    image: nginx:1.27\n' }, errors: [{ line: 4, column: 1 }] },
    { name: 'in a sub-directory', files: { 'deploy/docker-compose.yml': '# stack\nservices:\n  web:\n    image: nginx:1.27\n' }, errors: [{ file: 'deploy/docker-compose.yml', line: 2, column: 1, message: '"deploy"' }] },
  ],
});

it('normalises directory names as Compose does', () => {
  expect(defaultProjectName('/src/My Shop.v2')).toBe('myshopv2');
  expect(defaultProjectName('/src/_-app')).toBe('app');
});

it('fix: inserts the current project name before services, above the comment that belongs to services', async () => {
  const files = { 'app/compose.yaml': 'x-env: &env\n  TZ: UTC\n\n# the stack\nservices:\n  web:\n    image: nginx:1.27\n' };
  expect(await fixedText(rule, files, 'app/compose.yaml')).toBe('x-env: &env\n  TZ: UTC\n\nname: app\n# the stack\nservices:\n  web:\n    image: nginx:1.27\n');
});

it('fix: a numeric directory name is quoted', async () => {
  expect(await fixedText(rule, { '2024/compose.yaml': 'services: {}\n' }, '2024/compose.yaml')).toBe('name: "2024"\nservices: {}\n');
});

it('names the directory the project would be named after', async () => {
  const [finding] = await runRule(rule, { files: { 'Billing/compose.yaml': 'services: {}\n' } });
  expect(finding!.message).toContain('"billing"');
  expect(path.basename(finding!.fix!.edits[0]!.file)).toBe('compose.yaml');
});
