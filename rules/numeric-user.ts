import { unquoteWord } from '../src/model/dockerfile-words.js';
import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import type { DockerfileModel, DockerInstruction } from '../src/model/dockerfile.js';
import { stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** Windows containers have no numeric user IDs: `ContainerUser` is the only way to say it. */
const WINDOWS_USERS = new Set(['containeruser', 'containeradministrator']);

function onWindows(model: DockerfileModel, instruction: DockerInstruction): boolean {
  const stage = instruction.stageIndex === null ? undefined : model.stages[instruction.stageIndex];
  if (!stage) return false;
  const chain = stageChain(model, stage);
  const image = chain[chain.length - 1]!.from.image.toLowerCase();
  return /windows|nanoserver|servercore|ltsc\d/.test(image);
}

const rule: Rule = {
  meta: {
    id: 'numeric-user',
    aliases: ['DL3066'],
    description: 'USER should give a numeric user ID: a name may not be resolvable outside the image.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A user name only means something inside the image\'s `/etc/passwd`. Kubernetes cannot check `runAsNonRoot` against a name ("image has non-numeric user, cannot verify user is non-root"), and volumes, file ownership on the host and security policies all see numbers. `USER 10001` (or `10001:10001`) is unambiguous everywhere.',
      bad: { code: 'FROM node:22-alpine\nUSER node\n' },
      good: { code: 'FROM node:22-alpine\n# node (uid 1000 in the official image)\nUSER 1000:1000\n' },
      notes: 'Only the user part (before `:`) must be numeric; a group name is accepted, as in hadolint. A USER written with a variable (`USER $UID`) is accepted. Windows images have no numeric IDs, so `ContainerUser`/`ContainerAdministrator` and stages built on Windows base images (`nanoserver`, `servercore`, `windows`) are not reported, unlike hadolint.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'USER' || !instruction.args[0]) continue;
        const word = unquoteWord(instruction.args[0].value);
        if (hasVariableReference(instruction.args[0].value, dockerfile.escapeChar)) continue;
        const user = word.split(':')[0]!;
        if (/^\d+$/.test(user) || WINDOWS_USERS.has(user.toLowerCase()) || onWindows(dockerfile, instruction)) continue;
        context.report({
          file: dockerfile.file,
          range: instruction.args[0].range,
          message: `USER \`${user}\` is a name: use its numeric UID (for example \`USER 10001\`) so the runtime and Kubernetes' runAsNonRoot can check it.`,
        });
      }
    }
  },
};

export default rule;
