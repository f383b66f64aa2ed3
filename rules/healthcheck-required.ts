import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { ComposeService } from '../src/model/compose.js';
import { targetStage, type Stage } from '../src/model/dockerfile.js';
import { imageStages } from '../src/model/image-stages.js';
import { stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** A compose `healthcheck:` that is not `disable: true`. */
function composeHealthcheck(service: ComposeService): boolean {
  const node = service.get('healthcheck');
  if (!node) return false;
  if (!isMap(node)) return true;
  const disable = (node as YAMLMap).get('disable', true);
  return !(isScalar(disable) && (disable.value === true || disable.value === 'true'));
}

const rule: Rule = {
  meta: {
    id: 'healthcheck-required',
    aliases: ['DL3057'],
    description: 'Images should define a HEALTHCHECK (or the compose service that runs them a `healthcheck`).',
    severity: 'info',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without a health check the runtime only knows whether the process exists, not whether it serves: a deadlocked server stays "running", `depends_on: condition: service_healthy` cannot work, and orchestrators route traffic to it.',
      bad: { code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n' },
      good: { code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1\n' },
      notes:
        'Opt-in, as in hadolint (where DL3057 is off by default). Only stages that become images are checked (not builder stages); a HEALTHCHECK in a stage they are built `FROM` counts, and so does `HEALTHCHECK NONE` (an explicit decision). A compose service that builds the stage and defines `healthcheck:` satisfies the rule, since it is where the check lives. Base images may carry their own HEALTHCHECK, which cannot be seen here: suppress the finding if so.',
    },
  },
  check(context) {
    const project = context.project;
    for (const dockerfile of project.dockerfiles) {
      const checkedByCompose = new Set<Stage>();
      for (const target of project.targetsOf(dockerfile)) {
        const stage = targetStage(dockerfile, target.target);
        if (stage && target.service && composeHealthcheck(target.service)) checkedByCompose.add(stage);
      }
      for (const stage of imageStages(project, dockerfile)) {
        if (checkedByCompose.has(stage)) continue;
        if (stageChain(dockerfile, stage).some((ancestor) => ancestor.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK'))) continue;
        context.report({
          file: dockerfile.file,
          range: stage.fromInstruction.keywordRange,
          message: `${stage.name ? `Stage \`${stage.name}\`` : 'This image'} has no HEALTHCHECK: add one (\`HEALTHCHECK CMD …\`) so the runtime can tell when the service stops answering.`,
        });
      }
    }
  },
};

export default rule;
