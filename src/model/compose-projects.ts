import path from 'node:path';
import type { ComposeFileModel } from './compose.js';
import { ComposeProjectLoader, type ComposeFileSource, type ComposeOptions, type ComposeProject } from './compose-project.js';

/**
 * Which compose files are used together. Explicit sets (`--compose-file`, `settings.compose.files`)
 * first; then, per directory, what `docker compose` picks without `-f` (COMPOSE_FILE from `.env`,
 * else `compose.yaml` or its older names plus the matching override file). Any other compose file
 * of the directory is an overlay of that default base when it completes or shares its services
 * (`-f compose.yaml -f compose.prod.yaml`), and a project of its own otherwise.
 */
export function buildComposeProjects(discovered: ComposeFileModel[], options: ComposeOptions, source: ComposeFileSource): ComposeProject[] {
  const loader = new ComposeProjectLoader(source, options);
  const projects: ComposeProject[] = [];
  const explicitDirectories = new Set<string>();
  for (const files of options.fileSets ?? []) {
    if (!files.length) continue;
    explicitDirectories.add(path.dirname(files[0]!));
    const project = loader.load(files);
    if (project) projects.push(project);
  }
  const byDirectory = new Map<string, ComposeFileModel[]>();
  for (const model of discovered) {
    const directory = path.dirname(model.file.path);
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), model]);
  }
  for (const [directory, models] of byDirectory) {
    if (explicitDirectories.has(directory)) continue;
    const defaults = loader.defaultFiles(directory);
    const base = defaults.length ? source.compose(defaults[0]!) : null;
    if (defaults.length) {
      const project = loader.load(defaults, directory, 'default');
      if (project) projects.push(project);
    }
    for (const model of models) {
      if (defaults.includes(model.file.path)) continue;
      const overlay = base !== null && isOverlayOf(model, base);
      const project = loader.load(overlay ? [base.file.path, model.file.path] : [model.file.path], directory, overlay ? 'overlay' : 'single');
      if (project) projects.push(project);
    }
  }
  return projects;
}

/** An overlay names or depends on services of the base, or has services that cannot run alone (no image, build or extends). */
function isOverlayOf(model: ComposeFileModel, base: ComposeFileModel): boolean {
  const baseNames = new Set(base.services.map((service) => service.name));
  return model.services.some(
    (service) =>
      baseNames.has(service.name) ||
      service.dependsOn.some((dependency) => baseNames.has(dependency.service)) ||
      !(service.node?.has('image') || service.node?.has('build') || service.node?.has('extends')),
  );
}
