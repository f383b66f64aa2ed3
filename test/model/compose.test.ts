import { describe, expect, it } from 'vitest';
import { interpolateCompose, parseCompose, rangeOfNode } from '../../src/model/compose.js';
import { SourceFile } from '../../src/model/source.js';

describe('compose model', () => {
  const text = 'services:\n  api:\n    image: ${REGISTRY:-ghcr.io/acme}/api:${TAG}\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n      target: runtime\n    depends_on:\n      db:\n        condition: service_healthy\n    profiles: [web]\n  db:\n    image: postgres:17\n';
  const file = new SourceFile('/repo/compose.yaml', 'compose', text);
  const model = parseCompose(file, { TAG: '1.4' });

  it('points at keys and values with 1-based ranges', () => {
    const api = model.services[0]!;
    expect(rangeOfNode(file, api.keyNode)).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 6 } });
    expect(rangeOfNode(file, api.dependsOn[0]!.node).start).toEqual({ line: 9, column: 7 });
    expect(rangeOfNode(file, api.build!.targetNode).start).toEqual({ line: 7, column: 15 });
  });

  it('resolves build context, Dockerfile, target, profiles and depends_on', () => {
    const api = model.services[0]!;
    expect(api.image).toBe('ghcr.io/acme/api:1.4');
    expect(api.build).toMatchObject({ contextDir: '/repo/api', dockerfilePath: '/repo/api/Dockerfile.prod', target: 'runtime' });
    expect(api.profiles).toEqual(['web']);
    expect(api.dependsOn).toMatchObject([{ service: 'db', condition: 'service_healthy', required: true }]);
  });

  it('reports YAML errors with positions instead of throwing', () => {
    const broken = new SourceFile('/repo/compose.yaml', 'compose', 'services:\n  web:\n    image: "nginx\n');
    const parsed = parseCompose(broken);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]!.range.start.line).toBeGreaterThanOrEqual(3);
  });

  it('flags a compose file that is a list', () => {
    const list = parseCompose(new SourceFile('/repo/compose.yaml', 'compose', '- a\n- b\n'));
    expect(list.problems[0]!.message).toContain('mapping');
  });

  it.each([
    ['${A}', { A: 'x' }, 'x', [], []],
    ['${A:-d}', {}, 'd', [], []],
    ['${A:-d}', { A: '' }, 'd', [], []],
    ['${A-d}', { A: '' }, '', [], []],
    ['${A:+alt}', { A: 'x' }, 'alt', [], []],
    ['${A+alt}', {}, '', [], []],
    ['$$HOME', {}, '$HOME', [], []],
    ['${A:-${B:-deep}}', {}, 'deep', [], []],
    ['$MISSING', {}, '', ['MISSING'], []],
    ['${A:?need A}', {}, '', ['A'], [{ name: 'A', message: 'need A' }]],
  ])('interpolates %s', (input, environment, value, unresolved, required) => {
    const result = interpolateCompose(input, environment as Record<string, string>);
    expect(result.value).toBe(value);
    expect(result.unresolved).toEqual(unresolved);
    expect(result.required).toEqual(required);
  });
});

describe('compose commands as shell', () => {
  const text = [
    'services:',
    '  worker:',
    '    image: python:3.12',
    '    command: sh -c "pip install -r requirements.txt && python worker.py"',
    '    entrypoint: ["/bin/sh", "-c", "apt-get install -y curl"]',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
    '  plain:',
    '    image: nginx:1.27',
    '    command: ["nginx", "-g", "daemon off;"]',
    '',
  ].join('\n');
  const file = new SourceFile('/repo/compose.yaml', 'compose', text);
  const [worker, plain] = parseCompose(file).services;

  it('parses string commands, sh -c lists and CMD-SHELL healthchecks with file positions', () => {
    const pip = worker!.shell.command!.commands.find((command) => command.name === 'pip')!;
    expect(file.positionAt(pip.start)).toEqual({ line: 4, column: 21 });
    expect(worker!.shell.entrypoint!.commands.map((command) => command.name)).toEqual(['apt-get']);
    expect(file.positionAt(worker!.shell.entrypoint!.commands[0]!.start)).toEqual({ line: 5, column: 36 });
    expect(worker!.shell.healthcheck!.commands.map((command) => command.name)).toEqual(['curl', 'exit']);
  });

  it('leaves exec-form commands without a shell alone', () => {
    expect(plain!.shell.command).toBeNull();
  });
});
