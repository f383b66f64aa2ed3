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
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - databse\n  database:\n    image: postgres:17\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: app/api:1.4\n    depends_on:\n      - database\n  database:\n    image: postgres:17\n' },
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const defined = new Set(compose.services.map((service) => service.name));
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
