import { rangeOfNode } from '../src/model/compose.js';
import { servicePorts } from '../src/model/compose-ports.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-unbound-port',
    aliases: ['no-unbound-port-interfaces'],
    description: 'Published ports name the host address they listen on (`127.0.0.1:8080:80`), not every interface.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'A port without a host address is published on every interface of the machine, and Docker writes its own iptables rules, so host firewalls such as ufw do not stop it: a database meant for a local tool ends up on the internet. Writing the address makes the exposure a decision: `127.0.0.1` for the machine itself, a LAN address, or `0.0.0.0` when the world really should reach it.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    ports:\n      - "5432:5432"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
      notes: 'A container-only entry (`"3000"`) publishes on a random port of every interface and is reported too. In long syntax, set `host_ip`. An explicit `0.0.0.0` or `::` is accepted as a deliberate choice; an address that comes from a variable with no value is not judged.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        for (const entry of servicePorts(service)) {
          if (!entry.spec || entry.spec.hostIp !== '' || entry.unknown.hostIp) continue;
          const example = entry.syntax === 'long' ? '`host_ip: 127.0.0.1`' : `"127.0.0.1:${entry.spec.host ? entry.text : `:${entry.text}`}"`;
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, entry.node),
            message: `Service "${service.name}" publishes port "${entry.text}" on every host interface, past host firewalls; bind it to an address (${example}), or write 0.0.0.0 if it must be public.`,
          });
        }
      }
    }
  },
};

export default rule;
