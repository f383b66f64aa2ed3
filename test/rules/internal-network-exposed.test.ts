import rule from '../../rules/internal-network-exposed.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'expose only', files: { 'compose.yaml': 'services:\n  db:\n    networks: [backend]\n    expose: ["5432"]\nnetworks:\n  backend:\n    internal: true\n' } },
    { name: 'ports on a normal network', files: { 'compose.yaml': 'services:\n  web:\n    networks: [frontend]\n    ports: ["127.0.0.1:80:80"]\nnetworks:\n  frontend: {}\n  backend:\n    internal: true\n' } },
    { name: 'no internal networks', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["127.0.0.1:80:80"]\n' } },
    { name: 'default network not internal', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["127.0.0.1:80:80"]\n  db:\n    networks: [backend]\nnetworks:\n  backend:\n    internal: true\n' } },
  ],
  invalid: [
    { name: 'only internal', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n    networks: [backend]\n    ports: ["5432:5432"]\nnetworks:\n  backend:\n    internal: true\n' }, errors: [{ line: 5, column: 5, message: 'only on the internal network "backend"' }] },
    {
      name: 'bridges internal and frontend',
      files: { 'compose.yaml': 'services:\n  api:\n    networks:\n      frontend: {}\n      backend:\n        aliases: [api]\n    ports:\n      - "8080:8080"\nnetworks:\n  frontend: {}\n  backend:\n    internal: true\n' },
      errors: [{ line: 7, column: 5, message: 'opening the isolated network' }],
    },
    { name: 'internal default network', files: { 'compose.yaml': 'services:\n  web:\n    ports: ["80:80"]\nnetworks:\n  default:\n    internal: true\n' }, errors: [{ line: 3, column: 5, message: '"default"' }] },
  ],
});
