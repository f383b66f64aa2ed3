import { expect, it } from 'vitest';
import rule from '../../rules/compose-ports-order.js';
import { fixedText } from '../helpers/apply-fix.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ascending by number', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "127.0.0.1:80:80"\n      - "127.0.0.1:443:443"\n      - "127.0.0.1:8080:8080"\n' } },
    { name: 'container-only ports', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["80", "443"]\n' } },
    { name: 'unknown variable', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["${HTTPS}:443", "80:80"]\n' } },
    { name: 'long syntax', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n      - target: 443\n        published: "8443"\n' } },
  ],
  invalid: [
    { name: 'short syntax', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "443:443"\n      - "80:80"\n' }, errors: [{ line: 5, column: 9, message: '"80:80" should come before "443:443"' }] },
    { name: 'numeric, not text order', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["8080:8080", "9000:9000", "443:443"]\n' }, errors: [{ line: 3, column: 39 }] },
    {
      name: 'long syntax',
      files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - target: 443\n        published: 8443\n      - target: 80\n        published: 8080\n' },
      errors: [{ line: 6, column: 9 }],
    },
    { name: 'resolved from .env', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["${HTTPS:-443}:443", "80:80"]\n' }, errors: [{ line: 3, column: 34 }] },
  ],
});

it('fix: sorts block and flow port lists', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "443:443" # tls\n      - "80:80"\n' }, 'compose.yaml')).toBe('services:\n  web:\n    ports:\n      - "80:80"\n      - "443:443" # tls\n');
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  web:\n    ports: ["8080:8080", "9000:9000", "443:443"]\n' }, 'compose.yaml')).toBe('services:\n  web:\n    ports: ["443:443", "8080:8080", "9000:9000"]\n');
});
