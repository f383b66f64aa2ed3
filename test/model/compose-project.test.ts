import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ComposeOptions, ComposeProject } from '../../src/model/compose-project.js';
import { parseVolumeTarget } from '../../src/model/compose-merge.js';
import { rangeOfOrigin } from '../../src/model/compose-tree.js';
import { discoverFiles } from '../../src/model/discovery.js';
import { buildProject } from '../../src/model/project.js';
import { removeScratchTrees, scratchTree } from '../helpers/scratch.js';

/**
 * The merged model against `docker compose config` semantics. Expected outputs are written by hand
 * from the compose specification; where Debian's docker-compose 1.29 treats a case the same way,
 * the case is also rendered by it and compared (skipped, visibly, when the binary is missing).
 */

afterAll(removeScratchTrees);
const write = (files: Record<string, string>) => scratchTree(files, 'docker-policy-compose-');

function load(directory: string, options: ComposeOptions = {}): ComposeProject[] {
  const { files } = discoverFiles(['.'], { cwd: directory, ignoreGlobs: [] });
  const reader = { read: (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null) };
  return buildProject(files, reader, directory, { compose: options }).composeProjects ?? [];
}

function projectOf(files: Record<string, string>, options: ComposeOptions = {}): { project: ComposeProject; directory: string } {
  const directory = write(files);
  const project = load(directory, options)[0];
  if (!project) throw new Error('no compose project');
  return { project, directory };
}

/** A comparable projection of a service, from our model or from `docker-compose config` output. */
interface Projection {
  image?: string;
  command?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  labels?: Record<string, string>;
  build?: string;
}

function toMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return Object.fromEntries(value.map((item) => String(item).split(/=(.*)/s).slice(0, 2) as [string, string]).map(([key, text]) => [key, text ?? '']));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, text]) => [key, String(text ?? '')]));
}

function ours(project: ComposeProject): Record<string, Projection> {
  const out: Record<string, Projection> = {};
  for (const service of project.services) {
    const plain = project.toJS().services as Record<string, Record<string, unknown>>;
    const value = plain[service.name]!;
    const command = value.command;
    out[service.name] = clean({
      image: service.image ?? undefined,
      command: command === undefined ? undefined : Array.isArray(command) ? command.join(' ') : String(command),
      environment: toMap(value.environment),
      ports: (value.ports as unknown[] | undefined)?.map((port) => String(port).split(':').slice(-2).join(':')),
      volumes: (value.volumes as unknown[] | undefined)?.map((volume) => parseVolumeTarget(String(volume))),
      labels: toMap(value.labels),
      build: service.build?.contextDir ?? undefined,
    });
  }
  return out;
}

function v1(directory: string, args: string[] = []): Record<string, Projection> {
  const output = execFileSync('docker-compose', [...args, 'config'], { cwd: directory, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const services = (parseYaml(output) as { services: Record<string, Record<string, unknown>> }).services;
  const out: Record<string, Projection> = {};
  for (const [name, value] of Object.entries(services)) {
    const command = value.command;
    const environment = toMap(value.environment);
    out[name] = clean({
      image: value.image as string | undefined,
      command: command === undefined ? undefined : Array.isArray(command) ? command.join(' ') : String(command).replace(/\$\$/g, '$'),
      environment: environment && Object.fromEntries(Object.entries(environment).map(([key, text]) => [key, text.replace(/\$\$/g, '$')])),
      ports: (value.ports as { published?: number; target: number }[] | undefined)?.map((port) => `${port.published ?? ''}:${port.target}`),
      volumes: (value.volumes as string[] | undefined)?.map((volume) => parseVolumeTarget(volume.replace(/:(rw|ro)$/, ''))),
      labels: toMap(value.labels),
      build: (value.build as { context?: string } | undefined)?.context,
    });
  }
  return out;
}

function clean(projection: Projection): Projection {
  return Object.fromEntries(Object.entries(projection).filter(([, value]) => value !== undefined)) as Projection;
}

let hasV1 = false;
try {
  execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
  hasV1 = true;
} catch {
  console.warn('docker-compose (v1) not found: the merged model is compared with hand-written expectations only (apt-get install docker-compose to also compare with its `config` output)');
}

interface Case {
  name: string;
  files: Record<string, string>;
  expected: Record<string, Projection>;
  /** docker-compose 1.29 renders this case the same way. */
  v1: boolean;
}

const cases: Case[] = [
  {
    name: 'override file: mappings merge, sequences append with unique keys, command is replaced',
    v1: true,
    files: {
      'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n    build: ./web\n    environment:\n      A: "1"\n      B: "2"\n    ports: ["8080:80"]\n    volumes: ["./data:/data", "logs:/logs"]\n    command: ["echo", "a"]\n    labels: {a: b}\nvolumes:\n  logs: {}\n',
      'compose.override.yaml': 'services:\n  web:\n    environment:\n      - B=3\n      - C=$$HOME\n    ports: ["8443:443"]\n    volumes: ["./other:/data"]\n    command: echo b\n    labels: [c=d]\n',
      '.env': 'TAG=2\n',
      'web/Dockerfile': 'FROM nginx:1.27\n',
    },
    expected: {
      web: { image: 'nginx:2', command: 'echo b', environment: { A: '1', B: '3', C: '$HOME' }, ports: ['8080:80', '8443:443'], volumes: ['/data', '/logs'], labels: { a: 'b', c: 'd' }, build: 'web' },
    },
  },
  {
    name: 'interpolation: defaults, empty values, required and escaped dollars',
    v1: true,
    files: { 'compose.yaml': 'services:\n  a:\n    image: "x:${C-d}-${D:-e}-${B:-f}-${B-g}"\n    command: echo $$HOME ${B?unused}\n', '.env': 'B=\n' },
    expected: { a: { image: 'x:d-e-f-', command: 'echo $HOME ' } },
  },
  {
    name: 'extends: another file, its relative build context resolved from that file',
    v1: true,
    files: {
      'compose.yaml': 'services:\n  w:\n    extends:\n      file: common/base.yml\n      service: base\n    environment:\n      B: "2"\n',
      'common/base.yml': 'services:\n  base:\n    build: ./w\n    image: w:1\n    environment:\n      A: "1"\n',
      'common/w/Dockerfile': 'FROM alpine:3.20\n',
    },
    expected: { w: { image: 'w:1', environment: { A: '1', B: '2' }, build: 'common/w' } },
  },
  {
    name: 'extends in the same file, chained',
    v1: true,
    files: { 'compose.yaml': 'services:\n  base:\n    image: b:1\n    labels: {tier: base}\n  mid:\n    extends: base\n    command: run\n  top:\n    extends: mid\n    labels: {tier: top}\n' },
    expected: { base: { image: 'b:1', labels: { tier: 'base' } }, mid: { image: 'b:1', command: 'run', labels: { tier: 'base' } }, top: { image: 'b:1', command: 'run', labels: { tier: 'top' } } },
  },
  {
    name: '!reset removes and !override replaces',
    v1: false,
    files: {
      'compose.yaml': 'services:\n  app:\n    image: myapp:1\n    ports: ["8080:80"]\n    environment:\n      FOO: bar\n      KEEP: "1"\n',
      'compose.override.yaml': 'services:\n  app:\n    ports: !override\n      - "8443:443"\n    environment:\n      FOO: !reset null\n',
    },
    expected: { app: { image: 'myapp:1', ports: ['8443:443'], environment: { KEEP: '1' } } },
  },
  {
    name: 'include: the included project is interpolated with its own .env, relative paths from its directory',
    v1: false,
    files: {
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  api:\n    image: api:${TAG:-1}\n',
      'db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG:-16}\n    build: ./image\n',
      'db/.env': 'PG=17\n',
      'db/image/Dockerfile': 'FROM postgres:17\n',
    },
    expected: { api: { image: 'api:1' }, db: { image: 'postgres:17', build: 'db/image' } },
  },
  {
    name: 'interpolation: bare $VAR next to ${VAR}, unset variables empty, .env quotes',
    v1: true,
    files: {
      'compose.yaml': 'services:\n  a:\n    image: $REPO/app:${TAG}\n    environment:\n      URL: http://$HOST:$PORT/x\n      EMPTY: "[$UNSET]"\n',
      '.env': 'REPO=registry.example/team\nTAG="1.2"\nHOST=db\nPORT=5432\n',
    },
    expected: { a: { image: 'registry.example/team/app:1.2', environment: { URL: 'http://db:5432/x', EMPTY: '[]' } } },
  },
  {
    name: 'include (long form): project_directory for relative paths, env_file for interpolation',
    v1: false,
    files: {
      'compose.yaml': 'include:\n  - path: infra/db.yaml\n    project_directory: infra/app\n    env_file: infra/db.env\nservices:\n  api:\n    image: api:1\n',
      'infra/db.yaml': 'services:\n  db:\n    image: postgres:${PG:-16}\n    build: ./image\n',
      'infra/db.env': 'PG=17\n',
      'infra/.env': 'PG=15\n',
      'infra/app/image/Dockerfile': 'FROM postgres:17\n',
    },
    expected: { api: { image: 'api:1' }, db: { image: 'postgres:17', build: 'infra/app/image' } },
  },
  {
    name: 'nested and alternative values (compose v2 only)',
    v1: false,
    files: { 'compose.yaml': 'services:\n  a:\n    image: "x:${A:+alt}-${B+set}-${E:-${F:-deep}}"\n', '.env': 'A=1\nB=\nE=\n' },
    expected: { a: { image: 'x:alt-set-deep' } },
  },
];

describe('merged compose model', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { project, directory } = projectOf(testCase.files);
      const expected = Object.fromEntries(Object.entries(testCase.expected).map(([name, projection]) => [name, { ...projection, ...(projection.build ? { build: path.join(directory, projection.build) } : {}) }]));
      expect(ours(project)).toEqual(expected);
      if (testCase.v1 && hasV1) expect(ours(project)).toEqual(v1(directory));
    });
  }

  it('depends_on in list and mapping form merges into a mapping with compose defaults', () => {
    const { project } = projectOf({ 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: d:1\n  cache:\n    image: c:1\n', 'compose.override.yaml': 'services:\n  api:\n    depends_on:\n      cache:\n        condition: service_healthy\n' });
    expect(project.toJS().services).toMatchObject({ api: { depends_on: { db: { condition: 'service_started', required: true }, cache: { condition: 'service_healthy' } } } });
    const api = project.service('api')!;
    expect(api.dependsOn.map((dependency) => [dependency.service, dependency.origin.file.displayPath.endsWith('override.yaml'), rangeOfOrigin(dependency.origin).start.line])).toEqual([
      ['db', false, 4],
      ['cache', true, 4],
    ]);
  });

  it('keeps the file and line of every merged value', () => {
    const { project } = projectOf({ 'compose.yaml': 'services:\n  api:\n    image: a:1\n    build:\n      context: .\n', 'compose.override.yaml': '# dev\nservices:\n  api:\n    build:\n      target: dev\n', Dockerfile: 'FROM alpine:3.20 AS dev\n' });
    const api = project.service('api')!;
    expect(path.basename(api.build!.targetOrigin!.file.path)).toBe('compose.override.yaml');
    expect(rangeOfOrigin(api.build!.targetOrigin!).start).toEqual({ line: 5, column: 15 });
    expect(path.basename(api.build!.contextOrigin!.file.path)).toBe('compose.yaml');
    expect(path.basename(api.keyOrigin.file.path)).toBe('compose.yaml');
    expect(api.definitions.map((definition) => path.basename(definition.compose.file.path))).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  it('profiles: no profile is always active; a profiled service only with its profile or *', () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: w:1\n  debug:\n    image: d:1\n    profiles: [debug, tools]\n' };
    const active = (options: ComposeOptions) => {
      const { project } = projectOf(files, options);
      return project.services.filter((service) => service.active).map((service) => service.name);
    };
    expect(active({})).toEqual(['web']);
    expect(active({ profiles: ['tools'] })).toEqual(['web', 'debug']);
    expect(active({ profiles: ['*'] })).toEqual(['web', 'debug']);
    expect(active({ profiles: ['other'] })).toEqual(['web']);
    const { project } = projectOf({ ...files, '.env': 'COMPOSE_PROFILES=debug\n' });
    expect(project.activeProfiles).toEqual(['debug']);
  });

  it('file sets: COMPOSE_FILE in .env, overlays beside the base, explicit -f sets', () => {
    const directory = write({
      'compose.yaml': 'services:\n  web:\n    image: w:1\n',
      'compose.prod.yaml': 'services:\n  web:\n    image: w:2\n',
      'compose.tools.yaml': 'services:\n  tool:\n    image: t:1\n',
    });
    const sets = (options: ComposeOptions = {}) => load(directory, options).map((project) => project.files.map((file) => path.basename(file.file.path)));
    expect(sets()).toEqual([['compose.yaml'], ['compose.yaml', 'compose.prod.yaml'], ['compose.tools.yaml']]);
    expect(sets({ fileSets: [[path.join(directory, 'compose.tools.yaml'), path.join(directory, 'compose.prod.yaml')]] })).toEqual([['compose.tools.yaml', 'compose.prod.yaml']]);
    fs.writeFileSync(path.join(directory, '.env'), 'COMPOSE_FILE=compose.yaml:compose.prod.yaml\n');
    expect(sets()[0]).toEqual(['compose.yaml', 'compose.prod.yaml']);
  });

  it('env files: --env-file replaces .env; the process environment only when allowed', () => {
    const files = { 'compose.yaml': 'services:\n  a:\n    image: "x:${TAG:-none}"\n', '.env': 'TAG=dotenv\n', 'ci.env': 'TAG=ci\n' };
    expect(projectOf(files).project.service('a')!.image).toBe('x:dotenv');
    const { project, directory } = projectOf(files);
    expect(project.environmentFiles.map((file) => path.basename(file.file.path))).toEqual(['.env']);
    expect(load(directory, { envFiles: [path.join(directory, 'ci.env')] })[0]!.service('a')!.image).toBe('x:ci');
    expect(load(directory, { processEnv: { TAG: 'shell' } })[0]!.service('a')!.image).toBe('x:dotenv');
    expect(load(directory, { processEnv: { TAG: 'shell' }, useProcessEnv: true })[0]!.service('a')!.image).toBe('x:shell');
  });

  it('survives hostile input: deep nesting, alias bombs, self-extends, include of itself', () => {
    const deep = `services:\n  a:\n    image: x:1\n    labels:\n${'  '.repeat(2)}${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const bomb = `x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 8 }, (_, i) => `x-${i}: &n${i} [${Array(9).fill(i ? `*n${i - 1}` : '*a').join(', ')}]`).join('\n')}\nservices:\n  a:\n    image: x:1\n`;
    for (const text of [deep, bomb, 'services:\n  a:\n    extends: a\n', 'include: [compose.yaml]\nservices:\n  a:\n    image: x:1\n']) {
      const directory = write({ 'compose.yaml': text });
      const started = Date.now();
      expect(() => load(directory)).not.toThrow();
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });
});
