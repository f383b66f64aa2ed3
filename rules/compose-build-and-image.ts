import { interpolateCompose, rangeOfNode } from '../src/model/compose.js';
import { mapEntry, scalarText } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-build-and-image',
    aliases: ['no-build-and-image'],
    description: 'A service with both `build` and `image` says with `pull_policy` whether the image is pulled or built.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    options: {
      schema: {
        type: 'object',
        properties: {
          checkPullPolicy: { type: 'boolean', description: 'Accept `build` + `image` when `pull_policy` is set; false reports every service with both.' },
        },
        additionalProperties: false,
      },
      defaults: { checkPullPolicy: true },
    },
    docs: {
      rationale:
        'With both `build` and `image`, Compose first tries to pull `image` and builds only when that fails. `docker compose pull` then errors (or warns) on images that were never pushed, `docker compose up` may run a registry image instead of the local source, and a single-word name such as `myapp:1` is looked up as the official Docker Hub image `library/myapp` — somebody else\'s image. `pull_policy: build` (always build here) or `pull_policy: missing`/`always` (a registry image, built only as a fallback) makes the intent explicit.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop-api:2.1\n    build: ./api\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop-api:2.1\n    build: ./api\n    pull_policy: build\n' },
      notes: 'As in dclint, any `pull_policy` counts as an explicit choice (option `checkPullPolicy: false` reports every service with both keys). Build-only base services (see `build-only-service`) are reported too: `pull_policy: build` is the way to keep `docker compose pull` from looking for them.',
    },
  },
  check(context) {
    const checkPullPolicy = context.options.checkPullPolicy !== false;
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const build = mapEntry(compose.document, service.node, 'build');
        const image = mapEntry(compose.document, service.node, 'image');
        if (!build || !image) continue;
        if (checkPullPolicy && mapEntry(compose.document, service.node, 'pull_policy')) continue;
        // The image as Compose resolves it, or as written when it needs variables that have no value here.
        const written = scalarText(compose.document, image.value) ?? '';
        const expansion = interpolateCompose(written, compose.environment);
        const shown = expansion.unresolved.length || expansion.required.length ? written : expansion.value;
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, build.key),
          message: checkPullPolicy
            ? `Service "${service.name}" has both \`build\` and \`image\`: Compose pulls "${shown}" first and \`docker compose pull\` fails if it was never pushed. Add \`pull_policy: build\` to always build it here (or \`missing\` if it is a pushed image).`
            : `Service "${service.name}" has both \`build\` and \`image\`; use one of them.`,
        });
      }
    }
  },
};

export default rule;
