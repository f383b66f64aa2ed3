import { isSeq, type YAMLSeq } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { orderCheck } from '../src/model/compose-edits.js';
import { placement } from '../src/model/compose-order.js';
import { servicePorts, type PortEntry } from '../src/model/compose-ports.js';
import type { Rule } from '../src/engine/types.js';

/** Sort key of a port entry: the published port, else the container port. */
function portNumber(entry: PortEntry): number {
  return entry.spec!.host?.start ?? entry.spec!.container!.start;
}

const comparePorts = (a: PortEntry, b: PortEntry) => portNumber(a) - portNumber(b);

const rule: Rule = {
  meta: {
    id: 'compose-ports-order',
    aliases: ['service-ports-alphabetical-order'],
    description: 'The `ports` of a service are listed in ascending order of the published port.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale: 'A sorted port list shows at a glance which host ports a service takes, and makes a duplicate or a clash with another service easy to see in review.',
      bad: { filename: 'compose.yaml', code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:443:443"\n      - "127.0.0.1:80:80"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:80:80"\n      - "127.0.0.1:443:443"\n' },
      notes: 'Entries are compared by number (the published port, or the container port when none is published), so `8080` comes after `443`. Long-syntax entries use `published`. A list with an entry that cannot be read (a variable with no value) is left alone.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const node = service.get('ports');
        const entries = servicePorts(service);
        if (!isSeq(node) || entries.length !== node.items.length || entries.some((entry) => !entry.spec || entry.unknown.host)) continue;
        const { misplaced, fix } = orderCheck(compose, node as YAMLSeq, entries, comparePorts, 'Sort the ports');
        const [first] = misplaced;
        if (!first) continue;
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, entries[first.index]!.node),
          message: `In service "${service.name}", port "${entries[first.index]!.text}" should come ${placement(first, (index) => entries[index]!.text)} (ascending published port).`,
          fix,
        });
      }
    }
  },
};

export default rule;
