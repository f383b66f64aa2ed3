import { pipCall, pipRequirement } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'pip-pin-versions',
    aliases: ['DL3013'],
    description: 'Give each package in `pip install` a version (`flask==3.1.0`), or install from a requirements or constraints file.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'An unversioned `pip install flask` installs whatever PyPI offers on the day of the build, including a new major version with breaking changes or a compromised release. The same commit then builds different images, and the build cache hides the difference until the layer is rebuilt. A version specifier (or a requirements/constraints file that holds them) makes changes visible in review.',
      bad: { code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask gunicorn\n' },
      good: { code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.1.0 gunicorn==23.0.0\n' },
      notes:
        'Any version specifier counts, as in hadolint (`==`, `>=`, `~=`, `<`, …): use `locked-install` to require exact `==` pins. Accepted without a specifier: `-r`/`-c` files, local paths and archives (`.`, `./pkg`, `*.whl`, `*.tar.gz`), URLs, and VCS URLs with a revision (`git+https://…/repo@v1.2`). Each unpinned package is reported at its own word; packages in a variable are checked when the RUN or an ENV/ARG gives it a literal value. Checks `pip`, `pip3`, `pip3.12`, `python -m pip` and `uv pip install`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const pip = pipCall(command);
        if (pip?.subcommand?.value !== 'install' || pip.usesRequirementFiles) continue;
        for (const { word, value, variable } of operandValues(pip, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          const requirement = pipRequirement(value);
          const shown = variable ? `"${value}" (in $${variable})` : `"${value}"`;
          if (requirement.kind === 'vcs' && !requirement.vcsRevision) {
            context.report({ file: dockerfile.file, range: wordRange(dockerfile.file, word), message: `${shown} installs whatever the branch holds today; name a tag or commit: \`…@<tag-or-commit>\`.` });
          } else if (requirement.kind === 'name' && !requirement.constrained) {
            context.report({ file: dockerfile.file, range: wordRange(dockerfile.file, word), message: `Pin the version of ${shown}: \`${value}==<version>\`, or install from a requirements/constraints file.` });
          }
        }
      }
    }
  },
};

export default rule;
