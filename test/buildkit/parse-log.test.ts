import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildLog, type BuildStep } from '../../src/buildkit/parse-log.js';
import { parseStepName } from '../../src/buildkit/step-name.js';

const LOGS = path.resolve(import.meta.dirname, '../../fixtures/buildkit-logs');
const recorded = (name: string) => readFileSync(path.join(LOGS, name), 'utf8');
const byName = (steps: BuildStep[], name: string) => steps.filter((step) => step.name === name);
const only = (steps: BuildStep[], name: string) => {
  const found = byName(steps, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe('recorded logs (Docker 20.10 embedded BuildKit, docker-compose 1.29)', () => {
  it('plain, cold build: every instruction runs, with durations and output', () => {
    const parsed = parseBuildLog(recorded('plain-first.log'));
    expect(parsed.format).toBe('plain');
    const install = only(parsed.steps, '[deps 3/3] RUN npm ci');
    expect(install).toMatchObject({ id: '#11', stage: 'deps', index: 3, total: 3, instruction: 'RUN npm ci', status: 'done', internal: false, service: null });
    expect(install.duration).toBeGreaterThanOrEqual(0);
    expect(install.output).toEqual(['added 2 packages']);
    expect(install.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const instructions = parsed.steps.filter((step) => !step.internal && !step.instruction.startsWith('FROM'));
    expect(instructions.length).toBe(10);
    // Even with --no-cache, BuildKit reports a WORKDIR on an unchanged base image as CACHED.
    const runsAndCopies = instructions.filter((step) => /^(RUN|COPY) /.test(step.instruction));
    expect(runsAndCopies.length).toBe(8);
    expect(runsAndCopies.every((step) => step.status === 'done')).toBe(true);
    expect(only(parsed.steps, '[internal] load build context').internal).toBe(true);
    expect(only(parsed.steps, 'exporting to image')).toMatchObject({ internal: true, stage: null, status: 'done' });
  });

  it('plain, unchanged rebuild: every instruction CACHED', () => {
    const parsed = parseBuildLog(recorded('plain-cached.log'));
    const instructions = parsed.steps.filter((step) => !step.internal && !step.instruction.startsWith('FROM'));
    expect(instructions.length).toBe(10);
    expect(instructions.map((step) => step.status)).toEqual(Array(10).fill('cached'));
    expect(instructions.every((step) => step.duration === null)).toBe(true);
  });

  it('plain, source edit under COPY . .: the copy and the install run again', () => {
    const parsed = parseBuildLog(recorded('plain-bad-source-change.log'));
    expect(only(parsed.steps, '[deps 2/3] COPY . .').status).toBe('done');
    expect(only(parsed.steps, '[deps 3/3] RUN npm ci').status).toBe('done');
    expect(only(parsed.steps, '[deps 1/3] WORKDIR /app').status).toBe('cached');
  });

  it('plain, failing build: ERROR with its message, the parallel step CANCELED', () => {
    const parsed = parseBuildLog(recorded('plain-error.log'));
    const broken = parsed.steps.find((step) => step.stage === 'broken' && step.index === 2)!;
    expect(broken.status).toBe('error');
    expect(broken.error).toMatch(/exit code: 3/);
    expect(broken.output).toContain('about to fail');
    const slow = parsed.steps.find((step) => step.stage === 'slow' && step.index === 2)!;
    expect(slow.status).toBe('canceled');
    expect(slow.output).toEqual(['slow stage starting']);
  });

  it('docker-compose 1.x: steps grouped per service, numbering restarting per service', () => {
    const parsed = parseBuildLog(recorded('compose-v1-api-source-change.log'));
    expect(parsed.format).toBe('compose');
    expect(parsed.services).toEqual(['api', 'worker']);
    const apiCopy = parsed.steps.find((step) => step.service === 'api' && step.instruction === 'COPY src ./src')!;
    expect(apiCopy.status).toBe('done');
    const apiInstall = parsed.steps.find((step) => step.service === 'api' && step.instruction === 'RUN npm ci')!;
    expect(apiInstall.status).toBe('cached');
    const worker = parsed.steps.filter((step) => step.service === 'worker' && !step.internal && !step.instruction.startsWith('FROM'));
    expect(worker.map((step) => step.instruction)).toContain('RUN pip install -r requirements.txt');
    expect(worker.every((step) => step.status === 'cached')).toBe(true);
    // #1 exists once per service, in different builds of the log.
    expect(parsed.steps.filter((step) => step.id === '#1').map((step) => [step.service, step.build])).toEqual([['api', 0], ['worker', 1]]);
  });

  it('docker-compose 1.x cold build: every service step runs', () => {
    const parsed = parseBuildLog(recorded('compose-v1-first.log'));
    const steps = parsed.steps.filter((step) => /^(RUN|COPY) /.test(step.instruction));
    expect(new Set(steps.map((step) => step.service))).toEqual(new Set(['api', 'worker']));
    expect(steps.length).toBe(13);
    expect(steps.every((step) => step.status === 'done')).toBe(true);
  });
});

describe('what CI systems and terminals add', () => {
  const base = recorded('plain-cached.log');
  const statusesOf = (log: string) => parseBuildLog(log).steps.map((step) => `${step.name}=${step.status}`);
  const expected = statusesOf(base);

  it.each([
    ['CRLF line ends', base.replace(/\n/g, '\r\n')],
    ['GitHub Actions timestamps', base.split('\n').map((line) => `2024-05-01T10:11:12.1234567Z ${line}`).join('\n')],
    ['GitLab timestamps', base.split('\n').map((line) => `2024-05-01T10:11:12.123456Z 00O ${line}`).join('\n')],
    ['Jenkins timestamper', base.split('\n').map((line) => `[2024-05-01T10:11:12.123Z] ${line}`).join('\n')],
    ['ANSI colours', base.split('\n').map((line) => (line.startsWith('#') ? `\x1b[34m${line.replace(/CACHED/, '\x1b[1;32mCACHED\x1b[0m')}\x1b[0m` : line)).join('\n')],
    ['unknown lines in between', base.split('\n').flatMap((line, i) => (i % 5 === 0 ? ['Run docker build .', '::group::Build', line, 'npm notice something'] : [line])).join('\n')],
  ])('%s: same steps and statuses', (_, log) => {
    expect(statusesOf(log)).toEqual(expected);
  });

  it('a log truncated in the middle keeps finished steps and marks the open one incomplete', () => {
    const lines = recorded('plain-first.log').split('\n');
    const cut = lines.findIndex((line) => line === '#11 [deps 3/3] RUN npm ci') + 2;
    const parsed = parseBuildLog(lines.slice(0, cut).join('\n'));
    expect(only(parsed.steps, '[deps 2/3] COPY package.json package-lock.json ./').status).toBe('done');
    expect(only(parsed.steps, '[deps 3/3] RUN npm ci').status).toBe('incomplete');
    expect(byName(parsed.steps, 'exporting to image')).toHaveLength(0);
  });

  it('a log truncated at the front keeps the statuses of steps whose header is lost', () => {
    const lines = recorded('plain-first.log').split('\n');
    const start = lines.findIndex((line) => line === '#11 [deps 3/3] RUN npm ci') + 1;
    const parsed = parseBuildLog(lines.slice(start).join('\n'));
    expect(parsed.steps[0]).toMatchObject({ id: '#11', name: '', status: 'done' });
  });

  it('a finished step printed again (Docker 20.10 reprints `load metadata` per stage) is the same step of the same build', () => {
    for (const name of ['plain-first.log', 'plain-error.log', 'plain-bad-first.log']) {
      const text = recorded(name);
      // The recorded engine really does it: the header of #3 twice.
      expect(text.match(/^#3 \[internal\] load metadata for docker\.io\/local\/busybox:1$/gm), name).toHaveLength(2);
      const parsed = parseBuildLog(text);
      expect(new Set(parsed.steps.map((step) => step.build)), name).toEqual(new Set([0]));
      expect(parsed.steps.filter((step) => step.id === '#3'), name).toHaveLength(1);
    }
  });

  it('two builds in one log (a first build, then a rebuild) stay apart', () => {
    const parsed = parseBuildLog(`${recorded('plain-first.log')}\n${recorded('plain-cached.log')}`);
    const installs = byName(parsed.steps, '[deps 3/3] RUN npm ci');
    expect(installs.map((step) => [step.build, step.status])).toEqual([[0, 'done'], [1, 'cached']]);
  });
});

describe('hand-made: buildx plain and compose v2 forms', () => {
  it('buildx plain: #0 line, resumed headers, new error wording, CANCELED', () => {
    const log = [
      '#0 building with "default" instance using docker driver',
      '',
      '#1 [internal] load build definition from Dockerfile',
      '#1 transferring dockerfile: 312B done',
      '#1 DONE 0.0s',
      '',
      '#5 [deps 3/3] RUN npm ci',
      '#5 0.512 npm warn deprecated x',
      '#6 [build 2/3] RUN sleep 1',
      '#5 [deps 3/3] RUN npm ci',
      '#5 1.204 added 12 packages',
      '#5 DONE 1.9s',
      '#7 [build 3/3] RUN exit 3',
      '#7 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '#6 CANCELED',
      '------',
      ' > [build 3/3] RUN exit 3:',
      '------',
      'Dockerfile:12',
      'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    ].join('\n');
    const parsed = parseBuildLog(log);
    expect(parsed.steps.map((step) => [step.id, step.status])).toEqual([['#1', 'done'], ['#5', 'done'], ['#6', 'canceled'], ['#7', 'error']]);
    expect(parsed.steps[1]!.output).toEqual(['npm warn deprecated x', 'added 12 packages']);
    expect(parsed.steps[1]!.duration).toBe(1.9);
    expect(parsed.steps[3]!.error).toMatch(/did not complete successfully/);
  });

  it('compose v2: service names inside the step brackets, one build for all services', () => {
    const log = [
      '#1 [api internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#2 [worker internal] load build definition from Dockerfile',
      '#2 DONE 0.0s',
      '#8 [api deps 3/3] RUN npm ci',
      '#8 CACHED',
      '#9 [worker 2/2] RUN pip install -r requirements.txt',
      '#9 DONE 2.5s',
      '#10 [worker linux/amd64 runtime 1/1] COPY app ./app',
      '#10 CACHED',
    ].join('\n');
    const parsed = parseBuildLog(log);
    expect(parsed.format).toBe('compose');
    expect(parsed.steps.map((step) => [step.service, step.platform, step.stage, step.index, step.status])).toEqual([
      ['api', null, null, null, 'done'],
      ['worker', null, null, null, 'done'],
      ['api', null, 'deps', 3, 'cached'],
      ['worker', null, null, 2, 'done'],
      ['worker', 'linux/amd64', 'runtime', 1, 'cached'],
    ]);
  });

  it('service-prefixed lines (`api  | #5 …`) are grouped per service', () => {
    const log = ['api     | #5 [deps 2/2] RUN npm ci', 'worker  | #5 [deps 2/2] RUN pip install -r r.txt', 'worker  | #5 CACHED', 'api     | #5 DONE 3.1s'].join('\n');
    const parsed = parseBuildLog(log);
    expect(parsed.steps.map((step) => [step.service, step.instruction, step.status])).toEqual([
      ['api', 'RUN npm ci', 'done'],
      ['worker', 'RUN pip install -r r.txt', 'cached'],
    ]);
  });
});

describe('rawjson (hand-made from BuildKit\'s SolveStatus JSON)', () => {
  const t = (seconds: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + seconds * 1000).toISOString();
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const lines = [
    { vertexes: [{ digest: 'sha256:01', name: '[internal] load build definition from Dockerfile', started: t(0) }] },
    { vertexes: [{ digest: 'sha256:01', name: '[internal] load build definition from Dockerfile', started: t(0), completed: t(0.1) }], statuses: [{ id: 'transferring dockerfile:', vertex: 'sha256:01', current: 312, timestamp: t(0.1) }] },
    { vertexes: [{ digest: 'sha256:02', inputs: ['sha256:01'], name: '[deps 2/3] COPY package.json package-lock.json ./', started: t(1), completed: t(1), cached: true }] },
    { vertexes: [{ digest: 'sha256:03', name: '[deps 3/3] RUN npm ci', started: t(1) }] },
    { logs: [{ vertex: 'sha256:03', stream: 1, data: b64('added 12 pack'), timestamp: t(2) }] },
    { logs: [{ vertex: 'sha256:03', stream: 1, data: b64('ages\nnpm notice done\n'), timestamp: t(2.5) }] },
    { vertexes: [{ digest: 'sha256:03', name: '[deps 3/3] RUN npm ci', started: t(1), completed: t(3.25) }] },
    { vertexes: [{ digest: 'sha256:04', name: '[build 2/2] RUN exit 3', started: t(4), completed: t(4.5), error: 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3' }] },
    { vertexes: [{ digest: 'sha256:05', name: '[build 1/2] RUN sleep 60', started: t(4), completed: t(4.5), error: 'context canceled' }] },
    { vertexes: [{ digest: 'sha256:06', name: '[runtime 2/2] COPY --from=build /app/dist ./dist', started: t(5) }] },
  ].map((status) => JSON.stringify(status));

  it('merges updates per digest: cached, done with duration and output, error, canceled, incomplete', () => {
    const parsed = parseBuildLog([...lines, '{"vertexes":[{"digest":"sha'].join('\n'));
    expect(parsed.format).toBe('rawjson');
    expect(parsed.steps.map((step) => [step.id, step.stage, step.index, step.status])).toEqual([
      ['sha256:01', null, null, 'done'],
      ['sha256:02', 'deps', 2, 'cached'],
      ['sha256:03', 'deps', 3, 'done'],
      ['sha256:04', 'build', 2, 'error'],
      ['sha256:05', 'build', 1, 'canceled'],
      ['sha256:06', 'runtime', 2, 'incomplete'],
    ]);
    const install = parsed.steps[2]!;
    expect(install.duration).toBe(2.25);
    expect(install.output).toEqual(['added 12 packages', 'npm notice done']);
    expect(parsed.steps[1]!.duration).toBeNull();
    expect(parsed.warnings).toEqual([`line ${lines.length + 1}: not valid JSON`]);
  });

  it('with CI timestamps and CRLF, and with capitalised keys (BuildKit before v0.13)', () => {
    const prefixed = lines.map((line) => `2024-05-01T10:11:12.1234567Z ${line}\r`).join('\n');
    expect(parseBuildLog(prefixed).steps.map((step) => step.status)).toEqual(['done', 'cached', 'done', 'error', 'canceled', 'incomplete']);
    const capitalised = lines.map((line) => line.replace(/"(vertexes|digest|name|started|completed|cached|error|logs|vertex|data)"/g, (_, key: string) => `"${key[0]!.toUpperCase()}${key.slice(1)}"`)).join('\n');
    expect(parseBuildLog(capitalised).steps.map((step) => step.status)).toEqual(['done', 'cached', 'done', 'error', 'canceled', 'incomplete']);
  });
});

describe('step names', () => {
  it.each([
    ['[internal] load .dockerignore', { internal: true, stage: null, service: null, index: null }],
    ['[deps 2/4] RUN npm ci', { internal: false, stage: 'deps', index: 2, total: 4, instruction: 'RUN npm ci' }],
    ['[2/2] RUN echo hi', { stage: null, index: 2, total: 2 }],
    ['[stage-1 1/2] FROM docker.io/local/busybox:1', { stage: 'stage-1', index: 1 }],
    ['[linux/arm64 deps 1/3] WORKDIR /app', { platform: 'linux/arm64', stage: 'deps' }],
    ['[api deps 3/3] RUN npm ci', { service: 'api', stage: 'deps' }],
    ['[api internal] load build context', { service: 'api', internal: true }],
    ['exporting to image', { internal: true, instruction: 'exporting to image' }],
  ])('%s', (name, expected) => {
    expect(parseStepName(name)).toMatchObject(expected);
  });

  it('a known service name before the position is the service, not a stage', () => {
    expect(parseStepName('[api 2/4] RUN npm ci', new Set(['api']))).toMatchObject({ service: 'api', stage: null });
    expect(parseStepName('[api 2/4] RUN npm ci')).toMatchObject({ service: null, stage: 'api' });
  });
});
