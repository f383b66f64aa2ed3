import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/dockerfile.js';
import { SourceFile } from '../../src/model/source.js';

const parse = (text: string) => {
  const file = new SourceFile('/project/Dockerfile', 'dockerfile', text);
  return { file, model: parseDockerfile(file) };
};

describe('Dockerfile model', () => {
  it('reads parser directives and resolves FROM ${ARG} from global ARG defaults', () => {
    const { model } = parse('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nARG REGISTRY=ghcr.io\nARG TAG=1.2\nFROM ${REGISTRY}/team/app:${TAG} AS base\n');
    expect(model.directives.map((directive) => [directive.name, directive.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['check', 'skip=JSONArgsRecommended'],
    ]);
    const from = model.stages[0]!.from;
    expect(from.image).toBe('ghcr.io/team/app:1.2');
    expect(from.imageRef).toEqual({ registry: 'ghcr.io', name: 'team/app', tag: '1.2', digest: undefined });
    expect(from.argsUsed).toEqual(['REGISTRY', 'TAG']);
    expect(from.alias?.value).toBe('base');
    expect(from.imageRange).toEqual({ start: { line: 5, column: 6 }, end: { line: 5, column: 33 } });
  });

  it('splits registry, name, tag and digest and recognises stage references and scratch', () => {
    const { model } = parse('FROM localhost:5000/app@sha256:abc AS a\nFROM a AS b\nFROM scratch\n');
    expect(model.stages[0]!.from.imageRef).toEqual({ registry: 'localhost:5000', name: 'app', tag: undefined, digest: 'sha256:abc' });
    expect(model.stages[1]!.from.stageRef).toBe(0);
    expect(model.stages[2]!.from.isScratch).toBe(true);
  });

  it('maps RUN commands across line continuations and comment lines to file positions', () => {
    const { file, model } = parse('FROM debian:12\nRUN apt-get update \\\n# comment inside the continuation\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n');
    const commands = model.stages[0]!.instructions[0]!.shell!.commands;
    expect(commands.map((command) => command.argv.map((word) => word.value).join(' '))).toEqual(['apt-get update', 'apt-get install -y curl', 'rm -rf /var/lib/apt/lists/*']);
    expect(commands.map((command) => file.positionAt(command.start))).toEqual([
      { line: 2, column: 5 },
      { line: 4, column: 8 },
      { line: 5, column: 8 },
    ]);
    expect(commands[1]!.connector).toBe('&&');
  });

  it('honours the backtick escape directive', () => {
    const { file, model } = parse('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo one `\n    && echo two\n');
    const commands = model.stages[0]!.instructions[0]!.shell!.commands;
    expect(model.escapeChar).toBe('`');
    expect(commands.map((command) => command.name)).toEqual(['echo', 'echo']);
    expect(file.positionAt(commands[1]!.start)).toEqual({ line: 4, column: 8 });
  });

  it('parses heredoc bodies as the RUN script, with their own positions', () => {
    const { file, model } = parse('FROM node:22\nRUN <<EOF\nset -e\nnpm ci\nEOF\nCOPY <<EOT /etc/motd\nhello\nEOT\n');
    const [run, copy] = model.stages[0]!.instructions;
    expect(run!.heredocs.map((heredoc) => heredoc.name)).toEqual(['EOF']);
    const npm = run!.shell!.commands.find((command) => command.name === 'npm')!;
    expect(file.positionAt(npm.start)).toEqual({ line: 4, column: 1 });
    expect(copy!.copy!.heredocs[0]!.content).toBe('hello');
    expect(copy!.copy!.destination?.value).toBe('/etc/motd');
  });

  it('keeps flags, mounts and COPY --from', () => {
    const { model } = parse('FROM golang:1.23 AS build\nRUN --mount=type=cache,target=/root/.cache/go-build --network=none go build ./...\nFROM alpine:3.21\nCOPY --from=build --chown=app:app /out/app /usr/local/bin/\n');
    const run = model.stages[0]!.instructions[0]!;
    expect(run.flags.map((flag) => flag.name)).toEqual(['mount', 'network']);
    expect(run.mounts[0]).toMatchObject({ type: 'cache', options: { target: '/root/.cache/go-build' } });
    expect(run.shell!.commands[0]!.argv.map((word) => word.value)).toEqual(['go', 'build', './...']);
    const copy = model.stages[1]!.instructions[0]!;
    expect(copy.copy!.from?.value).toBe('build');
    expect(copy.copy!.sources.map((source) => source.value)).toEqual(['/out/app']);
    expect(copy.flags.find((flag) => flag.name === 'chown')?.value).toBe('app:app');
  });

  it('tells JSON form from shell form', () => {
    const { model } = parse('FROM node:22\nCMD ["node", "server.js"]\nENTRYPOINT node server.js\n');
    const [cmd, entrypoint] = model.stages[0]!.instructions;
    expect(cmd!.jsonForm).toBe(true);
    expect(cmd!.jsonArgs.map((arg) => arg.value)).toEqual(['node', 'server.js']);
    expect(entrypoint!.jsonForm).toBe(false);
    expect(entrypoint!.shell!.commands[0]!.name).toBe('node');
  });

  it('looks into sh -c strings', () => {
    const { file, model } = parse("FROM alpine:3.21\nRUN sh -c 'apk add curl && echo done'\n");
    const commands = model.stages[0]!.instructions[0]!.shell!.commands;
    const apk = commands.find((command) => command.name === 'apk')!;
    expect(apk.wrappedBy?.name).toBe('sh');
    expect(file.positionAt(apk.start)).toEqual({ line: 2, column: 12 });
  });

  // Found by the fuzz suite: dockerfile-ast ends a line at a lone CR, SourceFile does not, and ranges pointed past the file.
  it('keeps ranges inside the file when a lone carriage return separates lines', () => {
    const { file, model } = parse('FROM build\n\r\u0000\rCOPY $V\\\n["sh", "-c", "x"]');
    const copy = model.instructions.find((instruction) => instruction.keyword === 'COPY')!;
    expect(copy.range.start).toEqual({ line: 2, column: 4 });
    expect(copy.range.end.line).toBeLessThanOrEqual(file.lineCount);
    expect(file.text.slice(file.offsetAt(copy.keywordRange.start), file.offsetAt(copy.keywordRange.end))).toBe('COPY');
  });
});
