import path from 'node:path';
import { isScalar, type Node } from 'yaml';
import { interpolateCompose, rangeOfNode, type ComposeService } from '../src/model/compose.js';
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
      notes: 'Only services of the same compose file are compared.',
    },
  },
  check(context) {
    const strict = context.options.strict === true;
    for (const compose of context.project.composeFiles) {
      const seen = new Map<string, ComposeService>();
      for (const service of compose.services) {
        const build = service.build;
        if (!build?.contextDir) continue;
        // Paths with unset variables cannot be compared (`dockerfile: ${CART_DOCKERFILE}` without its .env).
        const unresolved = (node: Node | null) => isScalar(node) && interpolateCompose(String(node.value), compose.environment).unresolved.length > 0;
        if (unresolved(build.contextNode) || (!strict && (unresolved(build.dockerfileNode) || unresolved(build.targetNode)))) continue;
        const key = strict ? build.contextDir : `${build.contextDir}\0${build.dockerfilePath ?? `inline:${service.name}`}\0${build.target ?? ''}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, service);
          continue;
        }
        const relative = path.relative(path.dirname(compose.file.path), build.contextDir) || '.';
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, build.node),
          message: strict
            ? `Service "${service.name}" shares the build context "${relative}" with "${first.name}"; give each service its own context.`
            : `Service "${service.name}" builds the same context "${relative}", Dockerfile and target as "${first.name}"; build the image once and reuse it with \`image:\`.`,
        });
      }
    }
  },
};

export default rule;
