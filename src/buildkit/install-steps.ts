import { classifyCopy, findDependencyInstalls, DEFAULT_MANIFESTS } from '../model/dependency-steps.js';
import type { DockerfileModel, DockerInstruction, Stage } from '../model/dockerfile.js';
import { instructionText } from './step-map.js';

export interface InstallStep {
  instruction: DockerInstruction;
  stageIndex: number;
  /** COPY/ADD of only dependency manifests before the install, in its stage. */
  manifestCopies: DockerInstruction[];
  /** The first COPY/ADD before the install, in its stage, that brings in application source. */
  sourceCopy: DockerInstruction | null;
}

export interface InstallStepOptions {
  /** RUN instructions whose text matches are install steps, instead of the known package managers. */
  pattern?: RegExp;
  manifests?: readonly string[];
}

/**
 * The dependency-install RUNs of a Dockerfile (or one stage): `npm ci`, `pip install -r`, `go mod
 * download`, … as the shared detection in src/model/dependency-steps.ts knows them, or RUNs matching
 * `--install-step`. One entry per RUN, in file order.
 */
export function findInstallSteps(model: DockerfileModel, stage?: Stage, options: InstallStepOptions = {}): InstallStep[] {
  const patterns = options.manifests ?? DEFAULT_MANIFESTS;
  if (!options.pattern) {
    const seen = new Set<DockerInstruction>();
    const steps: InstallStep[] = [];
    for (const install of findDependencyInstalls(model, stage, { manifests: patterns })) {
      if (seen.has(install.instruction)) continue;
      seen.add(install.instruction);
      steps.push({ instruction: install.instruction, stageIndex: install.stage.index, manifestCopies: install.manifestCopies, sourceCopy: install.sourceCopy });
    }
    return steps;
  }
  const steps: InstallStep[] = [];
  for (const current of stage ? [stage] : model.stages) {
    const manifestCopies: DockerInstruction[] = [];
    let sourceCopy: DockerInstruction | null = null;
    for (const instruction of current.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const kind = classifyCopy(instruction, patterns);
        if (kind === 'manifest') manifestCopies.push(instruction);
        else if (kind === 'source') sourceCopy ??= instruction;
      } else if (instruction.keyword === 'RUN' && options.pattern.test(instructionText(model, instruction))) {
        steps.push({ instruction, stageIndex: current.index, manifestCopies: [...manifestCopies], sourceCopy });
      }
    }
  }
  return steps;
}
