import { composeProjectsOf, hasUnresolvedVariable } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import { formatImageRef, parseImageRef } from '../src/model/image-ref.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-image-tag',
    aliases: ['service-image-require-explicit-tag'],
    description: 'A compose service `image:` must name an explicit, non-`latest` tag or a digest.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'An untagged or `latest` image changes under you: `docker compose pull` on two machines gives two different stacks, and a rollback cannot bring back what ran before. A version tag (or a digest) makes the stack reproducible.',
      bad: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres:17.2\n  cache:\n    image: redis:7.4-alpine\n' },
      notes: 'Interpolated images are resolved first with the `.env` beside the compose file and the `${VAR:-default}` defaults; an image that cannot be resolved (missing variable) is left alone.',
    },
  },
  check(context) {
    // An image written once in a `<<: *defaults` block is reported once, not for every service using it.
    const reported = new Set<unknown>();
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        const origin = service.imageOrigin;
        if (!origin || service.image === null || hasUnresolvedVariable(project, origin) || reported.has(origin.node)) continue;
        reported.add(origin.node);
        const ref = parseImageRef(service.image);
        if (!ref || ref.digest) continue;
        const shown = formatImageRef(ref);
        if (!ref.tag) {
          context.report({ file: origin.file, range: rangeOfOrigin(origin), message: `Service "${service.name}" uses image "${shown}" with no tag, which means "latest"; pin a version tag or a digest.` });
        } else if (ref.tag === 'latest') {
          context.report({ file: origin.file, range: rangeOfOrigin(origin), message: `Service "${service.name}" uses image "${shown}" with the floating "latest" tag; pin a version tag or a digest.` });
        }
      }
    }
  },
};

export default rule;
