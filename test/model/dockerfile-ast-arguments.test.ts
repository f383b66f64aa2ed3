import { DockerfileParser, type From, type Run } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import '../../src/model/dockerfile-ast-arguments.js';

describe("dockerfile-ast's argument split, done once per instruction", () => {
  const text = 'FROM registry.example.com/library/node:20 AS build\nRUN --mount=type=cache,target=/root/.npm \\\n    npm ci && echo done\n';

  it('gives every call its own array with the same arguments, flags shifted off as before', () => {
    const run = DockerfileParser.parse(text).getInstructions()[1] as Run;
    const first = run.getArguments();
    const second = run.getArguments();
    expect(second).not.toBe(first);
    expect(second.map((arg) => [arg.getValue(), arg.getRange()])).toEqual(first.map((arg) => [arg.getValue(), arg.getRange()]));
    expect(first.map((arg) => arg.getValue())).toEqual(['npm', 'ci', '&&', 'echo', 'done']);
    expect(run.getFlags().map((flag) => flag.getName())).toEqual(['mount']);
    first.shift();
    expect(run.getArguments()).toHaveLength(5);
  });

  it("keeps a FROM's arguments as parsed when dockerfile-ast moves the range it hands out", () => {
    const from = DockerfileParser.parse(text).getFROMs()[0] as From;
    const before = from.getArguments()[0]!.getRange();
    expect(from.getImageName()).toBe('library/node');
    expect(from.getRegistry()).toBe('registry.example.com');
    expect(from.getArguments()[0]!.getRange()).toEqual(before);
    expect(from.getImageNameRange()).toEqual({ start: { line: 0, character: 26 }, end: { line: 0, character: 38 } });
  });
});
