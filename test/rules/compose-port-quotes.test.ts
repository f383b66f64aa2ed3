import { expect, it } from 'vitest';
import rule from '../../rules/compose-port-quotes.js';
import { fixedText } from '../helpers/apply-fix.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'double quotes', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "127.0.0.1:80:80"\n    expose:\n      - "3000"\n' } },
    { name: 'single quotes', files: { 'compose.yaml': "services:\n  web:\n    ports: ['80:80', '443:443']\n" } },
    { name: 'long syntax is not a string entry', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n' } },
    { name: 'the required style', files: { 'compose.yaml': "services:\n  web:\n    ports: ['80:80']\n" }, options: { quoteType: 'single' } },
  ],
  invalid: [
    { name: 'sexagesimal trap', files: { 'compose.yaml': 'services:\n  sftp:\n    ports:\n      - 22:22\n' }, errors: [{ line: 4, column: 9, message: 'base-60' }] },
    { name: 'expose number', files: { 'compose.yaml': 'services:\n  web:\n    expose:\n      - 3000\n' }, errors: [{ line: 4, column: 9, message: '`expose` entry 3000' }] },
    { name: 'flow list, one of two', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["80:80", 443:443]\n' }, errors: [{ line: 3, column: 22 }] },
    { name: 'wrong style', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "80:80"\n' }, options: { quoteType: 'single' }, errors: [{ line: 4, column: 9, message: 'single quotes' }] },
  ],
});

it('fix: adds quotes, or swaps them for the required style', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  web:\n    ports:\n      - 22:22 # ssh\n      - 127.0.0.1:80:80\n    expose: [3000]\n' }, 'compose.yaml')).toBe(
    'services:\n  web:\n    ports:\n      - "22:22" # ssh\n      - "127.0.0.1:80:80"\n    expose: ["3000"]\n',
  );
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  web:\n    ports: ["80:80", 443]\n' }, 'compose.yaml', { quoteType: 'single' })).toBe("services:\n  web:\n    ports: ['80:80', '443']\n");
});

it('keeps the text as written: 22:22 stays 22:22, not the number a YAML 1.1 parser would make of it', async () => {
  const [finding] = await runRule(rule, { files: { 'compose.yaml': 'services:\n  a:\n    ports: [22:22]\n' } });
  expect(finding!.fix!.edits[0]!.text).toBe('"22:22"');
});
