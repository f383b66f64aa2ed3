import rule from '../../rules/compose-unbound-port.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'loopback', files: { 'compose.yaml': 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "[::1]:5433:5432"\n' } },
    { name: 'explicit every address is a decision', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["0.0.0.0:80:80", "[::]:443:443"]\n' } },
    { name: 'long syntax host_ip', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n' } },
    { name: 'address from a variable with no value', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["${BIND_ADDRESS}:80:80", "${PORTS}"]\n' } },
    { name: 'address from .env', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["${BIND}:80:80"]\n', '.env': 'BIND=127.0.0.1\n' } },
  ],
  invalid: [
    { name: 'host:container', files: { 'compose.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n' }, errors: [{ line: 4, column: 9, message: '"127.0.0.1:5432:5432"' }] },
    { name: 'container only', files: { 'compose.yaml': 'services:\n  web:\n    ports: [3000]\n' }, errors: [{ line: 3, column: 13, message: '"127.0.0.1::3000"' }] },
    { name: 'long syntax', files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n' }, errors: [{ line: 4, column: 9, message: 'host_ip: 127.0.0.1' }] },
    { name: 'variable host port', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["${WEB_PORT:-8080}:80"]\n' }, errors: [{ line: 3, column: 13, message: 'port "8080:80"' }] },
  ],
});
