import type { Rule, Severity } from '../src/engine/types.js';

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

const rule: Rule = {
  meta: {
    id: 'shellcheck',
    description: 'ShellCheck on every RUN script (heredocs and `sh -c \'…\'` included); each finding is reported as `shellcheck/SC<code>`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    codeUrl: 'https://www.shellcheck.net/wiki/{code}',
    docs: {
      rationale:
        'RUN instructions are shell scripts that nobody runs through a linter: unquoted variables that split on spaces, `cd` without a check, pipes that hide a failing download, `[` tests that are always true. A build that "works" can still install the wrong thing or skip a step silently. ShellCheck finds these bugs; docker-policy runs it on what the shell really receives (continuations joined, comment lines dropped, each stage\'s `SHELL`) and points at the exact place in the Dockerfile.',
      bad: { code: 'FROM debian:12.8-slim\nCOPY vendor/ /opt/\nRUN cd /opt; for f in $(ls *.tar.gz); do tar -xzf $f; done\n' },
      good: { code: 'FROM debian:12.8-slim\nCOPY vendor/ /opt/\nWORKDIR /opt\nRUN for f in ./*.tar.gz; do tar -xzf "$f"; done\n' },
      notes: [
        'Needs the `shellcheck` executable (0.7 or later) on PATH; without it the rule reports nothing, and `check --verbose` says the shell checks were skipped and why. One shellcheck process reads all the scripts of a Dockerfile; large projects share a process among up to 64 Dockerfiles, because starting ShellCheck costs more than reading a typical Dockerfile. A script that stands in several RUNs (the same text, shell and variables in scope, in one Dockerfile or many) is checked once per run and reported at each of them.',
        '',
        'Each finding has the ID `shellcheck/SC2086` and the alias `SC2086`; its message is ShellCheck\'s, explained at https://www.shellcheck.net/wiki/SC2086 (any code). Its severity is ShellCheck\'s level (error, warning; info and style become info), capped at the rule\'s configured severity: `rules: { shellcheck: warning }` makes every finding at most a warning. ShellCheck\'s fixes (quoting, mostly) are offered as fixes.',
        '',
        'What is checked: shell-form RUN in each stage\'s shell (`SHELL [...]`, or hadolint\'s `# hadolint shell=bash` pragma, also spelled `# docker-policy shell=bash`, which before the first FROM sets every stage\'s default; `FROM <stage>` inherits the stage\'s shell); sh, bash, dash, ksh (and ash, mksh) are checked, PowerShell, cmd and Windows base images are not. ARG and ENV names in scope count as set. `RUN <<EOF` bodies are scripts of their own (a `#!` line picks their interpreter); `RUN cat <<EOF > file` is checked with its heredoc as data; a static single-quoted `sh -c \'…\'` script is checked too. ONBUILD triggers and shell-form CMD/ENTRYPOINT are not checked.',
        '',
        'Suppress one code with `# hadolint ignore=SC2086` or `# docker-policy ignore=SC2086` (or `shellcheck/SC2086`) before the instruction, every code with `# docker-policy ignore=shellcheck`. Configure with `settings.shellcheck`: `off`, or `{ exclude: [SC2086, SC2046], severity: warning, path: /opt/bin/shellcheck }`, where `severity` is the least severe ShellCheck level reported (`style`, default, `info`, `warning`, `error`). SC1090, SC1091 and SC2187 are always excluded (as hadolint does: sourced files live in the image, and ash is checked as dash).',
      ].join('\n'),
    },
  },
  check(context) {
    const results = context.project.shellcheck;
    if (!results) return;
    for (const dockerfile of context.project.dockerfiles) {
      for (const finding of results.byFile.get(dockerfile.file.path) ?? []) {
        context.report({
          file: dockerfile.file,
          range: dockerfile.file.rangeOf(finding.start, finding.end),
          message: finding.message,
          code: `SC${finding.code}`,
          severity: SEVERITY[finding.level] ?? 'error',
          fix: finding.fix ? { description: `ShellCheck's fix for SC${finding.code}`, edits: finding.fix.map((edit) => ({ file: dockerfile.file.path, ...edit })) } : undefined,
        });
      }
    }
  },
};

export default rule;
