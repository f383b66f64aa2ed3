import rule from '../../rules/copy-ignored-file.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'not ignored', files: { Dockerfile: 'FROM node:20-slim\nCOPY package.json src/ /app/\n', '.dockerignore': 'node_modules\n*.log\n' } },
    { name: 're-included by !', files: { Dockerfile: 'FROM node:20-slim\nCOPY config/app.json /app/\n', '.dockerignore': 'config/*\n!config/app.json\n' } },
    { name: 'from another stage', files: { Dockerfile: 'FROM node:20 AS build\nRUN mkdir -p /app/node_modules\nFROM node:20-slim\nCOPY --from=build /app/node_modules /app/node_modules\n', '.dockerignore': 'node_modules\n' } },
    { name: 'no ignore file', files: { Dockerfile: 'FROM node:20-slim\nCOPY .env /app/\n' } },
    { name: 'wildcard and URL', files: { Dockerfile: 'FROM node:20-slim\nCOPY *.log /logs/\nADD https://example.com/x.tgz /x/\n', '.dockerignore': '*.log\n' } },
  ],
  invalid: [
    { name: 'excluded file', files: { Dockerfile: 'FROM node:20-slim\nCOPY .env /app/.env\n', '.dockerignore': '.env\n' }, errors: [{ line: 2, column: 6, message: 'Attempting to COPY ".env", which .dockerignore excludes' }] },
    { name: 'under an excluded directory, ADD', files: { Dockerfile: 'FROM nginx:1.27\nADD ./dist/index.html /usr/share/nginx/html/\n', '.dockerignore': 'dist\n' }, errors: [{ line: 2, column: 5, message: 'Attempting to ADD' }] },
    { name: 'Dockerfile-specific ignore file wins', files: { Dockerfile: 'FROM alpine:3.21\nCOPY secrets/key.pem /k\n', 'Dockerfile.dockerignore': 'secrets/\n', '.dockerignore': '*.log\n' }, errors: [{ line: 2, column: 6, message: 'Dockerfile.dockerignore' }] },
    { name: 'through an ARG value, over a continuation', files: { Dockerfile: 'FROM alpine:3.21\nARG CONF=conf/local.yaml\nCOPY README.md \\\n  $CONF /etc/app/\n', '.dockerignore': 'conf/local*\n' }, errors: [{ line: 4, column: 3 }] },
    { name: 'compose build context', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n', 'docker/api.Dockerfile': 'FROM node:20-slim\nCOPY logs/ /srv/logs/\n', '.dockerignore': 'logs\n' }, errors: [{ file: 'docker/api.Dockerfile', line: 2, column: 6 }] },
  ],
});
