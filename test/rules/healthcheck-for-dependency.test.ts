import rule from '../../rules/healthcheck-for-dependency.js';
import { testRule } from '../helpers/rule-tester.js';

const api = 'services:\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_healthy\n';

testRule(rule, {
  valid: [
    { name: 'compose healthcheck', files: { 'compose.yaml': `${api}  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n` } },
    { name: 'Dockerfile HEALTHCHECK', files: { 'compose.yaml': `${api}  db:\n    build: ./db\n`, 'db/Dockerfile': 'FROM postgres:17\nHEALTHCHECK CMD pg_isready\n' } },
    { name: 'not required', files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_healthy\n        required: false\n  db:\n    image: postgres:17\n' } },
    { name: 'service_started needs nothing', files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:17\n' } },
    {
      name: 'HEALTHCHECK in target stage',
      files: { 'compose.yaml': `${api}  db:\n    build:\n      context: ./db\n      target: run\n`, 'db/Dockerfile': 'FROM postgres:17 AS run\nHEALTHCHECK CMD pg_isready\nFROM run AS debug\nHEALTHCHECK NONE\n' },
    },
    { name: 'health check added by the override file', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n', 'compose.override.yaml': 'services:\n  db:\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n' } },
  ],
  invalid: [
    { name: 'no healthcheck', files: { 'compose.yaml': `${api}  db:\n    image: postgres:17\n` }, errors: [{ line: 6, column: 20, message: 'no health check' }] },
    { name: 'disabled', files: { 'compose.yaml': `${api}  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n` }, errors: [{ line: 6 }] },
    { name: 'HEALTHCHECK NONE', files: { 'compose.yaml': `${api}  db:\n    build: ./db\n`, 'db/Dockerfile': 'FROM postgres:17\nHEALTHCHECK NONE\n' }, errors: [{ file: 'compose.yaml', line: 6 }] },
    {
      name: 'HEALTHCHECK only in another stage',
      files: { 'compose.yaml': `${api}  db:\n    build:\n      context: ./db\n      target: base\n`, 'db/Dockerfile': 'FROM postgres:17 AS base\nFROM base AS run\nHEALTHCHECK CMD pg_isready\n' },
      errors: [{ file: 'compose.yaml', line: 6 }],
    },
    {
      name: 'health check removed with !reset in the override file',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n', 'compose.override.yaml': 'services:\n  db:\n    healthcheck: !reset null\n' },
      errors: [{ file: 'compose.yaml', line: 6, column: 20, message: '"db" has no health check' }],
    },
  ],
});
