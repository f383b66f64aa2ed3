import rule from '../../rules/resource-limits.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'deploy limits', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n' } },
    { name: 'mem_limit', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    mem_limit: 256m\n' } },
    { name: 'cpus', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    cpus: 0.5\n' } },
    { name: 'limits in a sibling override', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    deploy:\n      replicas: 2\n', 'compose.prod.yaml': 'services:\n  api:\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n' } },
    { name: 'build-only service', files: { 'compose.yaml': 'services:\n  base:\n    build: .\n    command: "true"\n' } },
  ],
  invalid: [
    { name: 'nothing', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n' }, errors: [{ line: 2, column: 3, message: 'no memory or CPU limit' }] },
    { name: 'reservations only', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    deploy:\n      resources:\n        reservations:\n          memory: 128M\n' }, errors: [{ line: 2, column: 3 }] },
    { name: 'pids limit only', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n  api:\n    image: a:1\n    mem_limit: 1g\n  worker:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n' }, errors: [{ line: 2, column: 3 }, { line: 7, column: 3 }] },
  ],
});
