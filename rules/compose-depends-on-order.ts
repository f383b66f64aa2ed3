import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { orderCheck } from '../src/model/compose-edits.js';
import { compareNames, placement } from '../src/model/compose-order.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-depends-on-order',
    aliases: ['service-dependencies-alphabetical-order'],
    description: 'The services in `depends_on` are listed in alphabetical order.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale: 'Start order comes from the dependency graph, not from the list, so the list can be sorted; a sorted list shows at a glance whether a dependency is there.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    depends_on:\n      - redis\n      - db\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    depends_on:\n      - db\n      - redis\n' },
      notes: 'Both the list form and the mapping form (`db: {condition: service_healthy}`) are checked and fixed.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const node = service.get('depends_on');
        if (!(isSeq(node) || isMap(node)) || service.dependsOn.length !== node.items.length) continue;
        const names = service.dependsOn.map((dependency) => dependency.service);
        const { misplaced, fix } = orderCheck(compose, node as YAMLMap | YAMLSeq, names, compareNames, 'Sort depends_on alphabetically');
        const [first] = misplaced;
        if (!first) continue;
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, service.dependsOn[first.index]!.node),
          message: `In the \`depends_on\` of service "${service.name}", "${names[first.index]}" should come ${placement(first, (index) => names[index]!)} (alphabetical order).`,
          fix,
        });
      }
    }
  },
};

export default rule;
