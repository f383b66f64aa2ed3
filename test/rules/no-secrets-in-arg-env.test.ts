import rule from '../../rules/no-secrets-in-arg-env.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary names', files: 'FROM node:20-slim\nARG NODE_ENV=production\nENV PORT=3000 AUTHOR=jane KEYCLOAK_REALM=main\n' },
    { name: 'public key', files: 'FROM node:20-slim\nENV STRIPE_PUBLIC_KEY=pk_test_123\n' },
    { name: 'pointer to a mounted secret', files: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n' },
    { name: 'GPG fingerprint and .NET config key field', files: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV DefaultProcess__Filters__0__Key=ProcessName\n' },
    { name: 'global ARG only reaches FROM', files: 'ARG REGISTRY_TOKEN\nFROM alpine:3.21\n' },
    { name: 'secret mount', files: 'FROM node:20-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
  ],
  invalid: [
    { name: 'ARG token', files: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN npm ci\n', errors: [{ line: 2, column: 5, message: 'Do not use ARG for sensitive data (ARG "NPM_TOKEN")' }] },
    { name: 'ENV password with value', files: 'FROM postgres:16\nENV POSTGRES_PASSWORD=hunter2\n', errors: [{ line: 2, column: 5, message: 'stored in the image configuration' }] },
    { name: 'several names, one secret', files: 'FROM python:3.12\nENV DEBUG=0 DJANGO_SECRET_KEY=abc ALLOWED_HOSTS=*\n', errors: [{ line: 2, column: 13 }] },
    { name: 'legacy form', files: 'FROM alpine:3.21\nENV API_KEY abc123\n', errors: [{ line: 2, column: 5 }] },
    { name: 'redeclared global in a stage', files: 'ARG GITHUB_TOKEN\nFROM alpine:3.21\nARG GITHUB_TOKEN\n', errors: [{ line: 3, column: 5 }] },
  ],
});
