import { rangeOfNode, type ComposeService } from '../src/model/compose.js';
import { addressesOverlap, formatRange, servicePorts, type PortEntry } from '../src/model/compose-ports.js';
import { neverRunTogether } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

interface Binding {
  service: ComposeService;
  entry: PortEntry;
  hostIp: string;
}

const rule: Rule = {
  meta: {
    id: 'compose-duplicate-host-port',
    aliases: ['no-duplicate-exported-ports'],
    description: 'No two `ports` entries publish the same host port (and protocol) on overlapping addresses.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Only one container can bind a host port: the second service fails with "port is already allocated" and `docker compose up` stops half way. Ranges (`8000-8010:8000-8010`) take every port in them, so overlaps hide easily.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: shop/admin:1.4\n    ports: ["8080:3000"]\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: shop/admin:1.4\n    ports: ["127.0.0.1:8081:3000"]\n' },
      notes:
        'Short and long syntax, ranges, protocols (`53:53/udp` does not clash with `53:53/tcp`) and host addresses are understood: `127.0.0.1:80` and `127.0.0.2:80` coexist, but `80` (every address) clashes with both. Entries without a fixed host port, a host range for a single container port (Docker picks one free port from it), and services whose profiles never run together are not reported.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const taken = new Map<string, Binding[]>();
      for (const service of compose.services) {
        for (const entry of servicePorts(service)) {
          const spec = entry.spec;
          if (!spec?.host || !spec.container || entry.unknown.host || entry.unknown.hostIp) continue;
          const width = spec.host.end - spec.host.start;
          if (width !== spec.container.end - spec.container.start) continue;
          let clash: { port: number; other: Binding } | null = null;
          for (let port = spec.host.start; port <= spec.host.end && !clash; port++) {
            const other = taken.get(`${port}/${spec.protocol}`)?.find((binding) => addressesOverlap(binding.hostIp, spec.hostIp) && !neverRunTogether(binding.service, service));
            if (other) clash = { port, other };
          }
          if (clash) {
            const { port, other } = clash;
            const where = compose.file.positionAt(other.entry.node.range?.[0] ?? 0).line;
            const owner = other.service === service ? 'this service' : `service "${other.service.name}"`;
            const inRange = width > 0 ? ` (in ${formatRange(spec.host)})` : '';
            context.report({
              file: compose.file,
              range: rangeOfNode(compose.file, entry.publishedNode),
              message: `Service "${service.name}" publishes host port ${port}/${spec.protocol}${inRange}, already published by ${owner} ("${other.entry.text}", line ${where}); the second bind fails with "port is already allocated". Use another host port.`,
            });
            continue;
          }
          for (let port = spec.host.start; port <= spec.host.end; port++) {
            const key = `${port}/${spec.protocol}`;
            taken.set(key, [...(taken.get(key) ?? []), { service, entry, hostIp: spec.hostIp }]);
          }
        }
      }
    }
  },
};

export default rule;
