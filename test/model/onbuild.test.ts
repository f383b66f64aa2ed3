import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/dockerfile.js';
import { runCommands } from '../../src/model/queries.js';
import { SourceFile } from '../../src/model/source.js';

const parse = (text: string) => parseDockerfile(new SourceFile('/project/Dockerfile', 'dockerfile', text));

describe('ONBUILD RUN triggers', () => {
  it('carry the trigger as an instruction, with its shell, mounts and heredocs', () => {
    const model = parse('FROM alpine:3.21\nONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add \\\n  curl && echo done\nONBUILD RUN <<EOF\napk add git\nEOF\nONBUILD COPY . /app\nonbuild run ["echo", "exec form"]\n');
    const [cached, heredoc, copy, exec] = model.stages[0]!.instructions;
    expect(cached!.keyword).toBe('ONBUILD');
    expect(cached!.trigger?.keyword).toBe('RUN');
    expect(cached!.mounts.map((mount) => mount.options.target)).toEqual(['/var/cache/apk']);
    expect(cached!.shell?.commands.map((command) => command.name)).toEqual(['apk', 'echo']);
    expect(heredoc!.shell?.commands.map((command) => command.argv.map((word) => word.value).join(' '))).toEqual(['apk add git']);
    expect(copy!.trigger?.keyword).toBe('COPY');
    expect(copy!.shell).toBeNull();
    expect(exec!.trigger?.jsonForm).toBe(true);
    expect(exec!.shell).toBeNull();
  });

  it('are yielded by runCommands with positions in the file', () => {
    const model = parse('FROM alpine:3.21\nRUN echo build\nONBUILD RUN apk add curl\n');
    const found = [...runCommands(model)].map(({ instruction, command }) => [instruction.keyword, command.name, model.file.positionAt(command.start)]);
    expect(found).toEqual([
      ['RUN', 'echo', { line: 2, column: 5 }],
      ['ONBUILD', 'apk', { line: 3, column: 13 }],
    ]);
  });
});
