import rule from '../../rules/no-windows-mount-paths.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'relative paths', files: { 'compose.yaml': 'services:\n  pose:\n    build: ./pose\n    volumes:\n      - ./models:/models\n' } },
    { name: '/mnt/data is not a drive', files: { 'compose.yaml': 'services:\n  pose:\n    image: pose:1\n    volumes:\n      - /mnt/data/models:/models\n' } },
    { name: 'Dockerfile relative COPY', files: 'FROM python:3.12\nCOPY app/ /app/\n' },
    { name: 'script in WSL', files: { 'build.sh': 'cd ~/repos/app && docker compose build\n' } },
  ],
  invalid: [
    { name: 'build context and volume', files: { 'compose.yaml': 'services:\n  pose:\n    build: /mnt/c/Users/ben/pose\n    volumes:\n      - /mnt/c/Users/ben/models:/models\n' }, errors: [{ line: 3, column: 12 }, { line: 5, column: 9 }] },
    { name: 'env_file', files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    env_file:\n      - /mnt/d/secrets/api.env\n' }, errors: [{ line: 5 }] },
    { name: 'COPY source', files: 'FROM python:3.12\nCOPY /mnt/c/Users/ben/app /app\n', errors: [{ line: 2, column: 6 }] },
    { name: 'script', files: { 'build.sh': '#!/bin/sh\ncd /mnt/c/Users/ben/repo\ndocker compose build\n' }, errors: [{ line: 2, column: 4 }] },
  ],
});
