import { rangeOfNode } from '../src/model/compose.js';
import { orderCheck } from '../src/model/compose-edits.js';
import { mappingKeys } from '../src/model/compose-values.js';
import { compareNames, placement, SERVICE_KEY_GROUPS } from '../src/model/compose-order.js';
import type { Rule } from '../src/engine/types.js';

/** Compare service keys: listed keys in their order, then the others A→Z; a `<<` merge key first. */
function keyComparator(groups: string[][]): (a: string, b: string) => number {
  const listed = groups.flat();
  const rank = (key: string) => (key === '<<' ? -1 : listed.includes(key) ? listed.indexOf(key) : listed.length);
  return (a, b) => rank(a) - rank(b) || (rank(a) === listed.length ? compareNames(a, b) : 0);
}

const rule: Rule = {
  meta: {
    id: 'compose-service-keys-order',
    aliases: ['service-keys-order'],
    description: 'The keys of a service follow one order: image and build, dependencies, data, environment, networking, runtime, metadata, security, then the rest A→Z.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    options: {
      schema: {
        type: 'object',
        properties: {
          groups: { type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'Groups of keys in order; keys not listed follow in alphabetical order.' },
        },
        additionalProperties: false,
      },
      defaults: { groups: SERVICE_KEY_GROUPS },
    },
    docs: {
      rationale:
        'When every service reads in the same order — what runs (`image`, `build`), what it needs (`depends_on`, volumes, environment), how it is reached (`ports`, `networks`), how it runs (`command`, `restart`, `healthcheck`) — a reviewer spots a missing health check or an extra port without reading every line.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    restart: unless-stopped\n    ports: ["127.0.0.1:8080:8080"]\n    image: shop/api:2.1\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    ports: ["127.0.0.1:8080:8080"]\n    restart: unless-stopped\n' },
      notes:
        'The default groups are dclint\'s: `image, build, container_name` · `depends_on` · `volumes, volumes_from, configs, secrets` · `environment, env_file` · `ports, networks, network_mode, extra_hosts` · `command, entrypoint, working_dir, restart, healthcheck` · `logging, labels` · `user, isolation`; every other key follows in alphabetical order. A `<<` merge key goes first. The fix moves whole keys with their comments.',
    },
  },
  check(context) {
    const compare = keyComparator((context.options.groups as string[][] | undefined) ?? SERVICE_KEY_GROUPS);
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const mapping = mappingKeys(service.node);
        if (!mapping || !service.node) continue;
        const { pairs, keys } = mapping;
        const { misplaced, fix } = orderCheck(compose, service.node, keys, compare, `Reorder the keys of service "${service.name}"`);
        for (const item of misplaced) {
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, pairs[item.index]!.key),
            message: `In service "${service.name}", "${keys[item.index]}" should come ${placement(item, (index) => keys[index]!)}.`,
            fix,
          });
        }
      }
    }
  },
};

export default rule;
