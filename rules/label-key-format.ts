import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import { labelPairs } from '../src/model/label-schema.js';
import type { Rule } from '../src/engine/types.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key format guidelines, or null. */
function keyProblem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  const bad = /[^a-z0-9.-]/.exec(key);
  if (bad) return `may contain only lower-case letters, digits, \`.\` and \`-\` (found \`${bad[0]}\`)`;
  if (key.includes('..') || key.includes('--')) return 'must not repeat separators (`..` or `--`)';
  const reserved = RESERVED.find((prefix) => key.startsWith(prefix));
  if (reserved) return `uses the namespace \`${reserved}\` reserved for Docker`;
  return null;
}

const rule: Rule = {
  meta: {
    id: 'label-key-format',
    aliases: ['DL3048'],
    description: 'LABEL keys follow Docker\'s format: lower-case reverse-DNS, `a-z0-9.-`, no reserved namespaces.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Tools that read image metadata (registries, scanners, `docker inspect` filters, the OCI annotation keys `org.opencontainers.image.*`) expect Docker\'s key guidelines: lower-case, reverse-DNS namespaced, only letters, digits, dots and dashes. `Build_Date` and `VERSION` are easy to write and hard to query consistently; `com.docker.*` keys belong to Docker.',
      bad: { code: 'FROM alpine:3.21\nLABEL Version=1.4.2 build_date=2025-01-01 com.docker.extension=x\n' },
      good: { code: 'FROM alpine:3.21\nLABEL org.opencontainers.image.version=1.4.2 \\\n      org.opencontainers.image.created=2025-01-01T00:00:00Z\n' },
      notes: 'Keys written with a variable are accepted. This rule runs without a label schema, as hadolint\'s DL3048 does; the other label rules need `settings.labelSchema`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const pair of labelPairs(dockerfile)) {
        const key = pair.property.name;
        if (hasVariableReference(key, dockerfile.escapeChar)) continue;
        const problem = keyProblem(key);
        if (problem) context.report({ file: dockerfile.file, range: pair.property.nameRange, message: `Label key \`${key}\` ${problem}; use a lower-case reverse-DNS key such as \`org.opencontainers.image.version\`.` });
      }
    }
  },
};

export default rule;
