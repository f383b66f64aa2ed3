import type { Rule } from '../src/engine/types.js';
import { keyValuePairs } from '../src/model/dockerfile-vars.js';

// BuildKit: one of these words, delimited by `_` or the ends of the name (case-insensitive).
const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
// Public material: `public` keys, and GPG/PGP key fingerprints that images verify downloads with (python's GPG_KEY).
const PUBLIC_WORD = /(?:_|^)(?:public|gpg|pgp)(?:_|$)/i;
// .NET hierarchical configuration (`Filters__0__Key`): a `Key` field of an object, not a secret.
const DOTNET_KEY_FIELD = /__key$/i;
// hadolint DL3064: well-known secret names and substrings.
const KNOWN_SECRETS = new Set(['ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'CF_PASSWORD', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD', 'DOCKERHUB_PASSWORD', 'DOCKER_PASSWORD', 'FIREBASE_TOKEN', 'GH_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OPENAI_API_KEY', 'OS_PASSWORD', 'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'VAULT_TOKEN']);
const SECRET_SUBSTRINGS = ['api_key', 'client_key', 'password', 'secret', 'token'];
// Names that hold a reference to a secret, not the secret: where a mounted secret file is, or whether to use one.
const REFERENCE_SUFFIX = /_(FILE|PATH|DIR|ID|URL|ENDPOINT|NAME|HEADER|TYPE|METHOD|ENABLED)$/i;

function looksSecret(name: string): boolean {
  if (REFERENCE_SUFFIX.test(name)) return false;
  if (KNOWN_SECRETS.has(name.toUpperCase())) return true;
  if (DOTNET_KEY_FIELD.test(name)) return false;
  if (SECRET_WORD.test(name) && !PUBLIC_WORD.test(name)) return true;
  const lower = name.toLowerCase();
  return SECRET_SUBSTRINGS.some((part) => lower.includes(part)) && !PUBLIC_WORD.test(name);
}

const rule: Rule = {
  meta: {
    id: 'no-secrets-in-arg-env',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
    description: 'Secrets must not be passed with ARG or ENV: use a secret mount (`RUN --mount=type=secret`).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'ENV values are stored in the image configuration and ARG values in the build history (`docker history` shows them for every RUN that sees the ARG): anyone who can pull the image can read the token. A secret mount makes the value available to one RUN without writing it into any layer or metadata. BuildKit reports it as `SecretsUsedInArgOrEnv`, hadolint as DL3064.',
      bad: { code: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n' },
      good: { code: 'FROM node:20-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n' },
      notes:
        'A name is suspicious when it contains one of BuildKit\'s words as a `_`-separated part (key, token, secret, password, passwd, pword, auth, apikey, credential(s)), unless it also contains `public`, `gpg` or `pgp` (key fingerprints are public; python images set `GPG_KEY`), or one of hadolint\'s well-known names and substrings (GITHUB_TOKEN, *password*, *api_key* …). Names that only point at a secret (`*_FILE`, `*_PATH`, `*_ID`, `*_URL` …, e.g. `POSTGRES_PASSWORD_FILE=/run/secrets/db`) are not reported, nor a `Key` field of a .NET configuration path (`Filters__0__Key`). ARGs before the first FROM are only visible to FROM lines and are not reported, as in BuildKit.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
          for (const pair of keyValuePairs(dockerfile, instruction)) {
            if (!pair.key || !looksSecret(pair.key)) continue;
            const keyEnd = pair.word.start + (pair.word.raw.indexOf('=') >= 0 ? pair.word.raw.indexOf('=') : pair.word.raw.length);
            context.report({
              file: dockerfile.file,
              range: dockerfile.file.rangeOf(pair.word.start, keyEnd),
              message: `Do not use ${instruction.keyword} for sensitive data (${instruction.keyword} "${pair.key}"): its value is stored in the image ${instruction.keyword === 'ENV' ? 'configuration' : 'build history'}; pass it with "RUN --mount=type=secret,id=${pair.key.toLowerCase()},env=${pair.key}" instead.`,
            });
          }
        }
      }
    }
  },
};

export default rule;
