import rule from '../../rules/dev-prod-parity.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'same base', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n', 'Dockerfile.dev': 'FROM python:3.12-slim\nRUN pip install debugpy\nCMD ["uvicorn", "app:app", "--reload"]\n' } },
    { name: 'no dev file: not judged', files: { Dockerfile: 'FROM python:3.12-slim\nENV PYTHONPATH=/app\nRUN pip install pytest\n' } },
    { name: 'different directories', files: { 'a/Dockerfile': 'FROM node:20\n', 'b/Dockerfile.dev': 'FROM node:22\n' } },
    {
      name: 'test stage may use pytest',
      files: { Dockerfile: 'FROM python:3.12 AS test\nRUN pip install pytest\nFROM python:3.12\nCMD ["python"]\n', 'dev.Dockerfile': 'FROM python:3.12\n' },
    },
  ],
  invalid: [
    { name: 'different tag', files: { Dockerfile: 'FROM node:20-slim\n', 'Dockerfile.dev': 'FROM node:22\n' }, errors: [{ file: 'Dockerfile.dev', line: 1, column: 6, message: 'differs' }] },
    {
      name: 'PYTHONPATH and debugpy in production',
      files: { Dockerfile: 'FROM python:3.12-slim\nENV PYTHONPATH=/app/src\nRUN pip install debugpy==1.8.0\n', 'Dockerfile.development': 'FROM python:3.12-slim\n' },
      errors: [{ file: 'Dockerfile', line: 2, column: 5, message: 'PYTHONPATH' }, { file: 'Dockerfile', line: 3, column: 17, message: 'debugpy' }],
    },
    {
      name: '--reload and --with dev',
      files: { Dockerfile: 'FROM python:3.12\nRUN poetry install --with dev\nCMD ["uvicorn", "main:app", "--reload"]\n', 'Dockerfile.dev': 'FROM python:3.12\n' },
      errors: [{ file: 'Dockerfile', line: 2, message: '--with dev' }, { file: 'Dockerfile', line: 3, message: '--reload' }],
    },
    {
      name: 'nodemon and NODE_PATH legacy ENV',
      files: { Dockerfile: 'FROM node:20\nENV NODE_PATH /app/lib\nRUN npm install -g nodemon\n', 'Dockerfile.dev': 'FROM node:20\n' },
      errors: [{ file: 'Dockerfile', line: 2, message: 'NODE_PATH' }, { file: 'Dockerfile', line: 3, message: 'nodemon' }],
    },
  ],
});
