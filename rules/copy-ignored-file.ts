import path from 'node:path';
import type { Rule } from '../src/engine/types.js';
import { knownValue, stageVariables } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    description: 'COPY and ADD must not name sources that the `.dockerignore` excludes from the build context.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A file the `.dockerignore` excludes is not sent to the builder, so `COPY` of it fails with "not found" (or, for a directory, copies less than you think) — usually after someone adds a broad pattern to the ignore file. BuildKit reports it as `CopyIgnoredFile` (experimental there).',
      bad: { code: '# .dockerignore contains: config\nFROM node:20-slim\nCOPY config/app.json /app/config/\n' },
      good: { code: '# .dockerignore contains: config/*.local.json\nFROM node:20-slim\nCOPY config/app.json /app/config/\n' },
      notes:
        'Uses the ignore file that applies to each build of the Dockerfile (`<Dockerfile>.dockerignore` beside it wins over the context\'s `.dockerignore`; compose `build.context` decides the context). Sources from other stages or images (`--from`), URLs, wildcards and variables with unknown values are not checked.',
    },
  },
  check(context) {
    for (const target of context.project.buildTargets) {
      const ignore = target.dockerignore;
      if (!ignore) continue;
      const dockerfile = target.dockerfile;
      const variables = stageVariables(dockerfile);
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          const copy = instruction.copy;
          if (!copy || copy.from) continue;
          for (const source of copy.sources) {
            const written = source.value;
            if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('git@') || /[*?[]/.test(written)) continue;
            const value = written.includes('$') ? knownValue(written, variables[stage.index]!.before.get(instruction)!, dockerfile.escapeChar) : written.replace(/^["']|["']$/g, '');
            if (value === null) continue;
            const relative = path.posix.normalize(value.replace(/^\/+/, '')).replace(/\/$/, '');
            if (!relative || relative === '.' || relative.startsWith('..') || !ignore.ignores(relative)) continue;
            context.report({
              file: dockerfile.file,
              range: source.range,
              message: `Attempting to ${instruction.keyword} "${value}", which ${ignore.file.displayPath} excludes from the build context: the build cannot see it; stop ignoring it or stop copying it.`,
            });
          }
        }
      }
    }
  },
};

export default rule;
