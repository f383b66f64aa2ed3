import { globToRegExp } from '../src/model/dependency-steps.js';
import type { DockerInstruction } from '../src/model/dockerfile.js';
import { literalOperands, pipCall, pipRequirement, type PipCall } from '../src/model/package-args.js';
import { commandRange, effectiveArgv, runCommands } from '../src/model/queries.js';
import type { ShellWord } from '../src/model/shell.js';
import type { Rule } from '../src/engine/types.js';
import { withoutTrailing } from '../src/model/trim.js';

/** Bootstrapping tools, not dependencies of the application. */
const PIP_TOOLS = new Set(['pip', 'setuptools', 'wheel', 'uv', 'poetry', 'pipenv', 'virtualenv']);

function copiesLockFile(instructions: DockerInstruction[], before: DockerInstruction, lockFiles = ['package-lock.json', 'npm-shrinkwrap.json']): boolean {
  for (const instruction of instructions) {
    if (instruction === before) return false;
    if (!instruction.copy || instruction.copy.from) continue;
    for (const source of instruction.copy.sources) {
      const base = source.value.slice(withoutTrailing(source.value, '/').lastIndexOf('/') + 1);
      if (base.includes('$')) continue;
      const pattern = globToRegExp(base);
      if (lockFiles.some((name) => pattern.test(name))) return true;
    }
  }
  return false;
}

/** Packages of a `pip install` / `uv pip install` not pinned with `==`; none when a requirements/constraints file decides. */
function unpinnedPipPackages(pip: PipCall): ShellWord[] {
  if (pip.usesRequirementFiles) return [];
  return literalOperands(pip).filter((word) => {
    const requirement = pipRequirement(word.value);
    return requirement.kind === 'name' && !requirement.exact && !PIP_TOOLS.has(requirement.name);
  });
}

const rule: Rule = {
  meta: {
    id: 'locked-install',
    description: 'Dependency installs must follow the lock file: `npm ci`, `--frozen-lockfile`/`--immutable`, pinned pip packages; no re-locking during the build.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'An install that may resolve versions afresh (`npm install`, `yarn` without `--frozen-lockfile`, `pip install flask`) or that re-locks during the build (`poetry lock`, `npm update`, `pip-compile`) builds an image with dependencies nobody reviewed or tested: two builds of the same commit can differ, and a compromised or broken release lands in production unnoticed. Installing exactly what the lock file says makes the build reproducible and fails loudly when the lock file is out of date.',
      bad: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\n' },
      good: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n' },
      notes:
        '`npm install <pkg>@<version>` with explicit packages is left to other rules. `pip install` with `-r`/`-c` is accepted; without them every package needs `==`. pip, setuptools and wheel themselves are not checked. The fix turns `npm install` into `npm ci` when the stage copies a `package-lock.json` (or `npm-shrinkwrap.json`) before it, and adds `--frozen-lockfile` to `pnpm install` when it copies a `pnpm-lock.yaml`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const pip = pipCall(command);
        if (pip?.subcommand?.value === 'install') {
          const unpinned = unpinnedPipPackages(pip);
          if (unpinned.length) {
            context.report({
              file: dockerfile.file,
              range: commandRange(dockerfile.file, command),
              message: `Unpinned ${unpinned.map((word) => `"${word.value}"`).join(', ')}: pin each package with \`==\` or install from a requirements/constraints file.`,
            });
          }
          continue;
        }
        let argv = effectiveArgv(command);
        if (!argv.length) continue;
        let program = argv[0]!.value.slice(argv[0]!.value.lastIndexOf('/') + 1);
        if (/^python[0-9.]*$/.test(program)) {
          const m = argv.findIndex((word) => word.value === '-m');
          if (m < 0 || !argv[m + 1]) continue;
          argv = argv.slice(m + 1);
          program = argv[0]!.value;
        }
        const rest = argv.slice(1);
        const words = rest.map((word) => word.value);
        const positional = rest.filter((word) => !word.value.startsWith('-'));
        const first = positional[0]?.value;
        const has = (...flags: string[]) => words.some((word) => flags.some((flag) => word === flag || word.startsWith(`${flag}=`)));
        const range = commandRange(dockerfile.file, command);
        const report = (message: string, fix?: { description: string; edits: { file: string; start: number; end: number; text: string }[] }) =>
          context.report({ file: dockerfile.file, range, message, ...(fix ? { fix } : {}) });
        switch (program) {
          case 'npm': {
            if (has('-g', '--global')) break;
            if ((first === 'install' || first === 'i') && positional.length === 1) {
              const word = positional[0]!;
              const fixable = copiesLockFile(stage.instructions, instruction);
              report(
                '`npm install` may resolve new versions and rewrite the lock file; use `npm ci` to install exactly what package-lock.json says.',
                fixable ? { description: 'Use npm ci', edits: [{ file: dockerfile.file.path, start: word.start, end: word.end, text: 'ci' }] } : undefined,
              );
            } else if (first === 'update' || first === 'up' || first === 'upgrade') {
              report('`npm update` changes dependency versions during the build; update the lock file in the repository instead.');
            }
            break;
          }
          case 'yarn': {
            if (has('global')) break;
            if ((positional.length === 0 || (first === 'install' && positional.length === 1)) && !has('--frozen-lockfile', '--immutable')) {
              report('`yarn install` without `--frozen-lockfile` (Yarn 1) or `--immutable` (Yarn 2+) may change the lock file; add the flag so the build fails instead.');
            } else if (first === 'upgrade' || first === 'up') {
              report('`yarn upgrade` changes dependency versions during the build; update the lock file in the repository instead.');
            }
            break;
          }
          case 'pnpm': {
            if ((first === 'install' || first === 'i') && positional.length === 1 && !has('--frozen-lockfile', '-g', '--global')) {
              const word = positional[0]!;
              report(
                '`pnpm install` without `--frozen-lockfile` may change pnpm-lock.yaml; add `--frozen-lockfile`.',
                copiesLockFile(stage.instructions, instruction, ['pnpm-lock.yaml'])
                  ? { description: 'Add --frozen-lockfile', edits: [{ file: dockerfile.file.path, start: word.end, end: word.end, text: ' --frozen-lockfile' }] }
                  : undefined,
              );
            } else if (first === 'update' || first === 'up') {
              report('`pnpm update` changes dependency versions during the build; update the lock file in the repository instead.');
            }
            break;
          }
          case 'poetry':
            if ((first === 'lock' && !has('--check')) || first === 'update') report(`\`poetry ${first}\` re-resolves dependencies during the build; commit poetry.lock and run only \`poetry install\`.`);
            break;
          case 'pip-compile':
            report('`pip-compile` re-resolves dependencies during the build; commit the compiled requirements file instead.');
            break;
          case 'uv':
            if (first === 'lock' && !has('--check', '--locked', '--frozen')) report('`uv lock` re-resolves dependencies during the build; commit uv.lock and use `uv sync --locked`.');
            else if (first === 'pip' && positional[1]?.value === 'compile') report('`uv pip compile` re-resolves dependencies during the build; commit the compiled requirements file instead.');
            break;
        }
      }
    }
  },
};

export default rule;
