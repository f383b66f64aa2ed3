import { gemCall, hasOption } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

/** `rails:7.2.1` pins; local `.gem` files and paths name one exact file. */
function isPinned(value: string): boolean {
  return value.includes(':') || value.endsWith('.gem') || /^(\.|\/|~)/.test(value);
}

const rule: Rule = {
  meta: {
    id: 'gem-pin-versions',
    aliases: ['DL3028'],
    description: 'Give each gem in `gem install` a version: `gem install bundler:2.6.2` or `gem install bundler -v 2.6.2`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`gem install bundler` installs the newest release on the day of the build, so rebuilding the same commit can bring a new major version with breaking changes, and nothing in the repository shows it. A version makes the image reproducible and upgrades a reviewed change; application gems belong in a Gemfile.lock installed with `bundle install`.',
      bad: { code: 'FROM ruby:3.4-slim\nRUN gem install bundler\n' },
      good: { code: 'FROM ruby:3.4-slim\nRUN gem install bundler:2.6.2\n' },
      notes:
        'Accepted: `name:version`, `-v`/`--version` (which then applies to the command), local `.gem` files and `gem install -g Gemfile`. Option values (`--install-dir /opt/gems`, `--source <url>`) are not gems; gems in a variable are checked when the RUN or an ENV/ARG gives it a literal value. Each unpinned gem is reported at its own word.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const gem = gemCall(command);
        const subcommand = gem?.subcommand?.value;
        if (!gem || (subcommand !== 'install' && subcommand !== 'i') || hasOption(gem, '-v', '--version', '-g', '--file')) continue;
        for (const { word, value, variable } of operandValues(gem, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          if (isPinned(value)) continue;
          context.report({
            file: dockerfile.file,
            range: wordRange(dockerfile.file, word),
            message: `Pin the version of "${value}"${variable ? ` (in $${variable})` : ''}: \`gem install ${value}:<version>\`.`,
          });
        }
      }
    }
  },
};

export default rule;
