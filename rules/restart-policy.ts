import { rangeOfNode } from '../src/model/compose.js';
import { effectiveRestart, oneShotSignal } from '../src/model/compose-lifecycle.js';
import { isPrimaryDefinition } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'restart-policy',
    description: 'Long-running services set `restart: unless-stopped`, `always` or `on-failure`; one-shot jobs do not restart.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Without a restart policy a crashed service stays down, and after a host reboot or a Docker daemon restart the whole stack stays down until someone runs `docker compose up` again. The opposite mistake hurts too: a migration or seed job with `restart: always` runs again every time it finishes, forever.',
      bad: {
        filename: 'compose.yaml',
        code: 'services:\n  api:\n    image: shop/api:2.1\n  migrate:\n    image: shop/api:2.1\n    command: ["./manage.py", "migrate"]\n    restart: always\n',
      },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: shop/api:2.1\n    command: ["./manage.py", "migrate"]\n    restart: "no"\n',
      },
      notes:
        'A service counts as a one-shot job when its command exits at once (`true`, `exit 0`, as build-only base services do), when its last command is a migration or seed step (`migrate`, `alembic upgrade`, `db:seed`, …), or when another service waits for it with `condition: service_completed_successfully`; such jobs should have no restart policy or `restart: "no"` (`on-failure` to retry a failed run is accepted). A service whose name says it is a job (`migrate`, `db-init`, `seed`, `setup`, …) is not asked for a restart policy either. `deploy.restart_policy.condition` (none/on-failure/any) counts as a restart policy, as Compose applies it. Keys set in a sibling override file (`compose.override.yaml`), through `<<` merges or through `extends` count.',
    },
  },
  check(context) {
    const project = context.project;
    for (const compose of project.composeFiles) {
      for (const service of compose.services) {
        if (!service.node || !isPrimaryDefinition(project, service)) continue;
        const restart = effectiveRestart(project, service);
        if (restart === 'unknown') continue;
        const oneShot = oneShotSignal(project, service);
        if (oneShot?.strength === 'strong') {
          if (restart && (restart.policy === 'always' || restart.policy === 'unless-stopped')) {
            context.report({
              file: compose.file,
              range: rangeOfNode(compose.file, restart.node),
              message: `Service "${service.name}" is a one-shot job (${oneShot.reason}), but \`restart: ${restart.text}\` starts it again every time it finishes; use \`restart: "no"\` (or \`on-failure\` to retry failures).`,
            });
          }
          continue;
        }
        if (oneShot) continue;
        if (!restart) {
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, service.keyNode),
            message: `Service "${service.name}" has no restart policy: after a crash or a host reboot it stays down. Add \`restart: unless-stopped\` (or \`always\`/\`on-failure\`).`,
          });
        } else if (restart.policy === 'no') {
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, restart.node),
            message: `Service "${service.name}" looks long-running but has \`restart: "no"\`, so it stays down after a crash or a reboot; use \`unless-stopped\` (or suppress this finding if it is a one-shot job).`,
          });
        }
      }
    }
  },
};

export default rule;
