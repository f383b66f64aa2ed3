import type { DockerfileModel, DockerInstruction, Stage } from '../src/model/dockerfile.js';
import { aptCall, hasOption, optionValues, type ToolCall } from '../src/model/package-args.js';
import { runCommands, stageChain, wordRange } from '../src/model/queries.js';
import type { ShellCommand } from '../src/model/shell.js';
import type { Rule } from '../src/engine/types.js';

const RECOMMENDS_OFF = /APT::Install-Recommends\s*=?\s*["']?(false|0|no)\b/i;

function disablesRecommends(apt: ToolCall): boolean {
  return hasOption(apt, '--no-install-recommends') || optionValues(apt, '-o', '--option').some((value) => RECOMMENDS_OFF.test(value));
}

/** An earlier command writes `APT::Install-Recommends "false";` (into /etc/apt/apt.conf.d), for the whole stage. */
function configuredOff(model: DockerfileModel, stage: Stage, instruction: DockerInstruction, command: ShellCommand): boolean {
  for (const { instruction: earlier, command: other } of stageChain(model, stage).reverse().flatMap((member) => [...runCommands(model, member)])) {
    if (earlier === instruction && other.start >= command.start) return false;
    if (other.argv.some((word) => RECOMMENDS_OFF.test(word.value))) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    aliases: ['DL3015'],
    description: '`apt-get install` should use `--no-install-recommends`, so only the packages you name (and what they depend on) are installed.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'By default apt also installs every "recommended" package: documentation, optional tools and their libraries, often tens or hundreds of megabytes that nothing in the image uses and that still need security updates. `--no-install-recommends` installs only the named packages and their real dependencies; add a recommended package explicitly if it is needed.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y python3=3.11.2-1+b1 && rm -rf /var/lib/apt/lists/*\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 && rm -rf /var/lib/apt/lists/*\n' },
      notes:
        'Also accepted: `-o APT::Install-Recommends=false`, and an earlier RUN of the stage (or of a stage it builds on) that writes `APT::Install-Recommends "false";` into an apt configuration file. The fix inserts `--no-install-recommends` after `install`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const apt = aptCall(command);
        if (!apt?.subcommand || apt.subcommand.value !== 'install' || disablesRecommends(apt)) continue;
        if (configuredOff(dockerfile, stage, instruction, command)) continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, apt.commandWord),
          message: `\`${apt.program} install\` also installs recommended packages the image does not need; add \`--no-install-recommends\`.`,
          fix: { description: 'Add --no-install-recommends', edits: [{ file: dockerfile.file.path, start: apt.subcommand.end, end: apt.subcommand.end, text: ' --no-install-recommends' }] },
        });
      }
    }
  },
};

export default rule;
