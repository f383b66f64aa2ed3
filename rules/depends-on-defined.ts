import path from 'node:path';
import { rangeOfNode } from '../src/model/compose.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'depends-on-defined',
    description: 'Every `depends_on` entry must name a service defined in the compose file.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Compose refuses to start a project whose `depends_on` names an unknown service ("depends on undefined service"), typically after a rename or when a service was moved to another file. Catching it in review is cheaper than in a deploy.',
      notes: 'Services defined in the other compose files of the same directory count as defined, since override files (`compose.override.yaml`, `compose.prod.yaml`) are used together with the base file.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - databse\n  database:\n    image: postgres:17\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - database\n  database:\n    image: postgres:17\n' },
    },
  },
  check(context) {
    // Override files (`compose.agent.yaml` beside `compose.yaml`) are used together with the
    // files next to them (`-f compose.yaml -f compose.agent.yaml`), so their services count too.
    const definedInDirectory = new Map<string, Set<string>>();
    for (const compose of context.project.composeFiles) {
      const directory = path.dirname(compose.file.path);
      const names = definedInDirectory.get(directory) ?? new Set<string>();
      for (const service of compose.services) names.add(service.name);
      definedInDirectory.set(directory, names);
    }
    for (const compose of context.project.composeFiles) {
      const defined = definedInDirectory.get(path.dirname(compose.file.path))!;
      for (const service of compose.services) {
        for (const dependency of service.dependsOn) {
          if (defined.has(dependency.service)) continue;
          const known = [...defined].filter((name) => name !== service.name);
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, dependency.node),
            message: `Service "${service.name}" depends on "${dependency.service}", which is not defined${known.length ? ` (defined: ${known.slice(0, 8).join(', ')})` : ''}.`,
          });
        }
      }
    }
  },
};

export default rule;
