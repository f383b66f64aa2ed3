import path from 'node:path';
import { composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import type { ComposeProject, ComposeProjectDependency } from '../src/model/compose-project.js';
import type { Rule } from '../src/engine/types.js';

/**
 * Each `depends_on` cycle once, as the chain of services and the entry that closes it (the last
 * edge found by a depth-first walk in file order), like compose's "dependency cycle detected".
 */
function dependencyCycles(project: ComposeProject): { chain: string[]; closing: ComposeProjectDependency }[] {
  const byName = new Map(project.services.map((service) => [service.name, service]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: { chain: string[]; closing: ComposeProjectDependency }[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    state.set(name, 'open');
    stack.push(name);
    for (const dependency of byName.get(name)?.dependsOn ?? []) {
      if (!byName.has(dependency.service)) continue;
      const target = state.get(dependency.service);
      if (target === 'open') {
        const chain = [...stack.slice(stack.indexOf(dependency.service)), dependency.service];
        const key = [...new Set(chain)].sort().join('\0');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push({ chain, closing: dependency });
        }
      } else if (target === undefined) {
        visit(dependency.service);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const service of project.services) if (!state.has(service.name)) visit(service.name);
  return cycles;
}

const rule: Rule = {
  meta: {
    id: 'depends-on-defined',
    description: 'Every `depends_on` entry must name a service defined in the compose file, and dependencies must not form a cycle.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Compose refuses to start a project whose `depends_on` names an unknown service ("depends on undefined service"), typically after a rename or when a service was moved to another file, and one whose dependencies go round in a circle ("dependency cycle detected"), since no service of the circle can start first. Catching it in review is cheaper than in a deploy.',
      notes: 'The compose files used together count as one project: `compose.yaml` with `compose.override.yaml`, an overlay such as `compose.prod.yaml` with its base, the sets named in `settings.compose.files` or `--compose-file`, and the services brought in by `extends` and `include`. An overlay file guessed to go with the base (no file set named) may be one of several layers, so the services of the other compose files beside it count too; name the real sets in `settings.compose.files` for a strict check.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - databse\n  database:\n    image: postgres:17\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - database\n  database:\n    image: postgres:17\n' },
    },
  },
  check(context) {
    // The services of the whole project count: `compose.yaml` + `compose.override.yaml`, `-f` sets, `extends`, `include`.
    for (const project of composeProjectsOf(context.project)) {
      const defined = new Set(project.services.map((service) => service.name));
      // A guessed overlay may be one layer of several (`-f compose.yaml -f full.yaml -f agent.yaml`):
      // services of the other compose files beside it count, unless the file set was named.
      if (project.fileSet === 'overlay' || project.fileSet === 'single') {
        for (const compose of context.project.composeFiles) {
          if (path.dirname(compose.file.path) === project.directory) for (const service of compose.services) defined.add(service.name);
        }
      }
      for (const service of project.services) {
        for (const dependency of service.dependsOn) {
          if (defined.has(dependency.service)) continue;
          const known = [...defined].filter((name) => name !== service.name);
          context.report({
            file: dependency.origin.file,
            range: rangeOfOrigin(dependency.origin),
            message: `Service "${service.name}" depends on "${dependency.service}", which is not defined${known.length ? ` (defined: ${known.slice(0, 8).join(', ')})` : ''}.`,
          });
        }
      }
      for (const { chain, closing } of dependencyCycles(project)) {
        context.report({
          file: closing.origin.file,
          range: rangeOfOrigin(closing.origin),
          message: `depends_on goes round in a circle: ${chain.join(' → ')}, so no service of it can start first and compose refuses the project; remove one of these dependencies.`,
        });
      }
    }
  },
};

export default rule;
