import { isMap, type YAMLMap } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { orderCheck } from '../src/model/compose-edits.js';
import { compareNames, placement } from '../src/model/compose-order.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-services-order',
    aliases: ['services-alphabetical-order'],
    description: 'Services are listed in alphabetical order.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale:
        'In a file with a dozen services, alphabetical order is the one order everybody can find things in without reading the whole file, and it keeps additions from piling up at the end in merge conflicts.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17.2\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n  web:\n    image: nginx:1.27\n' },
      notes: 'The fix moves whole service blocks with the comments above them; it is not offered when a service would move above the anchor (`&name`) it refers to.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const servicesNode = compose.root?.get('services', true);
      if (!isMap(servicesNode) || compose.services.length !== servicesNode.items.length) continue;
      const names = compose.services.map((service) => service.name);
      const { misplaced, fix } = orderCheck(compose, servicesNode as YAMLMap, names, compareNames, 'Sort the services alphabetically');
      for (const item of misplaced) {
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, compose.services[item.index]!.keyNode),
          message: `Service "${names[item.index]}" should come ${placement(item, (index) => names[index]!)} (alphabetical order).`,
          fix,
        });
      }
    }
  },
};

export default rule;
