import rule from '../../rules/build-only-service.js';
import { testRule } from '../helpers/rule-tester.js';

const api = '  api:\n    build: ./api\n    depends_on: [base]\n';
const apiDockerfile = 'FROM crucible-base:1\nCOPY . /app\n';

testRule(rule, {
  valid: [
    { name: 'exit-on-start', files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    command: "true"\n    restart: "no"\n${api}`, 'api/Dockerfile': apiDockerfile } },
    { name: 'profile', files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    profiles: [build]\n${api}`, 'api/Dockerfile': apiDockerfile } },
    { name: 'list command', files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    command: ["true"]\n    restart: "no"\n${api}`, 'api/Dockerfile': apiDockerfile } },
    { name: 'two services built from one Dockerfile', files: { 'compose.yaml': 'services:\n  a:\n    image: alpine\n    build: .\n  b:\n    image: alpine\n    build: .\n', Dockerfile: 'FROM alpine\n' } },
    { name: 'not a base image', files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n${api}`, 'api/Dockerfile': 'FROM python:3.12\n' } },
    {
      name: 'exit-on-start pattern set in the override file',
      files: {
        'compose.yaml': 'services:\n  base:\n    image: app-base:1\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n  api:\n    build: ./api\n',
        'compose.override.yaml': 'services:\n  base:\n    command: "true"\n    restart: "no"\n',
        'base.Dockerfile': 'FROM python:3.12-slim\n',
        'api/Dockerfile': 'FROM app-base:1\n',
      },
    },
  ],
  invalid: [
    {
      name: 'runs at up',
      files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .   # the shared base\n${api}`, 'api/Dockerfile': apiDockerfile },
      errors: [{ file: 'compose.yaml', line: 2, column: 3, message: 'command: "true"' }],
      output: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .   # the shared base\n    command: "true"\n    restart: "no"\n${api}` },
    },
    {
      name: 'interpolated image, restart always',
      files: { 'compose.yaml': `services:\n  base:\n    image: \${BASE_IMAGE:-crucible-base}\n    build: .\n    command: "true"\n    restart: always\n${api}`, 'api/Dockerfile': 'FROM crucible-base\n' },
      errors: [{ file: 'compose.yaml', line: 2, message: 'restart: "no"' }],
      output: { 'compose.yaml': `services:\n  base:\n    image: \${BASE_IMAGE:-crucible-base}\n    build: .\n    command: "true"\n    restart: "no"\n${api}` },
    },
    {
      name: 'exit 0 but restart unless-stopped',
      files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    command: exit 0\n    restart: unless-stopped\n${api}`, 'api/Dockerfile': apiDockerfile },
      errors: [{ file: 'compose.yaml', line: 2 }],
      output: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    command: exit 0\n    restart: "no"\n${api}` },
    },
    {
      name: 'last service, four-space indent, no final newline',
      files: { 'compose.yaml': 'services:\n    api:\n        build: ./api\n    base:\n        image: crucible-base:1\n        build: .', 'api/Dockerfile': apiDockerfile },
      errors: [{ file: 'compose.yaml', line: 4, column: 5 }],
      output: { 'compose.yaml': 'services:\n    api:\n        build: ./api\n    base:\n        image: crucible-base:1\n        build: .\n        command: "true"\n        restart: "no"\n' },
    },
    {
      name: 'flow mapping, CRLF line breaks',
      files: { 'compose.yaml': 'services:\r\n  base: {image: crucible-base:1, build: .}\r\n  api:\r\n    build: ./api\r\n', 'api/Dockerfile': apiDockerfile },
      errors: [{ file: 'compose.yaml', line: 2, column: 3 }],
      output: { 'compose.yaml': 'services:\r\n  base: {image: crucible-base:1, build: ., command: "true", restart: "no"}\r\n  api:\r\n    build: ./api\r\n' },
    },
    {
      name: 'a command of its own is not replaced',
      files: { 'compose.yaml': `services:\n  base:\n    image: crucible-base:1\n    build: .\n    command: python -m http.server\n${api}`, 'api/Dockerfile': apiDockerfile },
      errors: [{ file: 'compose.yaml', line: 2 }],
      output: null,
    },
  ],
});
