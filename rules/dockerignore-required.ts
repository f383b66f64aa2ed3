import { rangeOfNode } from '../src/model/compose.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'dockerignore-required',
    description: 'Every build context needs a `.dockerignore`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile', 'compose'],
    docs: {
      rationale:
        'Without a `.dockerignore` the whole directory is sent to the builder: `node_modules`, `.git`, data sets and model checkpoints make every build slow, `COPY . .` invalidates the cache on any change, and `.env` secrets end up in the image.',
      bad: { filename: 'Dockerfile', code: '# no .dockerignore beside it\nFROM node:20\nCOPY . .\n' },
      good: { filename: '.dockerignore', code: 'node_modules\n.git\n.env\n*.log\n' },
      notes: 'A `<Dockerfile>.dockerignore` beside the Dockerfile counts. Targets built by compose are reported at the service\'s `build`; others at the first FROM. See `dockerignore-entries` for what it should contain.',
    },
  },
  check(context) {
    const reported = new Set<string>();
    for (const target of context.project.buildTargets) {
      if (target.dockerignore) continue;
      const service = target.service;
      if (service?.build) {
        context.report({
          file: service.compose.file,
          range: rangeOfNode(service.compose.file, service.build.contextNode ?? service.build.node),
          message: `The build context of service "${service.name}" has no .dockerignore, so everything in it (node_modules, .git, .env, data) is sent to the builder.`,
        });
        continue;
      }
      const key = `${target.dockerfile.file.path}\0${target.contextDir}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const first = target.dockerfile.stages[0]?.fromInstruction;
      context.report({
        file: target.dockerfile.file,
        range: first?.range ?? target.dockerfile.file.lineRange(1),
        message: 'The build context of this Dockerfile has no .dockerignore, so everything in it (node_modules, .git, .env, data) is sent to the builder.',
      });
    }
  },
};

export default rule;
