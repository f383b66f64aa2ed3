import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagesOfTarget } from '../../src/buildkit/build-graph.js';
import { checkAllCached, checkInstallCached, checkInstallRebuilt, type CheckContext } from '../../src/buildkit/checks.js';
import { chooseManifestFile, chooseSourceFile, copiesFile } from '../../src/buildkit/file-choice.js';
import { findInstallSteps } from '../../src/buildkit/install-steps.js';
import { parseBuildLog } from '../../src/buildkit/parse-log.js';
import { instructionOfStep } from '../../src/buildkit/step-map.js';
import { parseDockerfile } from '../../src/model/dockerfile.js';
import { SourceFile } from '../../src/model/source.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dockerfile = (relative: string) => parseDockerfile(new SourceFile(path.join(ROOT, relative), 'dockerfile', readFileSync(path.join(ROOT, relative), 'utf8')));
const inline = (text: string) => parseDockerfile(new SourceFile('/tmp/Dockerfile', 'dockerfile', text));
const log = (name: string) => parseBuildLog(readFileSync(path.join(ROOT, 'fixtures/buildkit-logs', name), 'utf8')).steps;

const good = dockerfile('fixtures/cache/good/Dockerfile');
const bad = dockerfile('fixtures/cache/bad/Dockerfile');
const contextOf = (model: typeof good, logName: string, service?: string): CheckContext => ({
  model,
  file: 'Dockerfile',
  target: service ?? 'Dockerfile',
  steps: log(logName).filter((step) => !service || step.service === service),
});

describe('mapping logged steps to Dockerfile instructions', () => {
  it('maps every instruction step of a recorded build to its line', () => {
    const steps = log('plain-first.log');
    const lines = steps.map((step) => [step.name, instructionOfStep(good, step)?.range.start.line ?? null]);
    expect(lines).toContainEqual(['[deps 3/3] RUN npm ci', 9]);
    expect(lines).toContainEqual(['[deps 1/3] WORKDIR /app', 7]);
    // BuildKit runs the shared `FROM local/busybox:1` once, under one of the stages' names.
    const from = steps.find((step) => step.instruction.startsWith('FROM '))!;
    expect(instructionOfStep(good, from)?.keyword).toBe('FROM');
    expect(lines).toContainEqual(['[runtime 3/4] COPY --from=deps /app/node_modules ./node_modules', 17]);
    expect(lines).toContainEqual(['[internal] load build context', null]);
  });

  it.each([
    ['unnamed stages (stage-N)', 'FROM local/busybox:1\nRUN a\nFROM local/busybox:1\nENV X=1\nRUN b\n', '[stage-1 2/2] RUN b', 5],
    ['single stage, no name in brackets', 'FROM local/busybox:1\nENV A=1\nRUN echo hi\n', '[2/2] RUN echo hi', 3],
    ['continuation lines', 'FROM local/busybox:1 AS x\nRUN echo a \\\n    && echo b\n', '[x 2/2] RUN echo a && echo b', 2],
    ['expanded variables', 'FROM local/busybox:1 AS x\nARG DIR=/app\nWORKDIR $DIR\n', '[x 2/2] WORKDIR /app', 3],
  ])('%s', (_, text, name, line) => {
    const step = parseBuildLog(`#5 ${name}\n#5 DONE 0.1s\n`).steps[0]!;
    expect(instructionOfStep(inline(text), step)?.range.start.line).toBe(line);
  });
});

describe('install steps and the files the scenarios edit', () => {
  it('finds npm ci in the good fixture with its manifest COPY, and the COPY . . before it in the bad one', () => {
    const [goodInstall] = findInstallSteps(good);
    expect(goodInstall!.instruction.range.start.line).toBe(9);
    expect(goodInstall!.manifestCopies.map((copy) => copy.range.start.line)).toEqual([8]);
    expect(goodInstall!.sourceCopy).toBeNull();
    const [badInstall] = findInstallSteps(bad);
    expect(badInstall!.sourceCopy?.range.start.line).toBe(9);
  });

  it('--install-step REGEX replaces the package-manager list', () => {
    const model = inline('FROM local/busybox:1 AS deps\nCOPY deps.txt ./\nRUN ./install-deps deps.txt\nCOPY . .\nRUN npm ci\n');
    expect(findInstallSteps(model).map((step) => step.instruction.range.start.line)).toEqual([5]);
    expect(findInstallSteps(model, undefined, { pattern: /install-deps/ }).map((step) => step.instruction.range.start.line)).toEqual([3]);
  });

  it.each([
    ['COPY . .', 'src/a.js', true],
    ['COPY src ./src', 'src/lib/a.js', true],
    ['COPY src ./src', 'srcx/a.js', false],
    ['COPY package*.json ./', 'package-lock.json', true],
    ['COPY ./app/ /srv/app', 'app/main.py', true],
    ['COPY --from=build /app /app', 'app/x', false],
    ['COPY *.py ./', 'lib/x.py', false],
  ])('%s copies %s: %s', (line, file, expected) => {
    const instruction = inline(`FROM local/busybox:1\n${line}\n`).stages[0]!.instructions[0]!;
    expect(copiesFile(instruction, file)).toBe(expected);
  });

  it('chooses an application source file no manifest or tool COPY brings in, and the primary manifest', () => {
    const files = ['.dockerignore', 'Dockerfile', 'README.md', 'package-lock.json', 'package.json', 'src/greet.js', 'src/index.js', 'tools/fake-npm.sh'];
    for (const model of [good, bad]) {
      const [install] = findInstallSteps(model);
      expect(chooseSourceFile(stagesOfTarget(model), install!.sourceCopy, files)).toBe('src/greet.js');
      expect(chooseManifestFile(model, install!, files)).toBe('package.json');
    }
  });
});

describe('scenario checks on recorded logs', () => {
  const goodInstall = findInstallSteps(good)[0]!.instruction;
  const badInstall = findInstallSteps(bad)[0]!.instruction;

  it('(b) an unchanged rebuild passes; a cold build lists every step that ran', () => {
    expect(checkAllCached(contextOf(good, 'plain-cached.log'), null, 'no change')).toEqual([]);
    const offenders = checkAllCached(contextOf(good, 'plain-first.log'), null, 'no change');
    expect(offenders.map((offender) => offender.line)).toEqual([3, 4, 7, 8, 9, 12, 13, 17, 18]);
  });

  it('(c) the bad fixture fails naming the install step and the COPY . . line', () => {
    const offenders = checkInstallCached(contextOf(bad, 'plain-bad-source-change.log'), badInstall, 'src/greet.js');
    expect(offenders.map((offender) => [offender.instruction, offender.line, offender.status])).toEqual([
      ['COPY . .', 9, 'done'],
      ['RUN npm ci', 10, 'done'],
    ]);
    expect(offenders[0]!.reason).toBe('ran again: it copies the changed file src/greet.js');
    expect(offenders[1]!.reason).toBe('the dependency install ran again: its cache was invalidated by COPY . . (Dockerfile:9), which copies the changed file src/greet.js');
  });

  it('(c) the good layout passes on the compose log where only the build stage reran', () => {
    expect(checkInstallCached(contextOf(good, 'compose-v1-api-source-change.log', 'api'), goodInstall, 'src/index.js')).toEqual([]);
  });

  it('(c) an install step missing from the log is a failure, not a pass', () => {
    const offenders = checkInstallCached({ ...contextOf(good, 'plain-cached.log'), steps: [] }, goodInstall, 'src/index.js');
    expect(offenders).toMatchObject([{ line: 9, status: 'missing' }]);
  });

  it('(d) a cached install after a manifest edit fails; one that ran passes', () => {
    expect(checkInstallRebuilt(contextOf(good, 'plain-cached.log'), goodInstall, 'package.json')).toMatchObject([{ line: 9, status: 'cached', reason: 'stayed CACHED although package.json changed' }]);
    expect(checkInstallRebuilt(contextOf(good, 'plain-first.log'), goodInstall, 'package.json')).toEqual([]);
  });

  it('(e) the other service of the compose log is entirely CACHED', () => {
    const worker = dockerfile('fixtures/cache/compose/worker/Dockerfile');
    expect(checkAllCached(contextOf(worker, 'compose-v1-api-source-change.log', 'worker'), null, 'rebuilt')).toEqual([]);
    const api = dockerfile('fixtures/cache/compose/api/Dockerfile');
    const apiOffenders = checkAllCached(contextOf(api, 'compose-v1-api-source-change.log', 'api'), 'src/index.js', 'rebuilt');
    expect(apiOffenders.map((offender) => offender.instruction)).toEqual(['COPY src ./src', 'RUN mkdir -p dist && cat src/greet.js src/index.js > dist/app.js', 'COPY --from=build /app/dist ./dist']);
  });
});
