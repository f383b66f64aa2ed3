import { expect, it } from 'vitest';
import rule, { isSecretName } from '../../rules/no-plaintext-secrets.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'references', files: { 'compose.yaml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      API_TOKEN: $API_TOKEN\n      LITERAL_DOLLAR_IS_NOT: "$$"\n' } },
    { name: 'secret files and settings about secrets', files: { 'compose.yaml': 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n      - PASSWORD_MIN_LENGTH=8\n      - JWT_SECRET_TTL=3600\n      - TOKEN_URL=https://auth.example.com/token\n' } },
    { name: 'empty, pass-through and booleans', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      - DB_PASSWORD\n      - REDIS_PASSWORD=\n      - SMTP_PASSWORD=true\n' } },
    { name: 'PWD is the working directory', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      PWD: /app\n' } },
    { name: 'URL with a variable password', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      - DATABASE_URL=postgres://shop:${DB_PASSWORD}@db:5432/shop\n      - REDIS_URL=redis://cache:6379/0\n' } },
    { name: 'not a secret', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      KEYCLOAK_USER: admin\n      PASSENGER_APP_ENV: production\n      MONKEY: banana\n' } },
  ],
  invalid: [
    { name: 'map syntax', files: { 'compose.yaml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: s3cr3t\n' }, errors: [{ line: 4, column: 26, message: 'POSTGRES_PASSWORD is set to a literal secret' }] },
    { name: 'list syntax, quoted', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      - "SECRET_KEY_BASE=abc123"\n' }, errors: [{ line: 4, column: 26, message: 'SECRET_KEY_BASE' }] },
    { name: 'URL with a literal password', files: { 'compose.yaml': 'services:\n  app:\n    environment:\n      - DATABASE_URL=postgres://shop:hunter2@db:5432/shop\n' }, errors: [{ line: 4, column: 38, message: 'URL with a literal password' }] },
    {
      name: 'camelCase and KEY qualifiers; reported once for a shared anchor',
      files: { 'compose.yaml': 'x-env: &env\n  stripeApiKey: sk_live_123\n  AWS_SECRET_ACCESS_KEY: wJalrXUt\nservices:\n  a:\n    environment: *env\n  b:\n    environment: *env\n' },
      errors: [{ line: 2, column: 17, message: 'stripeApiKey' }, { line: 3, column: 26, message: 'AWS_SECRET_ACCESS_KEY' }],
    },
    { name: 'a weak default is still a secret', files: { 'compose.yaml': 'services:\n  db:\n    environment:\n      - MYSQL_ROOT_PASSWORD=password\n' }, errors: [{ line: 4, column: 29 }] },
  ],
});

it('tells secrets from settings about them', () => {
  for (const name of ['DB_PASS', 'GITHUB_TOKEN', 'api_key', 'PRIVATE_KEY', 'clientSecret', 'RABBITMQ_DEFAULT_PASS', 'SMTP_PASSWD']) expect(isSecretName(name), name).toBe(true);
  for (const name of ['PWD', 'POSTGRES_PASSWORD_FILE', 'PASSWORD_MIN_LENGTH', 'TOKEN_EXPIRY', 'SECRET_KEY_PATH', 'API_KEY_HEADER', 'KEY_PREFIX', 'PASSPORT_NAME']) expect(isSecretName(name), name).toBe(false);
});
