import { hasUnresolvedVariable } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import { findStage } from '../src/model/dockerfile.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'unknown-target',
    description: '`build.target` must name a stage of the service\'s Dockerfile.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale: 'A target that names no stage fails the build with "target stage … could not be found", usually after a stage was renamed in the Dockerfile but not in compose.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    build:\n      context: .\n      target: prod   # the stage is called "runtime"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    build:\n      context: .\n      target: runtime\n' },
      notes: 'Stage names are compared case-insensitively, as BuildKit does. Targets using unresolved variables and Dockerfiles that are not found are left alone.',
    },
  },
  check(context) {
    for (const target of context.project.buildTargets) {
      const service = target.composeService;
      const origin = service?.build?.targetOrigin;
      if (!service || !origin || target.target === null || target.target === '') continue;
      if (hasUnresolvedVariable(service.project, origin)) continue;
      if (findStage(target.dockerfile, target.target)) continue;
      const known = target.dockerfile.stages.map((stage) => stage.name).filter((name): name is string => name !== null);
      context.report({
        file: origin.file,
        range: rangeOfOrigin(origin),
        message: `Service "${service.name}" builds target "${target.target}", which is not a stage of ${target.dockerfile.file.displayPath}${known.length ? ` (stages: ${known.join(', ')})` : ' (it has no named stages)'}.`,
      });
    }
  },
};

export default rule;
