import { rangeOfNode, type ComposeService } from '../src/model/compose.js';
import { addressesOverlap, formatRange, servicePorts, type PortEntry } from '../src/model/compose-ports.js';
import { neverRunTogether } from '../src/model/compose-values.js';
import type { Rule, RuleContext } from '../src/engine/types.js';
import type { SourceFile } from '../src/model/source.js';

interface Binding {
  service: ComposeService;
  entry: PortEntry;
  hostIp: string;
}

function reportClash(context: RuleContext, file: SourceFile, service: ComposeService, entry: PortEntry, other: Binding, port: string): void {
  const where = file.positionAt(other.entry.node.range?.[0] ?? 0).line;
  const owner = other.service === service ? 'this service' : `service "${other.service.name}"`;
  context.report({
    file,
    range: rangeOfNode(file, entry.publishedNode),
    message: `Service "${service.name}" publishes host port ${port}, already published by ${owner} ("${other.entry.text}", line ${where}); the second bind fails with "port is already allocated". Use another host port.`,
  });
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
        'Short and long syntax, ranges, protocols (`53:53/udp` does not clash with `53:53/tcp`) and host addresses are understood: `127.0.0.1:80` and `127.0.0.2:80` coexist, but `80` (every address) clashes with both. Entries without a fixed host port, a host range for a single container port (Docker picks one free port from it), and services whose profiles never run together are not reported. A host port that needs a variable with no value is compared as written: `${WEB_PORT}:80` twice clashes whatever WEB_PORT is.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      const taken = new Map<string, Binding[]>();
      // Host ports that need a variable with no value: the same text twice is the same port.
      const sameText = new Map<string, Binding>();
      for (const service of compose.services) {
        for (const entry of servicePorts(service)) {
          const spec = entry.spec;
          if (!spec?.container || entry.unknown.hostIp) continue;
          if (entry.unknown.host) {
            const key = `${entry.written.hostIp}|${entry.written.host}/${spec.protocol}`;
            const other = sameText.get(key);
            if (other && !neverRunTogether(other.service, service)) reportClash(context, compose.file, service, entry, other, entry.written.host);
            else sameText.set(key, { service, entry, hostIp: spec.hostIp });
            continue;
          }
          if (!spec.host) continue;
          const width = spec.host.end - spec.host.start;
          if (width !== spec.container.end - spec.container.start) continue;
          let clash: { port: number; other: Binding } | null = null;
          for (let port = spec.host.start; port <= spec.host.end && !clash; port++) {
            const other = taken.get(`${port}/${spec.protocol}`)?.find((binding) => addressesOverlap(binding.hostIp, spec.hostIp) && !neverRunTogether(binding.service, service));
            if (other) clash = { port, other };
          }
          if (clash) {
            reportClash(context, compose.file, service, entry, clash.other, `${clash.port}/${spec.protocol}${width > 0 ? ` (in ${formatRange(spec.host)})` : ''}`);
            continue;
          }
          for (let port = spec.host.start; port <= spec.host.end; port++) {
            const key = `${port}/${spec.protocol}`;
            const bindings = taken.get(key);
            if (bindings) bindings.push({ service, entry, hostIp: spec.hostIp });
            else taken.set(key, [{ service, entry, hostIp: spec.hostIp }]);
          }
        }
      }
    }
  },
};

export default rule;
