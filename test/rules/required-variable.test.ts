import rule from '../../rules/required-variable.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'default', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION:-17}\n' } },
    { name: 'defined in .env', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION}\n', '.env': 'PG_VERSION=17\n' } },
    { name: 'dollar-dollar', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n    command: sh -c "echo $$HOME"\n' } },
    { name: 'empty value counts', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n    environment:\n      EXTRA: $EXTRA\n', '.env': 'EXTRA=\n' } },
    { name: 'defined in an env file from settings', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION}\n', 'ci.env': 'PG_VERSION=17\n' }, settings: { compose: { envFiles: ['ci.env'] } } },
  ],
  invalid: [
    { name: 'braced', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION}\n' }, errors: [{ line: 3, column: 12, message: 'PG_VERSION' }] },
    { name: 'bare', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n    environment:\n      - PASSWORD=$DB_PASSWORD\n', '.env': 'OTHER=1\n' }, errors: [{ file: 'compose.yaml', line: 5, message: 'DB_PASSWORD' }] },
    { name: 'required with message', files: { 'compose.yaml': 'services:\n  api:\n    image: "api:${TAG:?set TAG first}"\n' }, errors: [{ line: 3, message: 'set TAG first' }] },
    { name: 'used in an override file', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n', 'compose.override.yaml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${PG_PASSWORD}\n', '.env': 'OTHER=1\n' }, errors: [{ file: 'compose.override.yaml', line: 4, column: 26, message: 'PG_PASSWORD' }] },
  ],
});
