import { minimatch } from 'minimatch';
import { classifyCopy, classifySource, DEFAULT_MANIFESTS, globToRegExp } from '../model/dependency-steps.js';
import type { DockerfileModel, DockerInstruction, Stage } from '../model/dockerfile.js';
import { instructionsBefore } from './build-graph.js';
import type { InstallStep } from './install-steps.js';
import { withoutTrailing } from '../model/trim.js';

/** True when a COPY/ADD from the build context brings in `file` (relative to the context, POSIX). */
export function copiesFile(instruction: DockerInstruction, file: string): boolean {
  const copy = instruction.copy;
  if (!copy || copy.from) return false;
  return copy.sources.some(({ value }) => {
    if (/^[a-z]+:\/\//i.test(value) || value.includes('$')) return false;
    const source = withoutTrailing(value.replace(/^(\.\/|\/)+/, ''), '/');
    if (source === '' || source === '.') return true;
    // A directory source copies everything below it: compare every ancestor directory too.
    const parts = file.split('/');
    for (let depth = parts.length; depth >= 1; depth--) {
      if (minimatch(parts.slice(0, depth).join('/'), source, { dot: true })) return true;
    }
    return false;
  });
}

function contextCopies(stages: Stage[]): DockerInstruction[] {
  return stages.flatMap((stage) => stage.instructions.filter((instruction) => (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.copy?.from));
}

const CODE_EXTENSION = /\.(js|mjs|cjs|ts|tsx|jsx|py|rb|go|rs|java|kt|cs|php|c|cc|cpp|h|swift|scala|ex|exs|vue|svelte|html|css)$/i;

/**
 * An application source file for scenario (c): copied into the build by a COPY of application
 * source, not a manifest, and not copied by any COPY of manifests or tools. Prefers code files
 * `preferredCopy` (the install step's source COPY) brings in. Null when the build copies no such file.
 */
export function chooseSourceFile(stages: Stage[], preferredCopy: DockerInstruction | null, files: string[]): string | null {
  const copies = contextCopies(stages);
  const sourceCopies = copies.filter((copy) => classifyCopy(copy) === 'source');
  const otherCopies = copies.filter((copy) => classifyCopy(copy) !== 'source');
  const candidates = files.filter((file) =>
    classifySource(file) === 'source' &&
    sourceCopies.some((copy) => copiesFile(copy, file)) &&
    !otherCopies.some((copy) => copiesFile(copy, file)),
  );
  const score = (file: string) => (preferredCopy && copiesFile(preferredCopy, file) ? 0 : 2) + (CODE_EXTENSION.test(file) ? 0 : 1);
  return candidates.sort((a, b) => score(a) - score(b) || a.split('/').length - b.split('/').length || a.localeCompare(b))[0] ?? null;
}

/** Rank of a manifest name in the defaults (package.json before package-lock.json), for a stable choice. */
function manifestRank(file: string): number {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const index = DEFAULT_MANIFESTS.findIndex((pattern) => globToRegExp(pattern, 'i').test(base));
  return index < 0 ? DEFAULT_MANIFESTS.length : index;
}

/**
 * The dependency manifest scenario (d) edits: one the install step's manifest COPYs bring in, or
 * failing that, a manifest copied by any COPY the install depends on (`COPY . .`).
 */
export function chooseManifestFile(model: DockerfileModel, install: InstallStep, files: string[]): string | null {
  const byRank = (list: string[]) => list.sort((a, b) => manifestRank(a) - manifestRank(b) || a.localeCompare(b))[0] ?? null;
  const fromManifestCopies = files.filter((file) => install.manifestCopies.some((copy) => copiesFile(copy, file)));
  const preferred = byRank(fromManifestCopies.filter((file) => classifySource(file) === 'manifest')) ?? byRank(fromManifestCopies);
  if (preferred) return preferred;
  const earlier = instructionsBefore(model, install.instruction).filter((instruction) => instruction.copy && !instruction.copy.from);
  return byRank(files.filter((file) => classifySource(file) === 'manifest' && earlier.some((copy) => copiesFile(copy, file))));
}
