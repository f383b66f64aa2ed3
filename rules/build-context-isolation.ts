import path from 'node:path';
import type { ComposeProjectService } from '../src/model/compose-project.js';
import { composeProjectsOf, hasUnresolvedVariable } from '../src/model/compose-queries.js';
import { rangeOfOrigin, type Origin } from '../src/model/compose-tree.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'build-context-isolation',
    description: 'Two services should not build the same context, Dockerfile and target (option `strict`: should not share a build context at all).',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    options: {
      schema: {
        type: 'object',
        properties: { strict: { type: 'boolean', description: 'Report any two services sharing a build context, whatever their Dockerfile.' } },
        additionalProperties: false,
      },
      defaults: { strict: false },
    },
    docs: {
      rationale:
        'Two services building the same context, Dockerfile and target build the same image twice: `docker compose build` takes twice as long and the two tags can drift apart. Build it once (`image:` on one service, the other uses that image). A context shared by unrelated Dockerfiles sends every service\'s code to every build and invalidates all of them when any file changes.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    build: .\n  worker:\n    build: .\n    command: python worker.py\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    build: .\n    image: app:dev\n  worker:\n    image: app:dev\n    command: python worker.py\n' },
      notes: 'The services of one compose project are compared: the files used together (base and override files, `-f` sets) after merging. Services that name the same `image` (a shared `<<: *defaults` block) are taken to build one image on purpose.',
    },
  },
  check(context) {
    const strict = context.options.strict === true;
    for (const project of composeProjectsOf(context.project)) {
      const seen = new Map<string, ComposeProjectService>();
      for (const service of project.services) {
        const build = service.build;
        if (!build?.contextDir) continue;
        // Paths with unset variables cannot be compared (`dockerfile: ${CART_DOCKERFILE}` without its .env).
        const unresolved = (origin: Origin | null) => hasUnresolvedVariable(project, origin);
        if (unresolved(build.contextOrigin) || (!strict && (unresolved(build.dockerfileOrigin) || unresolved(build.targetOrigin)))) continue;
        const key = strict ? build.contextDir : `${build.contextDir}\0${build.dockerfilePath ?? `inline:${service.name}`}\0${build.target ?? ''}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, service);
          continue;
        }
        // Services that name the same image (a shared `<<: *defaults` block) already build one image.
        if (!strict && service.image !== null && service.image === first.image) continue;
        const relative = path.relative(project.directory, build.contextDir) || '.';
        context.report({
          file: build.origin.file,
          range: rangeOfOrigin(build.origin),
          message: strict
            ? `Service "${service.name}" shares the build context "${relative}" with "${first.name}"; give each service its own context.`
            : `Service "${service.name}" builds the same context "${relative}", Dockerfile and target as "${first.name}"; build the image once and reuse it with \`image:\`.`,
        });
      }
    }
  },
};

export default rule;
