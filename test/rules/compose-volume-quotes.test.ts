import { expect, it } from 'vitest';
import rule from '../../rules/compose-volume-quotes.js';
import { fixedText } from '../helpers/apply-fix.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain', files: { 'compose.yaml': 'services:\n  db:\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n' } },
    { name: 'quotes needed for ": "', files: { 'compose.yaml': 'services:\n  db:\n    volumes:\n      - "./my data: 2024:/data"\n' } },
    { name: 'quotes needed for a leading *', files: { 'compose.yaml': "services:\n  db:\n    volumes:\n      - '*cache:/cache'\n" } },
    { name: 'long syntax', files: { 'compose.yaml': 'services:\n  db:\n    volumes:\n      - type: bind\n        source: "./data"\n        target: /data\n' } },
    { name: 'top-level volumes are not service mounts', files: { 'compose.yaml': 'volumes:\n  data:\n    name: "shop-data"\n' } },
  ],
  invalid: [
    { name: 'double quotes', files: { 'compose.yaml': 'services:\n  db:\n    volumes:\n      - "db-data:/var/lib/postgresql/data"\n' }, errors: [{ line: 4, column: 9, message: 'Drop the quotes' }] },
    { name: 'single quotes in a flow list', files: { 'compose.yaml': "services:\n  web:\n    volumes: ['./html:/usr/share/nginx/html:ro']\n" }, errors: [{ line: 3, column: 15 }] },
    {
      name: 'with interpolation',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - "${DATA_DIR:-./data}:/data"\n      - "./logs:/logs"\n' },
      errors: [{ line: 5, column: 9 }, { line: 6, column: 9 }],
    },
  ],
});

it('fix: removes the quotes only', async () => {
  expect(await fixedText(rule, { 'compose.yaml': 'services:\n  db:\n    volumes:\n      - "db-data:/var/lib/postgresql/data" # data\n      - "./my data: 2024:/data"\n' }, 'compose.yaml')).toBe(
    'services:\n  db:\n    volumes:\n      - db-data:/var/lib/postgresql/data # data\n      - "./my data: 2024:/data"\n',
  );
  expect(await fixedText(rule, { 'compose.yaml': "services:\n  web:\n    volumes: ['./html:/html:ro', \"./conf:/conf\"]\n" }, 'compose.yaml')).toBe('services:\n  web:\n    volumes: [./html:/html:ro, ./conf:/conf]\n');
});
