import type { DockerInstruction } from '../src/model/dockerfile.js';
import type { Rule } from '../src/engine/types.js';

/** Commands in a RUN as hadolint counts them: simple commands with a name, not those inside `sh -c '…'`. */
function commandCount(instruction: DockerInstruction): number {
  if (!instruction.shell) return 1;
  return instruction.shell.commands.filter((command) => command.name !== '' && !command.wrappedBy).length;
}

/** `--mount`, `--network`, `--security` and any other flags, order-independent. */
function flagKey(instruction: DockerInstruction): string {
  return instruction.flags
    .map((flag) => `${flag.name}=${flag.value ?? ''}`)
    .sort()
    .join('\0');
}

const rule: Rule = {
  meta: {
    id: 'consecutive-run',
    aliases: ['DL3059'],
    description: 'Consecutive RUN instructions with the same flags could be one RUN.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Each RUN is a layer and a cache step. Two short RUNs in a row (`RUN apt-get update` then `RUN apt-get install …`) cost an extra layer and, worse, let the first be served from cache while the second changes, the classic stale `apt-get update`. Joining them with `&&` keeps related steps together.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' },
      notes:
        'hadolint\'s condition: the RUNs follow each other with only comments between them, have the same flags (`--mount`, `--network`, `--security`), and neither has more than two commands (longer RUNs are taken as deliberately separate steps). Commands inside `sh -c \'…\'` strings are not counted. The later RUN is reported.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        let previous: { instruction: DockerInstruction; flags: string; count: number } | null = null;
        for (const instruction of stage.instructions) {
          if (instruction.keyword !== 'RUN') {
            previous = null;
            continue;
          }
          const current = { instruction, flags: flagKey(instruction), count: commandCount(instruction) };
          if (!previous || previous.flags !== current.flags || current.count > 2 || previous.count > 2) {
            previous = current;
            continue;
          }
          context.report({
            file: dockerfile.file,
            range: instruction.keywordRange,
            message: `This RUN directly follows the RUN on line ${previous.instruction.range.start.line}: join them with \`&&\` into one layer.`,
          });
          previous = current;
        }
      }
    }
  },
};

export default rule;
