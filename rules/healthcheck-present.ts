import { isMap, type YAMLMap } from 'yaml';
import { rangeOfNode, type ComposeService } from '../src/model/compose.js';
import { builtStageInstruction, longRunningServices } from '../src/model/compose-lifecycle.js';
import { anyDefinitionEntry, scalarText, serviceDefinitions } from '../src/model/compose-values.js';
import type { Project } from '../src/model/project.js';
import type { Rule } from '../src/engine/types.js';

/** What the Dockerfile a service builds says: 'check', 'none' (`HEALTHCHECK NONE`), 'absent', or 'unknown'. */
function dockerfileHealthcheck(project: Project, service: ComposeService): 'check' | 'none' | 'absent' | 'unknown' {
  for (const definition of serviceDefinitions(project, service)) {
    const build = definition.build;
    if (!build) continue;
    if (isMap(build.node) && (build.node as YAMLMap).has('dockerfile_inline')) {
      const inline = scalarText(definition.compose.document, (build.node as YAMLMap).get('dockerfile_inline', true)) ?? '';
      const last = [...inline.matchAll(/^\s*HEALTHCHECK\s+(\S+)/gim)].pop();
      return last ? (last[1]!.toUpperCase() === 'NONE' ? 'none' : 'check') : 'absent';
    }
    const instruction = builtStageInstruction(project, definition, 'HEALTHCHECK');
    if (instruction === undefined) return 'unknown';
    if (instruction === null) return 'absent';
    return instruction.args[0]?.value.toUpperCase() === 'NONE' ? 'none' : 'check';
  }
  return 'absent';
}

const rule: Rule = {
  meta: {
    id: 'healthcheck-present',
    description: 'Long-running services have a health check: `healthcheck:` in compose or HEALTHCHECK in the Dockerfile they build.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Without a health check Docker only knows whether the process exists: a server that deadlocks, loses its database connection or never finishes starting counts as "running". Dependants cannot wait with `condition: service_healthy`, `docker compose up --wait` returns too early, and `docker ps` hides the failure.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    restart: unless-stopped\n' },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  db:\n    image: postgres:17.2\n    restart: unless-stopped\n    healthcheck:\n      test: ["CMD", "pg_isready", "-U", "postgres"]\n      interval: 5s\n      timeout: 3s\n      retries: 5\n',
      },
      notes:
        'A HEALTHCHECK in the built stage (or a stage it builds on) counts, as does one in `dockerfile_inline`; `HEALTHCHECK NONE` there does not. `healthcheck: {disable: true}` (or `test: ["NONE"]`) says the service has none on purpose and is accepted. One-shot jobs (see `restart-policy`) are skipped. A service built from a Dockerfile that is not in the project is not judged; an image-only service is, since its image\'s HEALTHCHECK cannot be seen — declare the check in compose.',
    },
  },
  check(context) {
    const project = context.project;
    for (const service of longRunningServices(project)) {
      const entry = anyDefinitionEntry(project, service, 'healthcheck');
      // Any `healthcheck:` is a decision: a test, intervals for the image's own check, or `disable: true`.
      if (entry) continue;
      const fromDockerfile = dockerfileHealthcheck(project, service);
      if (fromDockerfile === 'check' || fromDockerfile === 'unknown') continue;
      context.report({
        file: service.compose.file,
        range: rangeOfNode(service.compose.file, service.keyNode),
        message:
          fromDockerfile === 'none'
            ? `Service "${service.name}" has no health check: its Dockerfile says HEALTHCHECK NONE. Add a \`healthcheck:\` with a \`test\`, or \`healthcheck: {disable: true}\` if that is deliberate.`
            : `Service "${service.name}" has no health check, so a hung process still counts as running and dependants cannot wait for it to be ready; add a \`healthcheck:\` with a \`test\` (or HEALTHCHECK in its Dockerfile), or \`healthcheck: {disable: true}\` if it has none on purpose.`,
      });
    }
  },
};

export default rule;
