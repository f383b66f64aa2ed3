import type { ComposeProjectService } from '../src/model/compose-project.js';
import { composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin, scalarText } from '../src/model/compose-tree.js';
import { targetStage } from '../src/model/dockerfile.js';
import type { Project } from '../src/model/project.js';
import type { Rule } from '../src/engine/types.js';

/** True when the merged compose service or the Dockerfile stage it builds defines a health check. */
function hasHealthcheck(project: Project, service: ComposeProjectService): boolean {
  const healthcheck = service.get('healthcheck');
  if (healthcheck) {
    const disable = healthcheck.kind === 'map' ? scalarText(healthcheck.entries.get('disable')?.value) : null;
    return disable !== 'true';
  }
  for (const target of project.buildTargets) {
    if (target.composeService !== service) continue;
    const stage = targetStage(target.dockerfile, target.target);
    if (!stage) continue;
    const healthchecks = stage.instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK');
    const last = healthchecks[healthchecks.length - 1];
    if (last && last.args[0]?.value.toUpperCase() !== 'NONE') return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'healthcheck-for-dependency',
    description: '`condition: service_healthy` requires the dependency to define a health check.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Compose waits for a dependency to report "healthy"; a container without a health check never does, so `docker compose up` fails with "container … has no healthcheck configured" and the dependant never starts.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n' },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 5s\n',
      },
      notes: 'A `HEALTHCHECK` (not `NONE`) in the stage the service builds counts too. `healthcheck: { disable: true }` does not. Images pulled from a registry may carry their own HEALTHCHECK, which cannot be seen here: add an explicit `healthcheck` to make it visible.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        for (const dependency of service.dependsOn) {
          // `required: false` only makes compose warn when the dependency does not become healthy.
          if (dependency.condition !== 'service_healthy' || !dependency.required) continue;
          const target = project.service(dependency.service);
          if (!target || hasHealthcheck(context.project, target)) continue;
          const origin = dependency.conditionOrigin ?? dependency.origin;
          context.report({
            file: origin.file,
            range: rangeOfOrigin(origin),
            message: `Service "${service.name}" waits for "${dependency.service}" to be healthy, but "${dependency.service}" has no health check (compose \`healthcheck\` or Dockerfile HEALTHCHECK); compose will fail to start "${service.name}".`,
          });
        }
      }
    }
  },
};

export default rule;
