import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { servicePorts } from '../src/model/compose-ports.js';
import { asMap, mapEntry, resolveAlias, scalarText } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'internal-network-exposed',
    description: 'A service on an `internal: true` network does not publish ports to the host.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'An `internal: true` network is the compose way to say "nothing outside may reach this" — typically the database network. Publishing ports on a service attached to it undoes that: with another network attached the service is reachable from the host (and, without a host address, from everywhere), and attached only to internal networks its ports do not work at all, which hides the mistake until someone "fixes" it by dropping `internal`.',
      bad: {
        filename: 'compose.yaml',
        code: 'services:\n  db:\n    image: postgres:17.2\n    networks: [backend]\n    ports: ["5432:5432"]\nnetworks:\n  backend:\n    internal: true\n',
      },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  db:\n    image: postgres:17.2\n    networks: [backend]\n    expose: ["5432"]\nnetworks:\n  backend:\n    internal: true\n',
      },
      notes: 'Services reach each other on their networks without `ports:`; `expose:` documents the port without publishing it. A service without `networks:` is on the `default` network, which is internal only when declared so at the top level.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const document = compose.document;
      const networks = asMap(document, compose.root?.get('networks', true));
      const internal = new Set<string>();
      for (const pair of (networks?.items ?? []) as Pair<unknown, unknown>[]) {
        const flag = mapEntry(document, asMap(document, pair.value), 'internal');
        if (isScalar(pair.key) && flag && isScalar(flag.value) && (flag.value.value === true || flag.value.value === 'true')) internal.add(String(pair.key.value));
      }
      if (!internal.size) continue;
      for (const service of compose.services) {
        const ports = service.get('ports');
        if (!isSeq(ports) || !servicePorts(service).length) continue;
        if (service.get('network_mode')) continue;
        const attached = resolveAlias(document, service.get('networks'));
        const names = isSeq(attached)
          ? attached.items.map((item) => scalarText(document, item)).filter((name): name is string => name !== null)
          : isMap(attached)
            ? ((attached as YAMLMap).items as Pair<unknown, unknown>[]).filter((pair) => isScalar(pair.key)).map((pair) => String((pair.key as { value: unknown }).value))
            : ['default'];
        const onInternal = names.filter((name) => internal.has(name));
        if (!onInternal.length) continue;
        const only = onInternal.length === names.length;
        const key = (service.node?.items as Pair<unknown, unknown>[]).find((pair) => isScalar(pair.key) && pair.key.value === 'ports')!.key;
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, key as Node),
          message: only
            ? `Service "${service.name}" publishes ports but is only on the internal network "${onInternal.join('", "')}", where published ports do not work; remove \`ports:\` (use \`expose:\`), or attach a non-internal network if it really must be reachable.`
            : `Service "${service.name}" is on the internal network "${onInternal.join('", "')}" but publishes ports to the host, opening the isolated network to the outside; remove \`ports:\` (services reach it over the network) or keep it off the internal network.`,
        });
      }
    }
  },
};

export default rule;
