import type { GraphEdge, StageGraph } from './stage-graph.js';

const EDGE: Record<GraphEdge['kind'], string> = {
  FROM: '-->',
  'COPY --from': '-->|COPY|',
  'RUN --mount': '-->|RUN mount|',
  target: '-->|compose target|',
  image: '-.->|builds image|',
};

/** Words before "if ARG fits" on a dashed edge; `--` could end a Mermaid label early, so none here. */
const VIA_WORD: Record<GraphEdge['kind'], string> = { FROM: '', 'COPY --from': 'COPY ', 'RUN --mount': 'RUN mount ', target: '', image: '' };

/** A label inside `["…"]`: Mermaid reads `#quot;` as a double quote. */
function label(text: string): string {
  return `["${text.replace(/"/g, '#quot;')}"]`;
}

/** `base-${TARGETARCH}` → `TARGETARCH`: plain words, which every Mermaid edge label accepts. */
function argNames(reference: string): string {
  return [...reference.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]).join(', ');
}

/**
 * A Mermaid flowchart (GitHub renders it in Markdown): base images → stages → compose services,
 * one subgraph per Dockerfile when there are several. Dead-end stages get a dashed edge to a
 * "not used" node and the deadEnd style, as in hand-drawn architecture documents.
 */
export function renderMermaid(graph: StageGraph): string {
  const out = ['graph TD'];
  const indent = '    ';
  if (graph.images.length) {
    out.push(`${indent}%% Base images`);
    for (const image of graph.images) out.push(`${indent}${image.id}${label(image.image)}`);
  }
  const grouped = graph.dockerfiles.length > 1;
  graph.dockerfiles.forEach((dockerfile, index) => {
    const stages = graph.stages.filter((stage) => stage.dockerfile === dockerfile.path);
    out.push(`${indent}%% Stages of ${dockerfile.path}`);
    const inner = grouped ? indent.repeat(2) : indent;
    if (grouped) out.push(`${indent}subgraph dockerfile_${index + 1}${label(dockerfile.path)}`);
    for (const stage of stages) out.push(`${inner}${stage.id}${label(stage.label)}`);
    if (grouped) out.push(`${indent}end`);
  });
  if (graph.services.length) {
    out.push(`${indent}%% Compose services`);
    for (const service of graph.services) out.push(`${indent}${service.id}${label(`${service.name} service`)}`);
  }
  const missing = graph.services.filter((service) => !service.stageId);
  for (const service of missing) out.push(`${indent}missing_${service.id}${label(`❌ no stage "${service.target}"`)}`);
  out.push(`${indent}%% Dependencies`);
  // An edge through a build arg is one of several possible: dashed, labelled with the arg.
  for (const edge of graph.edges) out.push(`${indent}${edge.from} ${edge.via ? `-.->|${VIA_WORD[edge.kind]}if ${argNames(edge.via)} fits|` : EDGE[edge.kind]} ${edge.to}`);
  for (const service of missing) out.push(`${indent}missing_${service.id} -.->|compose target| ${service.id}`);
  const dead = graph.stages.filter((stage) => stage.deadEnd);
  if (dead.length) {
    out.push(`${indent}unused${label('❌ Not used by any stage or service')}`);
    for (const stage of dead) out.push(`${indent}${stage.id} -.->|DEAD END| unused`);
  }
  out.push(
    `${indent}%% Styling`,
    `${indent}classDef baseImage fill:#e1f5fe`,
    `${indent}classDef stage fill:#f3e5f5`,
    `${indent}classDef targetStage fill:#e8f5e8`,
    `${indent}classDef service fill:#fff3e0`,
    `${indent}classDef deadEnd fill:#ffebee,stroke:#f44336,stroke-width:2px`,
    `${indent}classDef unused fill:#ffebee,color:#f44336`,
  );
  const classes: [string, string[]][] = [
    ['baseImage', graph.images.map((image) => image.id)],
    ['stage', graph.stages.filter((stage) => !stage.deadEnd && !stage.final && !stage.services.length).map((stage) => stage.id)],
    ['targetStage', graph.stages.filter((stage) => !stage.deadEnd && (stage.final || stage.services.length)).map((stage) => stage.id)],
    ['service', graph.services.map((service) => service.id)],
    ['deadEnd', dead.map((stage) => stage.id)],
    ['unused', [...(dead.length ? ['unused'] : []), ...missing.map((service) => `missing_${service.id}`)]],
  ];
  for (const [name, members] of classes) if (members.length) out.push(`${indent}class ${members.join(',')} ${name}`);
  return `${out.join('\n')}\n`;
}
