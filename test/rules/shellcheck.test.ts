import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { lint, type LintOptions } from '../../src/engine/lint.js';
import { defaultShellcheckRunner, findShellcheck, runShellcheckStep, ShellcheckMemo, type ShellcheckRunner } from '../../src/engine/shellcheck.js';
import rule from '../../rules/shellcheck.js';
import { builtinRules } from '../../rules/index.js';
import { testRule } from '../helpers/rule-tester.js';

const available = findShellcheck() !== null;
if (!available) console.warn('shellcheck tests skipped: no shellcheck executable on PATH (apt-get install shellcheck)');

const QUOTE = 'Double quote to prevent globbing';

if (available) {
  testRule(rule, {
    valid: [
      { name: 'quoted, checked cd', files: 'FROM debian:12.8-slim\nRUN cd /opt || exit 1; echo "$HOME"\n' },
      { name: 'ARG and ENV names count as set', files: 'FROM debian:12.8-slim\nARG version=1\nENV home=/opt\nRUN echo "${version}" "$home"\n' },
      { name: 'PowerShell SHELL is not checked', files: 'FROM debian:12.8-slim\nSHELL ["pwsh", "-Command"]\nRUN echo $nope $foo\n' },
      { name: '# hadolint shell=powershell pragma', files: '# hadolint shell=powershell\nFROM debian:12.8-slim\nRUN Write-Host $env:x\n' },
      { name: 'Windows base images run cmd', files: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %PATH% && if exist C:\\x ( echo $y )\n' },
      { name: 'SC1091 (source of a file in the image) is excluded', files: 'FROM debian:12.8-slim\nRUN . /etc/os-release && echo "$VERSION_ID"\n' },
      { name: 'a python heredoc is not shell', files: 'FROM python:3.12-slim\nRUN <<EOF\n#!/usr/bin/env python3\nprint([x for x in $y])\nEOF\n' },
      { name: 'a comment swallows the continued lines, as BuildKit joins them first', files: 'FROM debian:12.8-slim\nRUN [ -f /x ] # check \\\n  && echo $unused\n' },
      { name: 'set -e makes an unchecked cd fine', files: 'FROM debian:12.8-slim\nRUN set -e; cd /src; make\n' },
      { name: 'exec form is not shell', files: 'FROM debian:12.8-slim\nRUN ["sh", "-c", "echo $x"]\n' },
    ],
    invalid: [
      { name: 'plain RUN', files: 'FROM debian:12.8-slim\nRUN echo $foo\n', errors: [{ line: 2, column: 10, message: QUOTE }, { line: 2, column: 10, message: 'foo is referenced but not assigned' }] },
      {
        name: 'continuation lines and a comment line inside them',
        files: 'FROM debian:12.8-slim\nRUN set -ux; \\\n    # go to the source\n    cd /src; \\\n\tmake  $target\n',
        errors: [{ line: 4, column: 5, message: "Use 'cd ... || exit'" }, { line: 5, column: 8, message: QUOTE }, { line: 5, column: 8, message: 'target is referenced' }],
      },
      { name: 'heredoc body', files: 'FROM debian:12.8-slim\nRUN <<EOF\nset -e\necho $1\nEOF\n', errors: [{ line: 4, column: 6, message: QUOTE }] },
      { name: 'heredoc fed to bash', files: 'FROM debian:12.8-slim\nRUN bash <<EOF\nx=(a b)\necho ${x[@]}\nEOF\n', errors: [{ line: 4, column: 6, message: 'Double quote array expansions' }] },
      { name: 'a data heredoc after a command', files: 'FROM debian:12.8-slim\nRUN cat <<EOF > /etc/app.conf\nuser=$user\nEOF\n', errors: [{ line: 3, column: 6, message: 'user is referenced but not assigned' }] },
      { name: "inside sh -c '…'", files: "FROM debian:12.8-slim\nRUN sh -c 'cd /opt; ls $1'\n", errors: [{ line: 2, column: 12, message: "Use 'cd ... || exit'" }, { line: 2, column: 24, message: QUOTE }] },
      {
        name: 'bash-only syntax under the default /bin/sh',
        files: 'FROM debian:12.8-slim\nRUN if [[ -f /x ]]; then echo y; fi\n',
        errors: [{ line: 2, column: 8, message: 'In POSIX sh, [[ ]] is undefined' }],
      },
      {
        name: 'escape=` continuations',
        files: '# escape=`\nFROM debian:12.8-slim\nRUN echo a `\n    && echo $b\n',
        errors: [{ line: 4, column: 13, message: QUOTE }, { line: 4, column: 13, message: 'b is referenced' }],
      },
    ],
  });
}

/** Lint a project (path → content) with a config; returns findings, notices and the runner's calls. */
async function lintProject(files: Record<string, string>, config: Record<string, unknown>, extra: Partial<LintOptions> = {}) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-policy-shellcheck-test-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), content);
  }
  fs.writeFileSync(path.join(directory, '.docker-policy.json'), JSON.stringify(config));
  const calls: string[][] = [];
  const runner: ShellcheckRunner = (executable, args) => {
    calls.push(args);
    return defaultShellcheckRunner(executable, args);
  };
  try {
    const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, shellcheckRunner: runner, ...extra });
    return { findings: result.findings.map(({ ruleId, line, column, severity, aliases }) => ({ ruleId, line, column, severity, aliases })), notices: result.notices ?? [], calls, result };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const ONLY_SHELLCHECK = { extends: [], rules: { shellcheck: 'error' } };

describe.runIf(available)('shellcheck with the real executable', () => {
  it('reports shellcheck/SC<code> with the code as alias and ShellCheck levels as severities', async () => {
    const { findings } = await lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN echo $foo\nRUN if [ 1 = 1]; then :; fi\n' }, ONLY_SHELLCHECK);
    expect(findings).toContainEqual({ ruleId: 'shellcheck/SC2086', line: 2, column: 10, severity: 'info', aliases: ['SC2086'] });
    expect(findings).toContainEqual({ ruleId: 'shellcheck/SC2154', line: 2, column: 10, severity: 'warning', aliases: ['SC2154'] });
    expect(findings.some((finding) => finding.severity === 'error')).toBe(true);
  });

  it('caps severities at the configured rule severity', async () => {
    const { findings } = await lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN echo $foo\nRUN if [ 1 = 1]; then :; fi\n' }, { extends: [], rules: { shellcheck: 'warning' } });
    expect(findings.length).toBeGreaterThan(2);
    expect(new Set(findings.map((finding) => finding.severity))).toEqual(new Set(['info', 'warning']));
  });

  it('runs one shellcheck process per Dockerfile in a small project, with every script of it', async () => {
    const dockerfile = (name: string) => `FROM debian:12.8-slim\nRUN echo $${name}a\nRUN echo $${name}b\nRUN <<EOF\necho $${name}c\nEOF\n`;
    const { findings, calls } = await lintProject({ 'api/Dockerfile': dockerfile('api'), 'worker/Dockerfile': dockerfile('worker'), 'docs/Dockerfile': 'FROM debian:12.8-slim\nCOPY . /docs\n' }, ONLY_SHELLCHECK);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(2);
    // Every Dockerfile's three scripts are read by a single process.
    const dockerfileOfScript = (file: string) => /(b\d+-d\d+)-r\d+\.sh$/.exec(file)?.[1];
    const perCall = calls.map((args) => new Set(args.filter((arg) => arg.endsWith('.sh')).map(dockerfileOfScript)));
    expect(calls.flat().filter((arg) => arg.endsWith('.sh'))).toHaveLength(6);
    expect(perCall.reduce((total, set) => total + set.size, 0)).toBe(2);
    expect(findings.filter((finding) => finding.ruleId === 'shellcheck/SC2154')).toHaveLength(6);
  });

  it('checks a script once when several RUNs have it, and reports it at each of them', async () => {
    const shared = 'RUN cd /src; make $target\n';
    const files = {
      'a/Dockerfile': `FROM debian:12.8-slim\n${shared}`,
      'b/Dockerfile': `FROM debian:12.8-slim\n${shared}`,
      // The same text in a third place, after a script of its own: its findings move with it.
      'c/Dockerfile': `FROM debian:12.8-slim\nRUN echo $own\n\n${shared}`,
      // Another variable in scope makes it another script for ShellCheck ($target is set here).
      'd/Dockerfile': `FROM debian:12.8-slim\nARG target\n${shared}`,
    };
    const { findings, calls, notices, result } = await lintProject(files, ONLY_SHELLCHECK);
    const scripts = calls.flat().filter((arg) => arg.endsWith('.sh'));
    expect(scripts).toHaveLength(3);
    const at = (file: string) => result.findings.filter((finding) => finding.file === file).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
    expect(at('a/Dockerfile')).toEqual(['2:5 shellcheck/SC2164', '2:19 shellcheck/SC2086', '2:19 shellcheck/SC2154']);
    expect(at('b/Dockerfile')).toEqual(at('a/Dockerfile'));
    expect(at('c/Dockerfile')).toEqual(['2:10 shellcheck/SC2086', '2:10 shellcheck/SC2154', '4:5 shellcheck/SC2164', '4:19 shellcheck/SC2086', '4:19 shellcheck/SC2154']);
    expect(at('d/Dockerfile')).toEqual(['3:5 shellcheck/SC2164']);
    expect(findings).toHaveLength(12);
    expect(notices.map((notice) => notice.message)).toContainEqual(expect.stringContaining('2 scripts identical to another, checked once'));
  });

  it('leaves every Dockerfile with a script of a failed shellcheck process without shell findings', async () => {
    const files = { 'a/Dockerfile': 'FROM debian:12.8-slim\nRUN echo $x\n', 'b/Dockerfile': 'FROM debian:12.8-slim\nRUN echo $y\nRUN echo $x\n' };
    const { result } = await lintProject(files, ONLY_SHELLCHECK);
    const configs = new Map(result.project.dockerfiles.map((dockerfile) => [dockerfile.file.path, { rules: new Map([['shellcheck', { severity: 'error' as const, options: {} }]]), settings: {}, ignore: [], source: null }]));
    // The process that reads a's scripts fails; b's own script is read by another, which works.
    const runner: ShellcheckRunner = (executable, args) => (args.some((arg) => path.basename(arg).startsWith('b0-')) ? Promise.resolve({ stdout: '', stderr: 'boom', exitCode: 3 }) : defaultShellcheckRunner(executable, args));
    const project: typeof result.project = { ...result.project, shellcheck: undefined };
    const notices = await runShellcheckStep({ project, configs, runner, dockerfilesPerRun: 1 });
    expect([...project.shellcheck!.byFile.keys()]).toEqual([]);
    expect(project.shellcheck!.invocations).toBe(2);
    expect(notices.filter((notice) => notice.level === 'warning').map((notice) => notice.message)).toEqual(['shellcheck failed on a/Dockerfile: boom']);
  });

  it('batches Dockerfiles into as many processes as asked, with the same findings', async () => {
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`${name}/Dockerfile`, `FROM debian:12.8-slim\nRUN echo $${name}1\nRUN cd /${name}; ls\n`]));
    const { result } = await lintProject(files, { extends: [], rules: { 'apk-no-cache': 'warning' } });
    const configs = new Map(result.project.dockerfiles.map((dockerfile) => [dockerfile.file.path, { rules: new Map([['shellcheck', { severity: 'error' as const, options: {} }]]), settings: {}, ignore: [], source: null }]));
    const counted = async (dockerfilesPerRun: number) => {
      let calls = 0;
      const runner: ShellcheckRunner = (executable, args) => {
        calls++;
        return defaultShellcheckRunner(executable, args);
      };
      const project: typeof result.project = { ...result.project, shellcheck: undefined };
      await runShellcheckStep({ project, configs, runner, dockerfilesPerRun });
      const findings = [...project.shellcheck!.byFile.values()].flat().map(({ code, start }) => `${code}@${start}`).sort();
      return { calls, invocations: project.shellcheck!.invocations, findings };
    };
    const one = await counted(1);
    const two = await counted(2);
    const all = await counted(64);
    expect([one.calls, two.calls, all.calls]).toEqual([5, 3, 1]);
    expect([one.invocations, two.invocations, all.invocations]).toEqual([5, 3, 1]);
    expect(one.findings).toHaveLength(15);
    expect(two.findings).toEqual(one.findings);
    expect(all.findings).toEqual(one.findings);
  });

  it('with a memo (the language server), re-checks only the scripts that changed, and reports what a fresh run does', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-policy-shellcheck-memo-'));
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
      fs.writeFileSync(path.join(directory, name), text);
    };
    write('.docker-policy.json', JSON.stringify(ONLY_SHELLCHECK));
    write('api/Dockerfile', 'FROM debian:12.8-slim\nRUN echo $a\nRUN cd /x; ls\n');
    write('worker/Dockerfile', 'FROM debian:12.8-slim\nRUN echo $w\n');
    const memo = new ShellcheckMemo();
    const run = async (withMemo: boolean) => {
      const scripts: string[] = [];
      const runner: ShellcheckRunner = (executable, args) => {
        scripts.push(...args.filter((arg) => arg.endsWith('.sh')).map((file) => fs.readFileSync(file, 'utf8').split('\n').slice(2).join('\n')));
        return defaultShellcheckRunner(executable, args);
      };
      const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules, shellcheckRunner: runner, shellcheckMemo: withMemo ? memo : undefined });
      return { scripts: scripts.sort(), findings: result.findings.map(({ ruleId, file, line, column, endLine, endColumn }) => `${file}:${line}:${column}-${endLine}:${endColumn} ${ruleId}`) };
    };
    try {
      const first = await run(true);
      expect(first.scripts).toEqual(['cd /x; ls', 'echo $a', 'echo $w']);
      expect(memo.size).toBe(3);
      expect(await run(true)).toEqual({ scripts: [], findings: first.findings });
      // An edit adds a comment above the scripts and changes one (a new ARG or ENV would change every later script's variables): only that one is checked, the others move with the text.
      write('api/Dockerfile', 'FROM debian:12.8-slim\n# the base image\nRUN echo $a\nRUN cd /y; ls\n');
      const edited = await run(true);
      expect(edited.scripts).toEqual(['cd /y; ls']);
      expect(edited.findings).toEqual((await run(false)).findings);
      expect(edited.findings).toContain('api/Dockerfile:3:10-3:12 shellcheck/SC2154');
      expect(memo.size).toBe(3);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('respects SHELL per stage, inherits it through FROM <stage>, and follows the shell pragma', async () => {
    const text = [
      'FROM debian:12.8-slim AS base',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN [[ -f /x ]] && echo "$HOME"',
      'FROM base AS child',
      'RUN [[ -f /y ]] && echo "$HOME"',
      'FROM debian:12.8-slim AS plain',
      'RUN [[ -f /z ]] && echo "$HOME"',
      '# hadolint shell=bash',
      'RUN [[ -f /w ]] && echo "$HOME"',
      '',
    ].join('\n');
    const { findings } = await lintProject({ Dockerfile: text }, ONLY_SHELLCHECK);
    expect(findings.filter((finding) => finding.ruleId === 'shellcheck/SC3010').map((finding) => finding.line)).toEqual([7]);
  });

  it('excludes codes from settings.shellcheck.exclude and below settings.shellcheck.severity', async () => {
    const files = { Dockerfile: 'FROM debian:12.8-slim\nRUN cd /opt; echo $foo\n' };
    const excluded = await lintProject(files, { ...ONLY_SHELLCHECK, settings: { shellcheck: { exclude: ['SC2086', 2154] } } });
    expect(excluded.findings.map((finding) => finding.ruleId)).toEqual(['shellcheck/SC2164']);
    const warningsOnly = await lintProject(files, { ...ONLY_SHELLCHECK, settings: { shellcheck: { severity: 'warning' } } });
    expect(warningsOnly.findings.map((finding) => finding.ruleId).sort()).toEqual(['shellcheck/SC2154', 'shellcheck/SC2164']);
    expect(warningsOnly.calls[0]).toContain('--exclude=SC1090,SC1091,SC2187');
  });

  it('suppresses by SC code (hadolint and docker-policy forms), by full ID and by rule', async () => {
    const text = (comment: string) => `FROM debian:12.8-slim\n${comment}\nRUN echo $foo\n`;
    const ids = async (comment: string) => (await lintProject({ Dockerfile: text(comment) }, ONLY_SHELLCHECK)).findings.map((finding) => finding.ruleId).sort();
    expect(await ids('# hadolint ignore=SC2086')).toEqual(['shellcheck/SC2154']);
    expect(await ids('# docker-policy ignore=SC2154')).toEqual(['shellcheck/SC2086']);
    expect(await ids('# docker-policy ignore=shellcheck/SC2086,SC2154')).toEqual([]);
    expect(await ids('# docker-policy ignore=shellcheck')).toEqual([]);
    expect(await ids('# hadolint global ignore=SC2086,SC2154')).toEqual([]);
  });

  it('is switched off by rules, by --rule and by settings.shellcheck: off, without starting shellcheck', async () => {
    const files = { Dockerfile: 'FROM debian:12.8-slim\nRUN echo $foo\n' };
    for (const [config, extra] of [
      [{ extends: 'recommended', rules: { shellcheck: 'off' } }, {}],
      [{ extends: 'recommended' }, { cliRules: { shellcheck: 'off' as const } }],
      [{ extends: 'recommended', settings: { shellcheck: 'off' } }, {}],
    ] as const) {
      const { findings, calls } = await lintProject(files, config, extra);
      expect(findings.filter((finding) => finding.ruleId.startsWith('shellcheck'))).toEqual([]);
      expect(calls).toEqual([]);
    }
  });

  it('offers ShellCheck fixes as edits of the Dockerfile', async () => {
    const { result } = await lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN echo $1\n' }, ONLY_SHELLCHECK);
    const finding = result.findings.find((candidate) => candidate.ruleId === 'shellcheck/SC2086')!;
    expect(finding.fix?.edits.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 31, end: 31, text: '"' },
      { start: 33, end: 33, text: '"' },
    ]);
  });
});

describe('shellcheck without the executable, and settings', () => {
  it('reports nothing and leaves a verbose notice when the executable is missing', async () => {
    const { findings, calls, notices } = await lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN echo $foo\n' }, { ...ONLY_SHELLCHECK, settings: { shellcheck: { path: '/nonexistent/shellcheck' } } });
    expect(findings).toEqual([]);
    expect(calls).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ level: 'verbose', message: expect.stringContaining('shell checks skipped for 1 Dockerfile: /nonexistent/shellcheck is not an executable file') })]);
  });

  it('reports a shellcheck failure as a warning notice, not as findings', async () => {
    const failing: ShellcheckRunner = async () => ({ stdout: '', stderr: 'shellcheck: boom\n', exitCode: 3 });
    const { findings, notices } = await lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN echo $foo\n' }, { ...ONLY_SHELLCHECK, settings: { shellcheck: { path: process.execPath } } }, { shellcheckRunner: failing });
    expect(findings).toEqual([]);
    expect(notices).toContainEqual({ level: 'warning', message: 'shellcheck failed on Dockerfile: shellcheck: boom' });
  });

  it('rejects invalid settings.shellcheck with a config error', async () => {
    for (const bad of ['on', { exclude: ['2086x'] }, { severity: 'loud' }, { colour: true }]) {
      await expect(lintProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN true\n' }, { ...ONLY_SHELLCHECK, settings: { shellcheck: bad } })).rejects.toBeInstanceOf(ConfigError);
    }
  });
});
