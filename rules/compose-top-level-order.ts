import { rangeOfNode } from '../src/model/compose.js';
import { orderCheck } from '../src/model/compose-edits.js';
import { mappingKeys } from '../src/model/compose-values.js';
import { placement, TOP_LEVEL_ORDER, topLevelRank } from '../src/model/compose-order.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-top-level-order',
    aliases: ['top-level-properties-order'],
    description: 'Top-level compose keys follow one order: `x-*` extensions, `version`, `name`, `include`, `services`, `networks`, `volumes`, `secrets`, `configs`.',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    fixable: true,
    options: {
      schema: {
        type: 'object',
        properties: {
          order: { type: 'array', items: { type: 'string' }, description: 'Top-level keys in order; `x-*` stands for every extension key. Keys not listed go last.' },
        },
        additionalProperties: false,
      },
      defaults: { order: TOP_LEVEL_ORDER },
    },
    docs: {
      rationale:
        'When every compose file of a team is laid out the same way, a reader finds the services at once and a reviewer sees a new volume or network where it belongs. Extension fields (`x-…`) come first because they usually hold anchors that the services below refer to.',
      bad: { filename: 'compose.yaml', code: 'volumes:\n  data: {}\nservices:\n  db:\n    image: postgres:17.2\n    volumes: [data:/var/lib/postgresql/data]\nname: shop\n' },
      good: { filename: 'compose.yaml', code: 'name: shop\nservices:\n  db:\n    image: postgres:17.2\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data: {}\n' },
      notes:
        'Unlike dclint, `x-*` keys keep their own order (an anchor must stay above its aliases) and unknown keys (such as `models`) are sorted last instead of being reported. The fix moves whole entries with their comments; it is not offered when moving would put an alias above its anchor.',
    },
  },
  check(context) {
    const order = (context.options.order as string[] | undefined) ?? TOP_LEVEL_ORDER;
    for (const compose of context.project.composeFiles) {
      const root = compose.root;
      const mapping = mappingKeys(root);
      if (!root || !mapping) continue;
      const { pairs, keys } = mapping;
      const compare = (a: string, b: string) => topLevelRank(a, order) - topLevelRank(b, order);
      const { misplaced, fix } = orderCheck(compose, root, keys, compare, 'Reorder the top-level keys');
      for (const item of misplaced) {
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, pairs[item.index]!.key),
          message: `Top-level "${keys[item.index]}" should come ${placement(item, (index) => keys[index]!)} (order: ${order.join(', ')}).`,
          fix,
        });
      }
    }
  },
};

export default rule;
