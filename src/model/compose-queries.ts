import type { ComposeService } from './compose.js';
import type { ComposeProject, ComposeProjectService } from './compose-project.js';
import { scalarText, type ComposeValue, type Origin } from './compose-tree.js';
import type { Project } from './project.js';

/** Queries rules share about merged compose projects. */

/** Every compose project of the model (none when the model was built without them). */
export function composeProjectsOf(project: Project): ComposeProject[] {
  return project.composeProjects ?? [];
}

/** Did interpolating the value written at this origin leave a variable without a value? */
export function hasUnresolvedVariable(project: ComposeProject, origin: Origin | null | undefined): boolean {
  if (!origin?.node) return false;
  return project.interpolation.unresolved.some((entry) => entry.origin.node === origin.node) || project.interpolation.required.some((entry) => entry.origin.node === origin.node);
}

/** The per-file definition that wrote a merged value (to reach its parsed shell script, for example). */
export function definitionWriting(service: ComposeProjectService, value: ComposeValue | null): ComposeService | null {
  if (!value) return null;
  for (const definition of service.definitions) {
    if (definition.compose.file !== value.origin.file || !definition.node) continue;
    for (const pair of definition.node.items) if (pair.value === value.origin.node) return definition;
  }
  return null;
}

/** A command as one line of text: a string as written, a list joined with spaces. */
export function commandText(value: ComposeValue | null): string | null {
  if (!value) return null;
  if (value.kind === 'scalar') return scalarText(value)?.trim() ?? null;
  if (value.kind === 'seq') return value.items.map(scalarText).filter((text): text is string => text !== null).join(' ').trim();
  return null;
}

/** Environment variable names a service sets (`environment` as a mapping or `KEY=value` list). */
export function environmentNames(service: ComposeProjectService): string[] {
  const environment = service.get('environment');
  if (environment?.kind === 'map') return [...environment.entries.keys()];
  if (environment?.kind === 'seq') return environment.items.map(scalarText).filter((text): text is string => text !== null).map((text) => text.split('=')[0]!);
  return [];
}
