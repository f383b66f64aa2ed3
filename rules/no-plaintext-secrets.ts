import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ComposeService } from '../src/model/compose.js';
import { resolveAlias } from '../src/model/compose-values.js';
import type { Range, SourceFile } from '../src/model/source.js';
import type { Rule } from '../src/engine/types.js';

// Name parts that make a variable a secret, and the last parts that make it about one instead.
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PASSPHRASE', 'PRIVATEKEY']);
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'LICENSE', 'SSH', 'CLIENT', 'APP', 'SERVICE', 'ACCOUNT']);
const NOT_THE_SECRET = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'LENGTH', 'LEN', 'MIN', 'MAX', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'EXPIRE', 'TTL', 'TIMEOUT', 'ENABLED', 'ENABLE',
  'DISABLED', 'DISABLE', 'REQUIRED', 'POLICY', 'ROUNDS', 'COST', 'ALGORITHM', 'ALG', 'HEADER', 'NAME', 'TYPE', 'LIFETIME', 'ISSUER', 'AUDIENCE', 'URL',
  'URI', 'ENDPOINT', 'HOST', 'PORT', 'USER', 'USERNAME', 'ID', 'PREFIX', 'SUFFIX', 'FORMAT', 'MODE', 'METHOD', 'STORE', 'BACKEND', 'PROVIDER', 'HASH',
  'HASHED', 'DURATION', 'AGE', 'VALIDITY', 'STRENGTH', 'COMPLEXITY', 'RESET', 'LOCATION', 'SOURCE', 'ENV', 'VAR', 'KEY_ID', 'REGION', 'SCOPE', 'SCOPES', 'VERSION',
]);

/** Is this environment variable name a secret (a password, token or key) rather than a setting about one? */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || (words.length === 1 && words[0] === 'PWD')) return false;
  if (NOT_THE_SECRET.has(words[words.length - 1]!)) return false;
  return words.some((word, index) => SECRET_WORDS.has(word) || (word === 'KEY' && index > 0 && KEY_QUALIFIERS.has(words[index - 1]!)));
}

/** A literal value that could be a secret: not empty, not a variable reference, not a flag or a path. */
function isLiteralSecret(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || /^(true|false|yes|no|on|off|null|none|~)$/i.test(trimmed)) return false;
  // `$VAR`/`${VAR}` is interpolated by Compose; `$$` is a literal dollar.
  if (/(^|[^$])\$(\{|[A-Za-z_])/.test(trimmed)) return false;
  if (/^\/(run|var|etc|home|tmp|secrets|opt|usr)\//.test(trimmed)) return false;
  return true;
}

/** `scheme://user:password@host` with a literal password. */
function urlPassword(value: string): { start: number; end: number } | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i.exec(value);
  if (!match || !isLiteralSecret(match[1]!)) return null;
  const start = match[0].length - 1 - match[1]!.length;
  return { start, end: start + match[1]!.length };
}

interface Variable {
  name: string;
  value: string;
  /** Offsets of the value in the file, when they map one to one to the text. */
  valueStart: number;
  valueEnd: number;
  node: Node;
}

function scalarSource(file: SourceFile, scalar: Scalar): { start: number; text: string } | null {
  if (!scalar.range) return null;
  const written = file.text.slice(scalar.range[0], scalar.range[1]);
  const quoted = scalar.type === 'QUOTE_SINGLE' || scalar.type === 'QUOTE_DOUBLE';
  return { start: scalar.range[0] + (quoted ? 1 : 0), text: quoted ? written.slice(1, -1) : written };
}

/** The variables of an `environment:` list (`KEY=value`) or mapping (`KEY: value`). */
function environmentVariables(file: SourceFile, document: Document, node: Node | null): Variable[] {
  const variables: Variable[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const equals = item.value.indexOf('=');
      if (equals <= 0) continue;
      const source = scalarSource(file, item as Scalar);
      const sourceEquals = source ? source.text.indexOf('=') : -1;
      const valueStart = source && sourceEquals >= 0 ? source.start + sourceEquals + 1 : (item.range?.[0] ?? 0);
      variables.push({ name: item.value.slice(0, equals).trim(), value: item.value.slice(equals + 1), valueStart, valueEnd: item.range?.[1] ?? valueStart, node: item });
    }
  } else if (isMap(node)) {
    for (const pair of (node as YAMLMap).items as Pair<unknown, unknown>[]) {
      if (!isScalar(pair.key)) continue;
      const value = resolveAlias(document, pair.value);
      if (!isScalar(value) || value.value === null || value.value === undefined || typeof value.value === 'boolean') continue;
      const source = scalarSource(file, value as Scalar);
      const start = source?.start ?? value.range?.[0] ?? 0;
      variables.push({ name: String(pair.key.value), value: String(value.value), valueStart: start, valueEnd: start + (source?.text.length ?? 0), node: value });
    }
  }
  return variables;
}

const rule: Rule = {
  meta: {
    id: 'no-plaintext-secrets',
    description: 'No literal passwords, tokens or keys in a service\'s `environment`: use `${VAR}` from an uncommitted `.env`, or compose `secrets:`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'A password written into the compose file is in the repository, in every clone and fork, in CI logs that print the config, and in `docker inspect` for anyone with access to the Docker socket. Rotating it means rewriting history. A `${VAR}` reference keeps the value in an uncommitted `.env` or the deployment environment; `secrets:` mounts it as a file readable only inside the container.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-pa55\n  api:\n    image: shop/api:2.1\n    environment:\n      - DATABASE_URL=postgres://shop:s3cr3t-pa55@db/shop\n' },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  db:\n    image: postgres:17.2\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\n  api:\n    image: shop/api:2.1\n    environment:\n      - DATABASE_URL=postgres://shop:${DB_PASSWORD}@db/shop\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
      },
      notes:
        'Secret names contain PASSWORD, PASSWD, PASS, SECRET, TOKEN, APIKEY, CREDENTIALS, PASSPHRASE or a qualified KEY (API_KEY, ACCESS_KEY, PRIVATE_KEY, SECRET_KEY, …), in any case and camelCase. Names that end in a word about the secret rather than the secret itself are skipped: `_FILE`, `_PATH`, `_LENGTH`, `_MIN`, `_TTL`, `_EXPIRY`, `_ENABLED`, `_URL`, `_USER`, `_NAME`, … (so `POSTGRES_PASSWORD_FILE` and `PASSWORD_MIN_LENGTH=8` are fine). Values that are empty, booleans, `${VAR}` references or paths under /run, /etc, /var … are not secrets. Any variable holding a URL with a literal password (`postgres://user:pw@db`) is reported. Weak defaults such as `password` or `changeme` are reported too: they are the plaintext secret.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const file = compose.file;
      const reported = new Set<string>();
      const report = (service: ComposeService, range: Range, message: string) => {
        const key = `${range.start.line}:${range.start.column}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({ file, range, message: `Service "${service.name}": ${message}` });
      };
      for (const service of compose.services) {
        const environment = resolveAlias(compose.document, service.get('environment'));
        for (const variable of environmentVariables(file, compose.document, environment)) {
          const url = urlPassword(variable.value);
          if (url) {
            // Point at the password itself when the written text maps one to one to the value.
            const inText = urlPassword(file.text.slice(variable.valueStart, variable.valueEnd));
            const range = inText ? file.rangeOf(variable.valueStart + inText.start, variable.valueStart + inText.end) : file.rangeOf(variable.valueStart, variable.valueEnd);
            report(service, range, `${variable.name} holds a URL with a literal password; interpolate it (\`\${DB_PASSWORD}\`) from an uncommitted .env, or use compose \`secrets:\`.`);
            continue;
          }
          if (!isSecretName(variable.name) || !isLiteralSecret(variable.value)) continue;
          report(
            service,
            file.rangeOf(variable.valueStart, Math.max(variable.valueStart, variable.valueEnd)),
            `${variable.name} is set to a literal secret, which ends up in the repository and in \`docker inspect\`; use \`\${${variable.name}}\` from an uncommitted .env, or compose \`secrets:\` (e.g. ${variable.name}_FILE=/run/secrets/…).`,
          );
        }
      }
    }
  },
};

export default rule;
