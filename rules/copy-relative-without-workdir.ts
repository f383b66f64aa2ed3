import { unquoteWord } from '../src/model/dockerfile-words.js';
import { stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** Absolute (`/app`, `C:\app`, `C:/app`) or written with a variable that may be absolute. */
function isAbsoluteOrDynamic(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('$');
}

const rule: Rule = {
  meta: {
    id: 'copy-relative-without-workdir',
    aliases: ['DL3045'],
    description: 'COPY or ADD to a relative destination needs a WORKDIR set first.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A relative destination is resolved against the working directory, which you have not chosen: it is whatever the base image set, `/` for most. Files end up in the root of the file system or move when the base image changes. Set `WORKDIR` (or copy to an absolute path) so the layout is written down.',
      bad: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
      good: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
      notes:
        'A WORKDIR set in a stage this stage is built `FROM` counts. A destination starting with a variable (`$APP_HOME/`, `"${HOME}"/x`) is accepted, and so is any destination in a stage built on `scratch`, where the working directory can only be `/` (the artifact-export pattern `FROM scratch` + `COPY --from=build /out .`). hadolint checks COPY only; ADD is checked too. Windows paths (`C:\\app`) are absolute.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const chain = stageChain(dockerfile, stage);
        // On scratch the working directory is `/` for certain: nothing from a base image can move it.
        if (chain[chain.length - 1]!.from.isScratch) continue;
        let workdirSet = chain.slice(1).some((ancestor) => ancestor.instructions.some((instruction) => instruction.keyword === 'WORKDIR'));
        for (const instruction of stage.instructions) {
          if (instruction.keyword === 'WORKDIR') workdirSet = true;
          const destination = instruction.copy?.destination;
          if (workdirSet || !destination) continue;
          // Docker removes quotes anywhere in the word: `"${HOME}"/file` starts with a variable.
          const path = unquoteWord(destination.value).replace(/["']/g, '');
          if (isAbsoluteOrDynamic(path)) continue;
          context.report({
            file: dockerfile.file,
            range: destination.range,
            message: `${instruction.keyword} to the relative path \`${path}\` without a WORKDIR: it lands wherever the base image's working directory is; set WORKDIR first or use an absolute path.`,
          });
        }
      }
    }
  },
};

export default rule;
