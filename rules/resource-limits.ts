import { isMap, type YAMLMap } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import { longRunningServices } from '../src/model/compose-lifecycle.js';
import { anyDefinitionEntry, definitionEntries, mapEntry, pathValue } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'resource-limits',
    description: 'Long-running services cap their memory or CPU: `deploy.resources.limits`, or `mem_limit`/`cpus`.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'A container without limits can take all the memory of the host: one leaking service makes the kernel\'s OOM killer pick a victim, which may be the database next to it. Limits turn a leak into a restart of the guilty service and make capacity planning possible.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n' },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n',
      },
      notes: 'A policy rule (in `strict`). Either a memory or a CPU limit is enough: `deploy.resources.limits.memory`/`cpus`, or the service-level `mem_limit`/`cpus`. Reservations alone do not limit anything. One-shot jobs are skipped.',
    },
  },
  check(context) {
    const project = context.project;
    for (const service of longRunningServices(project)) {
      const found = ['mem_limit', 'cpus'].map((key) => anyDefinitionEntry(project, service, key));
      const deploys = definitionEntries(project, service, 'deploy');
      if (found.includes('unknown') || deploys.unknown || found.some(Boolean)) continue;
      const limited = deploys.entries.some(({ document, value }) => {
        const limits = isMap(value) ? pathValue(document, value as YAMLMap, ['resources', 'limits']) : null;
        return isMap(limits) && (mapEntry(document, limits as YAMLMap, 'memory') || mapEntry(document, limits as YAMLMap, 'cpus'));
      });
      if (limited) continue;
      context.report({
        file: service.compose.file,
        range: rangeOfNode(service.compose.file, service.keyNode),
        message: `Service "${service.name}" has no memory or CPU limit, so a leak can take the whole host down; set \`deploy.resources.limits\` (memory, cpus) or \`mem_limit\`.`,
      });
    }
  },
};

export default rule;
