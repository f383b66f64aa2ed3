import type { ComposeService } from './compose.js';
import type { ComposeProject } from './compose-project.js';
import { normalizedImageName } from './image-ref.js';
import type { Project } from './project.js';
import { derivedOnce } from './derived.js';

interface BaseImageUse {
  /** The service whose Dockerfile starts FROM the image. */
  service: string;
  dockerfile: string;
}

const usesByProject = new WeakMap<ComposeProject, Map<string, BaseImageUse[]>>();

/** Normalised base images (FROM) of the Dockerfiles the services of a compose project build. */
function baseImageUses(project: Project, composeProject: ComposeProject): Map<string, BaseImageUse[]> {
  return derivedOnce(usesByProject, composeProject, () => {
    const uses = new Map<string, BaseImageUse[]>();
    for (const target of project.buildTargets) {
      if (target.composeService?.project !== composeProject) continue;
      for (const stage of target.dockerfile.stages) {
        if (stage.from.stageRef !== null || stage.from.isScratch || stage.from.unresolvedVariables.length) continue;
        const image = normalizedImageName(stage.from.image);
        if (image) uses.set(image, [...(uses.get(image) ?? []), { service: target.composeService.name, dockerfile: target.dockerfile.file.path }]);
      }
    }
    return uses;
  });
}

/**
 * Seed 000's build-only service: it builds an image (`build` + `image`) that the Dockerfile of another
 * service of the same compose project starts FROM. Returns that other service's name, or null.
 * A service built from the same Dockerfile as its "user" (two services sharing `image: alpine` +
 * `build: .`) is not a base.
 */
export function baseImageUser(project: Project, composeProject: ComposeProject, service: { name: string; image: string | null; dockerfilePath: string | null }): string | null {
  if (!service.image || !service.dockerfilePath) return null;
  const image = normalizedImageName(service.image);
  if (!image) return null;
  const uses = baseImageUses(project, composeProject).get(image) ?? [];
  return uses.find((use) => use.service !== service.name && use.dockerfile !== service.dockerfilePath)?.service ?? null;
}

/** The same question for a per-file service definition: the compose project its file belongs to decides. */
export function baseImageUserOf(project: Project, service: ComposeService): string | null {
  const composeProject = project.composeProjects?.find((candidate) => candidate.files.includes(service.compose) || candidate.included.includes(service.compose));
  if (!composeProject) return null;
  const merged = composeProject.services.find((candidate) => candidate.name === service.name);
  if (!merged?.build) return null;
  return baseImageUser(project, composeProject, { name: merged.name, image: merged.image, dockerfilePath: merged.build.dockerfilePath });
}
