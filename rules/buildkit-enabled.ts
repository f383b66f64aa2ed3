import type { Rule } from '../src/engine/types.js';

const DISABLING = new Set(['DOCKER_BUILDKIT', 'COMPOSE_DOCKER_CLI_BUILD']);
const isOff = (value: string) => /^(0|false|no|off)$/i.test(value.trim().replace(/^["']|["']$/g, ''));

const rule: Rule = {
  meta: {
    id: 'buildkit-enabled',
    description: 'Do not turn BuildKit off (`DOCKER_BUILDKIT=0`, `COMPOSE_DOCKER_CLI_BUILD=0`); declare `# syntax=` when a Dockerfile uses BuildKit-only syntax.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['env', 'shell', 'dockerfile'],
    docs: {
      rationale:
        'The legacy builder has no cache mounts, no parallel stages and no skipping of unused stages, so builds are slower and `RUN --mount=type=cache` fails outright. BuildKit-only syntax (`RUN --mount`, heredocs) also needs a recent Dockerfile frontend: a `# syntax=docker/dockerfile:1` line makes the build use it whatever the daemon version.',
      bad: { filename: '.env', code: 'DOCKER_BUILDKIT=0\nCOMPOSE_DOCKER_CLI_BUILD=0\n' },
      good: { filename: '.env', code: 'DOCKER_BUILDKIT=1\nCOMPOSE_DOCKER_CLI_BUILD=1\n' },
      notes: '.env files and shell scripts (assignments, `export VAR=0`, `VAR=0 docker build`) are checked. The Dockerfile case is reported at info level.',
    },
  },
  check(context) {
    for (const env of context.project.envFiles) {
      for (const name of DISABLING) {
        const value = env.values[name];
        if (value === undefined || !isOff(value)) continue;
        const line = env.lines[name] ?? 1;
        context.report({ file: env.file, range: env.file.lineRange(line), message: `${name}=${value} turns BuildKit off; remove it or set it to 1.` });
      }
    }
    // Line scan: the shell model lists simple commands only, not `export X=0` or a bare `X=0`.
    const assignment = /(?:^|[\s;&|(])(?:export\s+|declare\s+(?:-\w+\s+)*|readonly\s+)?(DOCKER_BUILDKIT|COMPOSE_DOCKER_CLI_BUILD)=(["']?)(0|false|no|off)\2(?=[\s;&|)]|$)/gi;
    for (const script of context.project.scripts) {
      for (let line = 1; line <= script.file.lineCount; line++) {
        const text = script.file.lineText(line);
        if (/^\s*#/.test(text)) continue;
        for (const match of text.matchAll(assignment)) {
          const offset = match.index + match[0].indexOf(match[1]!);
          const lineStart = script.file.lineStarts[line - 1]!;
          context.report({
            file: script.file,
            range: script.file.rangeOf(lineStart + offset, lineStart + offset + match[1]!.length + 1 + match[2]!.length * 2 + match[3]!.length),
            message: `${match[1]}=${match[3]} turns BuildKit off; remove it or set it to 1.`,
          });
        }
      }
    }
    for (const dockerfile of context.project.dockerfiles) {
      if (dockerfile.directives.some((directive) => directive.name.toLowerCase() === 'syntax')) continue;
      for (const instruction of dockerfile.instructions) {
        const feature = instruction.mounts.length ? '`RUN --mount`' : instruction.heredocs.length ? 'a heredoc' : null;
        if (!feature) continue;
        context.report({
          file: dockerfile.file,
          range: instruction.keywordRange,
          severity: 'info',
          message: `${instruction.keyword} uses ${feature}, which needs BuildKit; add \`# syntax=docker/dockerfile:1\` as the first line so the build uses a frontend that supports it.`,
        });
        break;
      }
    }
  },
};

export default rule;
