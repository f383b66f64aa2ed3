import rule from '../../rules/dockerignore-required.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'beside the Dockerfile', files: { Dockerfile: 'FROM node:20\n', '.dockerignore': 'node_modules\n' } },
    { name: 'Dockerfile-specific ignore file', files: { 'api.Dockerfile': 'FROM node:20\n', 'api.Dockerfile.dockerignore': 'node_modules\n' } },
    { name: 'compose context has one', files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/Dockerfile': 'FROM node:20\n', 'api/.dockerignore': '.git\n' } },
  ],
  invalid: [
    { name: 'lone Dockerfile', files: { Dockerfile: '# syntax=docker/dockerfile:1\nFROM node:20\n' }, errors: [{ line: 2, column: 1 }] },
    { name: 'compose build', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n', 'api/Dockerfile': 'FROM node:20\n' }, errors: [{ file: 'compose.yaml', line: 4, column: 16, message: '"api"' }] },
    { name: 'ignore file in the wrong place', files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/Dockerfile': 'FROM node:20\n', '.dockerignore': '.git\n' }, errors: [{ file: 'compose.yaml', line: 3 }] },
  ],
});
