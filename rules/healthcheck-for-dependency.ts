import path from 'node:path';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { rangeOfNode, type ComposeService } from '../src/model/compose.js';
import { targetStage } from '../src/model/dockerfile.js';
import type { Project } from '../src/model/project.js';
import type { Rule } from '../src/engine/types.js';

/** True when compose or the Dockerfile the service builds defines a health check. */
function hasHealthcheck(project: Project, services: ComposeService[]): boolean {
  // Later definitions (override files) win for the compose healthcheck.
  let composeState: boolean | null = null;
  for (const service of services) {
    const node = service.get('healthcheck');
    if (!node) continue;
    if (isMap(node)) {
      const disable = (node as YAMLMap).get('disable', true);
      composeState = !(isScalar(disable) && (disable.value === true || disable.value === 'true'));
    } else composeState = true;
  }
  if (composeState !== null) return composeState;
  for (const target of project.buildTargets) {
    if (!target.service || !services.includes(target.service)) continue;
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
    const byDirectory = new Map<string, Map<string, ComposeService[]>>();
    for (const compose of context.project.composeFiles) {
      const directory = path.dirname(compose.file.path);
      const services = byDirectory.get(directory) ?? new Map<string, ComposeService[]>();
      for (const service of compose.services) services.set(service.name, [...(services.get(service.name) ?? []), service]);
      byDirectory.set(directory, services);
    }
    for (const compose of context.project.composeFiles) {
      const services = byDirectory.get(path.dirname(compose.file.path))!;
      for (const service of compose.services) {
        for (const dependency of service.dependsOn) {
          // `required: false` only makes compose warn when the dependency does not become healthy.
          if (dependency.condition !== 'service_healthy' || !dependency.required) continue;
          const definitions = services.get(dependency.service);
          if (!definitions) continue;
          if (hasHealthcheck(context.project, definitions)) continue;
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, dependency.conditionNode ?? dependency.node),
            message: `Service "${service.name}" waits for "${dependency.service}" to be healthy, but "${dependency.service}" has no health check (compose \`healthcheck\` or Dockerfile HEALTHCHECK); compose will fail to start "${service.name}".`,
          });
        }
      }
    }
  },
};

export default rule;
