import type { DockerfileModel, Stage } from './dockerfile.js';
import { findStage } from './dockerfile.js';
import type { Project } from './project.js';
import { stageReferences } from './queries.js';

/**
 * The stages that end up as images someone runs: those no later stage builds on or copies
 * from, plus any stage a compose service names as its `build.target`. Builder stages are left out.
 */
export function imageStages(project: Project, model: DockerfileModel): Stage[] {
  const referenced = stageReferences(model);
  const targeted = new Set<Stage>();
  for (const target of project.targetsOf(model)) {
    const stage = target.target ? findStage(model, target.target) : undefined;
    if (stage) targeted.add(stage);
  }
  return model.stages.filter((stage) => !referenced.has(stage.index) || targeted.has(stage));
}
