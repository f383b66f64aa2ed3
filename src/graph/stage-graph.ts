import type { DockerfileModel, DockerInstruction, Stage } from '../model/dockerfile.js';
import { targetStage } from '../model/dockerfile.js';
import { normalizedImageName } from '../model/image-ref.js';
import type { BuildTarget, Project } from '../model/project.js';
import { finalStage, stageReferences } from '../model/queries.js';
import { stagesMatchingReference, unusedStages } from '../model/stage-usage.js';

/** How a stage depends on another stage or an image. */
export type StageUse = 'FROM' | 'COPY --from' | 'RUN --mount';

export interface GraphImage {
  id: string;
  /** The reference as it resolves (global ARG defaults applied); `scratch` for the empty image. */
  image: string;
}

export interface GraphStage {
  id: string;
  /** Display path of the Dockerfile. */
  dockerfile: string;
  index: number;
  name: string | null;
  /** The name, or `#index` for an unnamed stage. */
  label: string;
  line: number;
  /** What the stage starts from: an image node or a stage node id. */
  baseId: string;
  /** The base as written for people: the image reference or the stage's label. */
  base: string;
  /** The comment lines directly above the stage's FROM. */
  purpose: string | null;
  final: boolean;
  /** Not the final stage and nothing uses it: the `unused-stage` rule's verdict. */
  deadEnd: boolean;
  usedBy: { stageId: string; how: StageUse; line: number }[];
  /** Ids of the compose services that build this stage. */
  services: string[];
}

export interface GraphService {
  id: string;
  name: string;
  /** Display path of the compose file. */
  compose: string;
  /** `build.target`, or null for the final stage. */
  target: string | null;
  /** The stage built; null when `build.target` names no stage. */
  stageId: string | null;
  dockerfile: string;
  /** The base image node this service's own image feeds (`image:` of a build-only base service). */
  imageId: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'FROM' | 'COPY --from' | 'RUN --mount' | 'target' | 'image';
  /** A reference with build args (`FROM base-${TARGETARCH}`): the edge is one of the stages it may name. */
  via?: string;
}

export interface StageGraph {
  version: 1;
  dockerfiles: { path: string; stageIds: string[] }[];
  images: GraphImage[];
  stages: GraphStage[];
  services: GraphService[];
  edges: GraphEdge[];
}

export interface GraphInput {
  project: Project;
  dockerfiles: DockerfileModel[];
  /** Compose build targets to draw; the others in the project are ignored. */
  targets: BuildTarget[];
  /** Stage names built directly, as in the `unused-stage` rule's `allow` option. */
  allow?: (dockerfile: DockerfileModel) => string[];
}

/** Node ids made of `[A-Za-z0-9_]` only, unique, readable: `stage_ai_base`, `image_node_18_slim`. */
class IdMaker {
  private readonly used = new Set<string>();

  make(prefix: string, label: string): string {
    const base = `${prefix}_${label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x'}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

const SUPPRESSION_COMMENT = /^(docker-policy|hadolint)\b/i;

/** Comment lines directly above a stage's FROM (no blank line between), suppression comments left out. */
export function stagePurpose(dockerfile: DockerfileModel, stage: Stage): string | null {
  const byLine = new Map(dockerfile.comments.map((comment) => [comment.range.start.line, comment.text.trim()]));
  const lines: string[] = [];
  for (let line = stage.fromInstruction.range.start.line - 1; byLine.has(line); line--) lines.unshift(byLine.get(line)!);
  const text = lines.filter((line) => line && !SUPPRESSION_COMMENT.test(line)).join(' ');
  return text || null;
}

export function buildStageGraph(input: GraphInput): StageGraph {
  const ids = new IdMaker();
  const images = new Map<string, GraphImage>();
  const imageNode = (image: string): GraphImage => {
    let node = images.get(image);
    if (!node) {
      node = { id: ids.make('image', image), image };
      images.set(image, node);
    }
    return node;
  };
  const graph: StageGraph = { version: 1, dockerfiles: [], images: [], stages: [], services: [], edges: [] };
  const stageIds = new Map<Stage, string>();

  for (const dockerfile of input.dockerfiles) {
    const path = dockerfile.file.displayPath;
    const targets = input.targets.filter((target) => target.dockerfile === dockerfile);
    const dead = new Set(unusedStages(dockerfile, targets, input.allow?.(dockerfile) ?? []));
    const final = finalStage(dockerfile);
    const nodes: GraphStage[] = [];
    const variableUses: { used: number; user: number; how: StageUse; line: number }[] = [];
    for (const stage of dockerfile.stages) {
      const label = stage.name ?? `#${stage.index}`;
      // With several Dockerfiles, ids carry the Dockerfile's path (`machine/Dockerfile` → `machine`) to stay readable.
      const id = ids.make('stage', input.dockerfiles.length > 1 ? `${path.replace(/\/(Dockerfile|Containerfile)$/i, '')}_${label}` : label);
      stageIds.set(stage, id);
      const baseStage = stage.from.stageRef !== null ? dockerfile.stages[stage.from.stageRef] : undefined;
      // `FROM base-${TARGETARCH}` starts from one of the stages the pattern names, not from an image.
      const candidates = !baseStage && stage.from.unresolvedVariables.length ? stagesMatchingReference(dockerfile, stage.from.imageText, stage.index) : [];
      const base = baseStage ? baseStage.name ?? `#${baseStage.index}` : stage.from.isScratch ? 'scratch' : stage.from.unresolvedVariables.length ? stage.from.imageText : stage.from.image;
      const baseId = baseStage ? stageIds.get(baseStage)! : candidates.length ? stageIds.get(candidates[0]!)! : imageNode(base).id;
      nodes.push({
        id,
        dockerfile: path,
        index: stage.index,
        name: stage.name,
        label,
        line: stage.fromInstruction.range.start.line,
        baseId,
        base,
        purpose: stagePurpose(dockerfile, stage),
        final: stage === final,
        deadEnd: dead.has(stage),
        usedBy: [],
        services: [],
      });
      if (candidates.length) {
        for (const candidate of candidates) {
          graph.edges.push({ from: stageIds.get(candidate)!, to: id, kind: 'FROM', via: stage.from.imageText });
          variableUses.push({ used: candidate.index, user: stage.index, how: 'FROM', line: stage.fromInstruction.range.start.line });
        }
      } else {
        graph.edges.push({ from: baseId, to: id, kind: 'FROM' });
      }
    }
    // COPY --from and RUN --mount=from: stages through the shared query, images by their reference.
    const references = stageReferences(dockerfile);
    for (const [index, instructions] of references) {
      for (const instruction of instructions) {
        if (instruction.keyword === 'FROM' || instruction.stageIndex === null) continue;
        const user = nodes[instruction.stageIndex]!;
        const how = usage(instruction);
        nodes[index]!.usedBy.push({ stageId: user.id, how, line: instruction.range.start.line });
        graph.edges.push({ from: nodes[index]!.id, to: user.id, kind: how });
      }
    }
    for (const stage of dockerfile.stages) {
      if (stage.from.stageRef !== null) nodes[stage.from.stageRef]!.usedBy.push({ stageId: nodes[stage.index]!.id, how: 'FROM', line: stage.fromInstruction.range.start.line });
      for (const instruction of stage.instructions) {
        for (const image of externalSources(dockerfile, instruction)) graph.edges.push({ from: imageNode(image).id, to: nodes[stage.index]!.id, kind: usage(instruction) });
        for (const source of sourcesWithVariables(instruction)) {
          for (const candidate of stagesMatchingReference(dockerfile, source, stage.index)) {
            graph.edges.push({ from: nodes[candidate.index]!.id, to: nodes[stage.index]!.id, kind: usage(instruction), via: source });
            variableUses.push({ used: candidate.index, user: stage.index, how: usage(instruction), line: instruction.range.start.line });
          }
        }
      }
    }
    for (const use of variableUses) nodes[use.used]!.usedBy.push({ stageId: nodes[use.user]!.id, how: use.how, line: use.line });
    for (const node of nodes) node.usedBy.sort((a, b) => a.line - b.line);
    graph.stages.push(...nodes);
    graph.dockerfiles.push({ path, stageIds: nodes.map((node) => node.id) });

    for (const target of targets) {
      const service = target.service!;
      const stage = targetStage(dockerfile, target.target);
      const id = ids.make('service', service.name);
      const stageId = stage ? stageIds.get(stage)! : null;
      graph.services.push({ id, name: service.name, compose: service.compose.file.displayPath, target: target.target, stageId, dockerfile: path, imageId: null });
      if (stageId) {
        graph.stages.find((node) => node.id === stageId)!.services.push(id);
        graph.edges.push({ from: stageId, to: id, kind: 'target' });
      }
    }
  }

  // A service whose `image:` is another stage's base image builds that image (the build-only base pattern).
  const byName = new Map([...images.values()].map((image) => [normalizedImageName(image.image), image]));
  for (const node of graph.services) {
    const target = input.targets.find((candidate) => candidate.service?.name === node.name && candidate.service.compose.file.displayPath === node.compose);
    const own = target?.service?.image ? normalizedImageName(target.service.image) : null;
    const image = own ? byName.get(own) : undefined;
    if (!image) continue;
    node.imageId = image.id;
    graph.edges.push({ from: node.id, to: image.id, kind: 'image' });
  }
  graph.images = [...images.values()];
  return graph;
}

function usage(instruction: DockerInstruction): StageUse {
  return instruction.keyword === 'FROM' ? 'FROM' : instruction.keyword === 'RUN' ? 'RUN --mount' : 'COPY --from';
}

/** `COPY --from=build-${VARIANT}`, `RUN --mount=from=${BASE}-deps`: sources that name a stage through build args. */
function sourcesWithVariables(instruction: DockerInstruction): string[] {
  return [instruction.copy?.from?.value, ...instruction.mounts.map((mount) => mount.options.from)].filter((value): value is string => !!value && value.includes('$'));
}

/** Images (not stages) a COPY --from or RUN --mount=from= reads: `COPY --from=nginx:1.27 …`. */
function externalSources(dockerfile: DockerfileModel, instruction: DockerInstruction): string[] {
  const sources = [instruction.copy?.from?.value, ...instruction.mounts.map((mount) => mount.options.from)].filter((value): value is string => !!value);
  const stageNames = new Set(dockerfile.stages.map((stage) => stage.name?.toLowerCase()));
  return sources.filter((source) => !source.includes('$') && !/^\d+$/.test(source) && !stageNames.has(source.toLowerCase()));
}
