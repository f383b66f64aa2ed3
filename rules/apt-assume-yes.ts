import { aptCall, hasOption, optionValues, type ToolCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, `-q=2`, which implies `-y`), or `-o APT::Get::Assume-Yes=true`. */
function assumesYes(apt: ToolCall): boolean {
  if (hasOption(apt, '-y', '--yes', '--assume-yes')) return true;
  const quiet = apt.options.filter((option) => option.name === '-q' || option.name === '--quiet');
  const level = quiet.reduce((sum, option) => sum + (option.value !== null && /^\d+$/.test(option.value) ? Number(option.value) : 1), 0);
  if (level >= 2) return true;
  return optionValues(apt, '-o', '--option').some((value) => /^APT::Get::Assume-Yes=(true|yes|1)$/i.test(value));
}

/** A simulated install (`apt-get install -s pkg`) changes nothing and never asks. */
const SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];

const rule: Rule = {
  meta: {
    id: 'apt-assume-yes',
    aliases: ['DL3014'],
    description: '`apt-get install` needs `-y` so it does not stop at the "Do you want to continue?" prompt.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'When an install pulls in more than the named packages, `apt-get` asks for confirmation. A build has no terminal to answer it, so apt-get reads end-of-input, prints "Abort." and the RUN fails — often only later, when a new dependency appears in the archive. `-y` answers yes up front.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u12\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12\n' },
      notes:
        'Accepted: `-y`, `--yes`, `--assume-yes`, `-qq` or `-q=2` (quiet level 2 implies `-y`), `-o APT::Get::Assume-Yes=true`. A single `-q` does not answer the prompt and is not accepted (hadolint accepts it); a simulated install (`-s`, `--dry-run`) never asks and is not reported. `DEBIAN_FRONTEND=noninteractive` silences debconf questions, not this prompt. The fix inserts `-y` after `install`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const apt = aptCall(command);
        if (!apt?.subcommand || apt.subcommand.value !== 'install' || assumesYes(apt) || hasOption(apt, ...SIMULATE)) continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, apt.commandWord),
          message: `\`${apt.program} install\` without \`-y\` stops at the confirmation prompt, which a build cannot answer; use \`${apt.program} install -y\`.`,
          fix: { description: 'Add -y', edits: [{ file: dockerfile.file.path, start: apt.subcommand.end, end: apt.subcommand.end, text: ' -y' }] },
        });
      }
    }
  },
};

export default rule;
