import { imageStages } from '../src/model/image-stages.js';
import { labelSchema } from '../src/model/label-schema.js';
import { stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'label-required',
    aliases: ['DL3049'],
    description: 'Every image stage carries each label of the label schema (`settings.labelSchema`).',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A label schema is a contract: every image says where its source is, which revision it was built from, who owns it. An image missing one of them breaks the registry search, the vulnerability report or the on-call page that relies on it.',
      bad: { code: 'FROM node:22-alpine\nLABEL org.opencontainers.image.source=https://github.com/acme/api\nCMD ["node", "server.js"]\n' },
      good: {
        code: 'FROM node:22-alpine\nARG GIT_SHA\nLABEL org.opencontainers.image.source=https://github.com/acme/api \\\n      org.opencontainers.image.revision=$GIT_SHA\nCMD ["node", "server.js"]\n',
      },
      notes:
        'Needs `settings.labelSchema` (label name → type; hadolint: `label-schema`); without it the rule does nothing. Only stages that become images are checked: stages no later stage builds on or copies from, and stages a compose service targets. Builder stages are not. Labels set in a stage the image stage is built `FROM` count (they are inherited). Reported at the stage\'s FROM, once per missing label.',
    },
  },
  check(context) {
    const schema = labelSchema(context.settings);
    if (!schema) return;
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of imageStages(context.project, dockerfile)) {
        const present = new Set<string>();
        for (const ancestor of stageChain(dockerfile, stage)) {
          for (const instruction of ancestor.instructions) for (const property of instruction.keyword === 'LABEL' ? (instruction.properties ?? []) : []) present.add(property.name);
        }
        for (const label of schema.keys()) {
          if (present.has(label)) continue;
          context.report({
            file: dockerfile.file,
            range: stage.fromInstruction.keywordRange,
            message: `Label \`${label}\` is missing from ${stage.name ? `stage \`${stage.name}\`` : 'this image'}: the label schema requires it; add \`LABEL ${label}=…\`.`,
          });
        }
      }
    }
  },
};

export default rule;
