import rule from '../../rules/restart-policy.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'build-only base service (seed 000) without command: build-only-service speaks for it',
      files: {
        'compose.yaml': 'services:\n  base:\n    image: crucible-base:1\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n  api:\n    build: ./api\n    restart: unless-stopped\n    healthcheck:\n      test: ["CMD", "true"]\n',
        'base.Dockerfile': 'FROM python:3.12-slim\n',
        'api/Dockerfile': 'FROM crucible-base:1\nCMD ["python"]\n',
      },
    },
    { name: 'long-running with unless-stopped', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n' } },
    {
      name: 'one-shot job waited on, no restart',
      files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n    restart: always\n    depends_on:\n      schema:\n        condition: service_completed_successfully\n  schema:\n    image: shop/api:2.1\n    restart: "no"\n' },
    },
    { name: 'build-only base exits at once', files: { 'compose.yaml': 'services:\n  base:\n    build: .\n    image: base:1\n    command: "true"\n    restart: "no"\n' } },
    { name: 'migration job named so', files: { 'compose.yaml': 'services:\n  db-migrate:\n    image: shop/api:2.1\n    command: ["./bin/tool", "apply"]\n' } },
    { name: 'migration retried on failure', files: { 'compose.yaml': 'services:\n  tasks:\n    image: shop/api:2.1\n    command: sh -c "wait-for db:5432 && python manage.py migrate"\n    restart: on-failure\n' } },
    { name: 'deploy.restart_policy', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n    deploy:\n      restart_policy:\n        condition: on-failure\n' } },
    { name: 'restart from a sibling override', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n', 'compose.prod.yaml': 'services:\n  api:\n    restart: always\n' } },
    { name: 'restart through a merge key', files: { 'compose.yaml': 'x-svc: &svc\n  restart: always\nservices:\n  api:\n    <<: *svc\n    image: shop/api:2.1\n' } },
    { name: 'restart through extends', files: { 'compose.yaml': 'services:\n  base:\n    image: shop/api:2.1\n    restart: always\n  api:\n    extends: base\n    command: serve\n' } },
    { name: 'extends a file outside the model', files: { 'compose.yaml': 'services:\n  api:\n    extends:\n      file: common-services.yml\n      service: api\n' } },
    { name: 'interpolated with a default', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n    restart: ${RESTART:-unless-stopped}\n' } },
  ],
  invalid: [
    { name: 'no restart policy', files: { 'compose.yaml': 'services:\n  api:\n    image: shop/api:2.1\n' }, errors: [{ line: 2, column: 3, message: 'has no restart policy' }] },
    { name: 'restart "no" on a server', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: "no"\n' }, errors: [{ line: 4, column: 14, message: 'looks long-running' }] },
    {
      name: 'migration with restart always',
      files: { 'compose.yaml': 'services:\n  tasks:\n    image: shop/api:2.1\n    command: ["python", "manage.py", "migrate"]\n    restart: always\n' },
      errors: [{ line: 5, column: 14, message: 'runs to completion' }],
    },
    {
      name: 'job others wait for restarts forever (deploy condition any)',
      files: {
        'compose.yaml':
          'services:\n  api:\n    image: a:1\n    restart: always\n    depends_on:\n      seed:\n        condition: service_completed_successfully\n  seed:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: any\n',
      },
      errors: [{ line: 12, column: 20, message: '"api" waits for it to complete' }],
    },
    {
      name: 'build-only base with unless-stopped; deploy none on a server',
      files: { 'compose.yaml': 'services:\n  base:\n    build: .\n    command: ["true"]\n    restart: unless-stopped\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: none\n' },
      errors: [{ line: 5, column: 14, message: 'exits at once' }, { line: 10, column: 20, message: 'looks long-running' }],
    },
    { name: 'reported once, in the base file', files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n', 'compose.override.yaml': 'services:\n  api:\n    ports: ["127.0.0.1:80:80"]\n' }, errors: [{ file: 'compose.yaml', line: 2, column: 3 }] },
  ],
});
