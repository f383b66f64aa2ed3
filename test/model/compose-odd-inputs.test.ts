import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';

// Compose files of the wrong shape where the compose rules look: they must be skipped, not crash.
const ODD_COMPOSE: [string, string][] = [
  ['ports as a mapping or scalar', 'services:\n  a:\n    ports: {http: 80}\n  b:\n    ports: "80:80"\n  c:\n    ports: [~, [80], {published: [1]}, "", ":", "a:b:c:d:e", "[::1:80", "99999:1"]\n'],
  ['environment shapes', 'services:\n  a:\n    environment: PASSWORD=x\n  b:\n    environment: [1, ~, {A: b}, "=x", "PASSWORD"]\n  c:\n    environment: {PASSWORD: {nested: 1}, TOKEN: [a], SECRET: ~, KEY: 5}\n'],
  ['merge keys of every kind', 'x: &x 5\ny: &y [1]\nservices:\n  a:\n    <<: *x\n  b:\n    <<: [*y, 3, *x]\n  c:\n    <<: {restart: always}\n'],
  ['extends cycles and dead ends', 'services:\n  a:\n    extends: b\n  b:\n    extends: {service: a}\n  c:\n    extends: c\n  d:\n    extends: {file: nowhere.yml, service: x}\n  e:\n    extends: [1]\n  f:\n    extends: {}\n'],
  ['odd values everywhere', 'services:\n  a:\n    restart: [always]\n    logging: [json-file]\n    deploy: 3\n    container_name: [x]\n    healthcheck: test\n    command: {a: 1}\n    entrypoint: ~\n    volumes: {a: b}\n    depends_on: "db"\n    build: 5\n    image: [x]\n    networks: internal\n    tty: yes\n  b:\n    deploy: {resources: {limits: 512M}, restart_policy: {condition: [any]}}\n    logging: {driver: [x], options: [max-size]}\n    build: {dockerfile_inline: 5}\n    container_name: 123\n'],
  ['top-level shapes', '? [a, b]\n: 1\nnetworks: [backend]\nservices: {}\nversion: {x: 1}\nname: ~\n'],
  ['networks with odd internal flags', 'services:\n  a:\n    networks: {backend: ~, 5: {}}\n    ports: ["80"]\n  b:\n    networks: [~, backend]\n    ports: ["81"]\nnetworks:\n  backend: {internal: "yes"}\n  other: *missing\n'],
  ['huge port ranges in many services', `services:\n${Array.from({ length: 30 }, (_, index) => `  s${index}:\n    ports: ["1-65535:1-65535"]\n`).join('')}`],
  ['null services', 'services:\nvolumes:\n'],
  ['flow style everything', '{services: {b: {image: "x:1", ports: [443, 80], depends_on: [z, a]}, a: {image: "y:1"}}, version: "3"}\n'],
];

describe('compose rules survive compose files of the wrong shape', () => {
  const composeRules = builtinRules.filter((rule) => rule.meta.fileKinds.includes('compose'));
  for (const [name, text] of ODD_COMPOSE) {
    it(name, async () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-odd-compose-'));
      fs.writeFileSync(path.join(directory, 'compose.yaml'), text);
      fs.writeFileSync(path.join(directory, 'compose.override.yaml'), text);
      try {
        const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, cliRules: Object.fromEntries(composeRules.map((rule) => [rule.meta.id, 'warning'])) });
        expect(result.internalErrors).toEqual([]);
        for (const finding of result.findings) expect(finding.line, `${finding.ruleId} points at a real line`).toBeGreaterThanOrEqual(1);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
