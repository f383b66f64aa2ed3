import { findStage, type DockerfileModel, type Stage } from '../src/model/dockerfile.js';
import { aptCall } from '../src/model/package-args.js';
import { finalStage, runCommands, wordRange } from '../src/model/queries.js';
import { coversPath, mountTargets, removedPaths } from '../src/model/run-context.js';
import type { Project } from '../src/model/project.js';
import type { Rule } from '../src/engine/types.js';
import { withoutTrailing } from '../src/model/trim.js';

const LISTS = '/var/lib/apt/lists';

/**
 * Stages whose layers end up in an image someone runs: the last stage, stages other stages build
 * on (`FROM deps`), and stages a compose file builds as `target`. Other stages only feed `COPY --from`.
 */
function shippedStages(project: Project, model: DockerfileModel): Set<Stage> {
  const stages = new Set<Stage>();
  const last = finalStage(model);
  if (last) stages.add(last);
  for (const stage of model.stages) if (stage.from.stageRef !== null) stages.add(model.stages[stage.from.stageRef]!);
  for (const target of project.targetsOf(model)) {
    const stage = target.target ? findStage(model, target.target) : undefined;
    if (stage) stages.add(stage);
  }
  return stages;
}

/** `/var/lib/apt/lists/*` and `/var/lib/apt/lists/` remove the lists; so does removing a parent directory. */
function removesLists(path: string): boolean {
  const literal = withoutTrailing(path.replace(/[*?[][^]*$/, ''), '/');
  return literal !== '' && coversPath(literal, LISTS);
}

const rule: Rule = {
  meta: {
    id: 'apt-lists-cleanup',
    aliases: ['DL3009'],
    description: 'A RUN with `apt-get update` must delete the package lists (`rm -rf /var/lib/apt/lists/*`) before it ends, or keep them in a cache mount.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`apt-get update` downloads the package index into /var/lib/apt/lists, often 20–50 MB that no running container needs. Deleting it in a later RUN does not help: the data is already committed in the earlier layer. Removing it in the same RUN, or pointing a cache mount at it, keeps it out of the image; it also stops later `apt-get install` runs from using a stale index instead of running `apt-get update` themselves.',
      bad: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 \\\n && rm -rf /var/lib/apt/lists/*\n' },
      notes:
        'Accepted clean-ups: a recursive `rm` of /var/lib/apt/lists (or its contents, or a parent), `apt-get distclean`, and a cache or tmpfs mount on /var/lib/apt/lists or a parent (`RUN --mount=type=cache,target=/var/lib/apt …`). Only stages that end up in an image are checked, as hadolint does: the last stage, stages used as a base by `FROM`, and stages a compose file builds as its `target`; a stage that only feeds `COPY --from` may keep its lists. ONBUILD RUN triggers are always checked. `apt update` is treated like `apt-get update`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const shipped = shippedStages(context.project, dockerfile);
      const seen = new Set<unknown>();
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        if (seen.has(instruction) || !instruction.shell) continue;
        const apt = aptCall(command);
        if (apt?.subcommand?.value !== 'update') continue;
        seen.add(instruction);
        if (!shipped.has(stage) && instruction.keyword !== 'ONBUILD') continue;
        if (mountTargets(instruction, 'cache', 'tmpfs').some((target) => coversPath(target, LISTS))) continue;
        const cleaned = instruction.shell.commands.some((other) => removedPaths(other).some(removesLists) || ['distclean', 'dist-clean'].includes(aptCall(other)?.subcommand?.value ?? ''));
        if (cleaned) continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, apt.commandWord),
          message: `\`${apt.program} update\` leaves the package lists in this layer; end the same RUN with \`rm -rf /var/lib/apt/lists/*\`, or mount /var/lib/apt/lists as a cache.`,
        });
      }
    }
  },
};

export default rule;
