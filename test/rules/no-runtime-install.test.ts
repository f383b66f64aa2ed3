import rule from '../../rules/no-runtime-install.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain start', files: { 'compose.yaml': 'services:\n  web:\n    image: node:20\n    command: npm start\n' } },
    { name: 'list command', files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    command: ["python", "-m", "uvicorn", "app:app"]\n' } },
    { name: 'install during build is fine here', files: { Dockerfile: 'FROM node:20\nCOPY setup.sh /setup.sh\nRUN /setup.sh\nCMD ["node", "index.js"]\n', 'setup.sh': 'npm ci\n' } },
    { name: 'entrypoint script without install', files: { Dockerfile: 'FROM node:20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', 'entrypoint.sh': '#!/bin/sh\nexec node index.js\n' } },
    { name: 'override file replaces the installing command', files: { 'compose.yaml': 'services:\n  web:\n    image: node:22\n    command: sh -c "npm install && npm start"\n', 'compose.override.yaml': 'services:\n  web:\n    command: npm start\n' }, settings: {} },
  ],
  invalid: [
    { name: 'sh -c string', files: { 'compose.yaml': 'services:\n  web:\n    image: node:20\n    command: sh -c "npm install && npm start"\n' }, errors: [{ line: 4, column: 14, message: 'npm install' }] },
    { name: 'list sh -c', files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12\n    entrypoint: ["sh", "-c", "pip install -r requirements.txt && python app.py"]\n' }, errors: [{ line: 4, message: 'entrypoint' }] },
    { name: 'list argv', files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12\n    command: ["pip", "install", "flask"]\n' }, errors: [{ line: 4, message: 'pip install' }] },
    {
      name: 'entrypoint script',
      files: { Dockerfile: 'FROM python:3.12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n', 'entrypoint.sh': '#!/bin/sh\nset -e\napt-get update && apt-get install -y curl\nexec python app.py\n' },
      errors: [{ file: 'entrypoint.sh', line: 3, column: 19, message: 'Dockerfile:3' }],
    },
    { name: 'installing command from the override file', files: { 'compose.yaml': 'services:\n  web:\n    image: node:22\n    command: npm start\n', 'compose.override.yaml': 'services:\n  web:\n    command: sh -c "npm install && npm start"\n' }, errors: [{ file: 'compose.override.yaml', line: 3, column: 14, message: 'npm install' }] },
  ],
});
