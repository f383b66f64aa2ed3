import { programName, programRange, runCommands, type RunCommand } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'wget-or-curl',
    aliases: ['DL4001'],
    description: 'A stage should download with either `wget` or `curl`, not both.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Each downloader is a package (and its TLS libraries) that has to be installed, patched and scanned. Using both in one stage means carrying two tools for the same job, with two sets of flags for retries, redirects and failure handling that reviewers have to know. Pick one per stage.',
      bad: { code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n' },
      good: { code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n' },
      notes:
        'Stages are checked separately, as in hadolint. Once both tools have appeared in a stage, every later use of either is reported, pointing at the first use of the other tool. Installing a package named curl or wget is not a use; commands in `sh -c` strings, heredocs and ONBUILD RUN triggers are.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const uses = [...runCommands(dockerfile, stage)].filter(({ command }) => ['curl', 'wget'].includes(programName(command)));
        const first = new Map<string, RunCommand>();
        for (const use of uses) {
          const tool = programName(use.command);
          if (!first.has(tool)) first.set(tool, use);
          if (first.size < 2) continue;
          const other = tool === 'curl' ? 'wget' : 'curl';
          const line = dockerfile.file.positionAt(first.get(other)!.command.start).line;
          context.report({
            file: dockerfile.file,
            range: programRange(dockerfile.file, use.command),
            message: `This stage already uses \`${other}\` (line ${line}); download with one tool, not both \`curl\` and \`wget\`.`,
          });
        }
      }
    }
  },
};

export default rule;
