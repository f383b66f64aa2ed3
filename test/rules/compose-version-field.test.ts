import { expect, it } from 'vitest';
import rule from '../../rules/compose-version-field.js';
import { fixedText } from '../helpers/apply-fix.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no version', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'version inside a service is something else', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "2"\n' } },
    { name: 'x- extension named version-ish', files: { 'compose.yaml': 'x-version: 3\nservices:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'empty file', files: { 'compose.yaml': '' } },
  ],
  invalid: [
    { name: 'first line', files: { 'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n' }, errors: [{ line: 1, column: 1, message: 'obsolete' }] },
    { name: 'after a comment', files: { 'docker-compose.yml': '# stack\nversion: \'2.4\'\n\nservices: {}\n' }, errors: [{ line: 2, column: 1 }] },
    { name: 'at the end', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\nversion: "3"\n' }, errors: [{ line: 4, column: 1 }] },
    { name: 'flow mapping root', files: { 'compose.yaml': '{version: "3", services: {}}\n' }, errors: [{ line: 1, column: 2 }] },
  ],
});

it('fix: removes the line and the blank line after it at the top of the file', async () => {
  const files = { 'compose.yaml': 'version: "3.8"  # old format\n\nservices:\n  web:\n    image: nginx:1.27\n' };
  expect(await fixedText(rule, files, 'compose.yaml')).toBe('services:\n  web:\n    image: nginx:1.27\n');
});

it('fix: keeps comments and blank lines around a version in the middle', async () => {
  const files = { 'compose.yaml': '# header\nname: shop\nversion: "3"\n\nservices:\n  web:\n    image: nginx:1.27 # pinned\n' };
  expect(await fixedText(rule, files, 'compose.yaml')).toBe('# header\nname: shop\n\nservices:\n  web:\n    image: nginx:1.27 # pinned\n');
});

it('fix: CRLF files and a file without a final newline', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'version: "3"\r\nservices: {}\r\n' }, 'compose.yaml')).toBe('services: {}\r\n');
  expect(await fixedText(rule, { 'compose.yaml': 'services: {}\nversion: "3"' }, 'compose.yaml')).toBe('services: {}\n');
});
