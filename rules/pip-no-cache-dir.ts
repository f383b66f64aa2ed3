import { hasOption, pipCall } from '../src/model/package-args.js';
import { programRange, runCommands } from '../src/model/queries.js';
import { buildEnvironment, mountTargets, removedPaths, scriptAssignmentBefore } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

const TRUTHY = /^(1|true|yes|on)$/i;
/** Paths that hold pip's cache: ~/.cache/pip, /root/.cache, $HOME/.cache/pip/*. */
const PIP_CACHE_PATH = /(^|\/)\.cache(\/pip)?(\/\*?)?$/;

const rule: Rule = {
  meta: {
    id: 'pip-no-cache-dir',
    aliases: ['DL3042'],
    description: '`pip install` should use `--no-cache-dir` (or `PIP_NO_CACHE_DIR=1`, or a cache mount), so the download cache stays out of the image.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'pip keeps every wheel it downloads or builds in ~/.cache/pip. In an image that cache is dead weight, often as large as the installed packages themselves, because the layer is never installed into again. `--no-cache-dir` skips it; a BuildKit cache mount keeps it outside the layers and makes rebuilds faster.',
      bad: { code: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
      good: { code: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      notes:
        'Accepted instead of the flag: `PIP_NO_CACHE_DIR` set to 1/true/yes/on by ENV or ARG in the stage or a stage it builds on, or in the RUN itself (`PIP_NO_CACHE_DIR=1 pip install …`, `export PIP_NO_CACHE_DIR=1`); a cache mount on the pip cache (`--mount=type=cache,target=/root/.cache/pip`, or `/root/.cache`); and `pip cache purge` or a recursive `rm` of ~/.cache/pip in the same RUN. pipx, pipenv, poetry and uv manage their own caches and are not checked. The fix inserts `--no-cache-dir` after `install`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const pip = pipCall(command);
        if (!pip || pip.tool !== 'pip' || pip.subcommand?.value !== 'install' || hasOption(pip, '--no-cache-dir')) continue;
        if (mountTargets(instruction, 'cache', 'tmpfs').some((target) => PIP_CACHE_PATH.test(target) || target.includes('pip'))) continue;
        const env = buildEnvironment(dockerfile, stage, instruction);
        const inScript = instruction.shell ? scriptAssignmentBefore(instruction.shell, pip.commandWord.start, 'PIP_NO_CACHE_DIR') : undefined;
        if (TRUTHY.test(inScript ?? env.get('PIP_NO_CACHE_DIR') ?? '')) continue;
        const purged = instruction.shell?.commands.some((other) => {
          const cache = pipCall(other);
          return removedPaths(other).some((path) => PIP_CACHE_PATH.test(path)) || (cache?.subcommand?.value === 'cache' && cache.operands[0]?.value === 'purge');
        });
        if (purged) continue;
        const install = pip.subcommand;
        context.report({
          file: dockerfile.file,
          range: programRange(dockerfile.file, command),
          message: '`pip install` keeps its download cache in the image; add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1`, or use `--mount=type=cache,target=/root/.cache/pip`).',
          fix: { description: 'Add --no-cache-dir', edits: [{ file: dockerfile.file.path, start: install.end, end: install.end, text: ' --no-cache-dir' }] },
        });
      }
    }
  },
};

export default rule;
