import rule from '../../rules/compose-duplicate-host-port.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'different ports', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["8080:80"]\n  b:\n    ports: ["8081:80"]\n' } },
    { name: 'different protocols', files: { 'compose.yaml': 'services:\n  dns:\n    ports: ["53:53/udp", "53:53/tcp"]\n' } },
    { name: 'different host addresses', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["127.0.0.1:80:80"]\n  b:\n    ports: ["127.0.0.2:80:80"]\n' } },
    { name: 'random host ports', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["80"]\n  b:\n    ports: ["80"]\n' } },
    { name: 'host range for one container port', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["8000-8010:80"]\n  b:\n    ports: ["8000-8010:80"]\n' } },
    { name: 'profiles that never run together', files: { 'compose.yaml': 'services:\n  dev:\n    profiles: [dev]\n    ports: ["80:80"]\n  prod:\n    profiles: [prod]\n    ports: ["80:80"]\n' } },
    { name: 'different variables with no value', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["${A_PORT}:80"]\n  b:\n    ports: ["${B_PORT}:80"]\n' } },
    { name: 'adjacent ranges', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["8000-8009:8000-8009"]\n  b:\n    ports: ["8010-8019:8000-8009"]\n' } },
  ],
  invalid: [
    { name: 'same port, two services', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n  admin:\n    ports:\n      - "8080:3000"\n' }, errors: [{ line: 6, column: 9, message: 'host port 8080/tcp, already published by service "web" ("8080:80", line 3)' }] },
    { name: 'overlapping ranges', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["8000-8010:8000-8010"]\n  b:\n    ports: ["8005:80"]\n' }, errors: [{ line: 5, column: 13, message: '8005/tcp' }] },
    { name: 'every address clashes with loopback', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["127.0.0.1:80:80"]\n  b:\n    ports: ["80:80"]\n' }, errors: [{ line: 5, column: 13 }] },
    {
      name: 'long syntax published',
      files: { 'compose.yaml': 'services:\n  a:\n    ports: ["443:443"]\n  b:\n    ports:\n      - target: 8443\n        published: 443\n' },
      errors: [{ line: 7, column: 20, message: 'service "a"' }],
    },
    { name: 'twice in one service', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["80:80", "80:8080"]\n' }, errors: [{ line: 3, column: 22, message: 'this service' }] },
    { name: 'the same variable with no value', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["${WEB_PORT}:80"]\n  b:\n    ports: ["${WEB_PORT}:8080"]\n' }, errors: [{ line: 5, column: 13, message: 'host port ${WEB_PORT}, already published by service "a"' }] },
    { name: 'range inside a range', files: { 'compose.yaml': 'services:\n  a:\n    ports: ["9000-9100:9000-9100"]\n  b:\n    ports: ["9050-9060:50-60"]\n' }, errors: [{ line: 5, column: 13, message: '9050/tcp (in 9050-9060)' }] },
  ],
});
