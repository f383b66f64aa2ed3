import { describe, expect, it } from 'vitest';
import { aptCall, goPackagePin, npmPackagePin, pipCall, pipRequirement } from '../../src/model/package-args.js';
import { parseShell } from '../../src/model/shell.js';
import { SourceFile } from '../../src/model/source.js';

const firstCommand = (text: string) => parseShell(new SourceFile('/x.sh', 'shell', text), text, 0).commands[0]!;

describe('package manager arguments', () => {
  it('separates options, option values, the sub-command and packages', () => {
    const apt = aptCall(firstCommand('sudo -u root apt-get -qy -o Dpkg::Options::=--force-confold install -t bookworm-backports --no-install-recommends curl git=1'))!;
    expect(apt.program).toBe('apt-get');
    expect(apt.subcommand?.value).toBe('install');
    expect(apt.options.map((option) => [option.name, option.value])).toEqual([
      ['-q', null],
      ['-y', null],
      ['-o', 'Dpkg::Options::=--force-confold'],
      ['-t', 'bookworm-backports'],
      ['--no-install-recommends', null],
    ]);
    expect(apt.operands.map((word) => word.value)).toEqual(['curl', 'git=1']);
  });

  it('finds pip behind python -m and uv, with requirement files', () => {
    const pip = pipCall(firstCommand('python3.12 -m pip --no-cache-dir install -e ./src -r req.txt flask'))!;
    expect([pip.tool, pip.subcommand?.value, pip.usesRequirementFiles, pip.operands.map((word) => word.value)]).toEqual(['pip', 'install', true, ['flask']]);
    expect(pipCall(firstCommand('uv pip install httpx'))?.tool).toBe('uv');
    expect(pipCall(firstCommand('pipx install black'))).toBeNull();
  });

  it('classifies pip requirements', () => {
    expect(pipRequirement('Flask[async]>=3')).toMatchObject({ kind: 'name', name: 'flask', constrained: true, exact: false });
    expect(pipRequirement('flask==3.1.0')).toMatchObject({ constrained: true, exact: true });
    expect(pipRequirement('pkg @ https://example.com/pkg.zip')).toMatchObject({ kind: 'name', exact: true });
    expect(pipRequirement('git+https://github.com/o/r.git@v1#egg=r')).toMatchObject({ kind: 'vcs', vcsRevision: true });
    expect(pipRequirement('git+ssh://git@github.com/o/r.git')).toMatchObject({ kind: 'vcs', vcsRevision: false });
    expect(pipRequirement('./dist/app.whl').kind).toBe('local');
  });

  it('classifies npm and go package pins', () => {
    expect(['pm2', 'pm2@5', '@scope/x', '@scope/x@1', 'x@latest', 'user/repo', 'user/repo#v1', './lib'].map(npmPackagePin)).toEqual([
      'unpinned', 'pinned', 'unpinned', 'pinned', 'floating', 'unpinned', 'pinned', 'pinned',
    ]);
    expect(['golang.org/x/tools/gopls', 'golang.org/x/tools/gopls@v0.17.1', 'example.com/m@latest', 'example.com/m@none', './cmd/x', 'main.go', 'std'].map(goPackagePin)).toEqual([
      'unpinned', 'pinned', 'floating', 'removal', 'local', 'local', 'local',
    ]);
  });
});
