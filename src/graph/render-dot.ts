import type { GraphEdge, StageGraph } from './stage-graph.js';

/** A DOT string literal. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const EDGE_STYLE: Record<GraphEdge['kind'], string> = {
  FROM: '',
  'COPY --from': ' [label="COPY"]',
  'RUN --mount': ' [label="RUN mount"]',
  target: ' [label="compose target"]',
  image: ' [label="builds image", style=dashed]',
};

/** Graphviz DOT (`dot -Tsvg`): one cluster per Dockerfile, the same colours as the Mermaid graph. */
export function renderDot(graph: StageGraph): string {
  const out = [
    'digraph stages {',
    '  rankdir=TB;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="#f3e5f5"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const image of graph.images) out.push(`  ${image.id} [label=${quote(image.image)}, shape=box, style=filled, fillcolor="#e1f5fe"];`);
  graph.dockerfiles.forEach((dockerfile, index) => {
    out.push(`  subgraph cluster_${index + 1} {`, `    label=${quote(dockerfile.path)};`, '    style=dashed;');
    for (const stage of graph.stages.filter((candidate) => candidate.dockerfile === dockerfile.path)) {
      const attributes = [`label=${quote(stage.deadEnd ? `${stage.label}\n(dead end)` : stage.label)}`];
      if (stage.deadEnd) attributes.push('fillcolor="#ffebee"', 'color="#f44336"', 'penwidth=2', 'style="rounded,filled,dashed"');
      else if (stage.final || stage.services.length) attributes.push('fillcolor="#e8f5e8"');
      out.push(`    ${stage.id} [${attributes.join(', ')}];`);
    }
    out.push('  }');
  });
  for (const service of graph.services) out.push(`  ${service.id} [label=${quote(`${service.name} service`)}, shape=component, style=filled, fillcolor="#fff3e0"];`);
  for (const service of graph.services.filter((candidate) => !candidate.stageId)) {
    out.push(`  missing_${service.id} [label=${quote(`no stage "${service.target}"`)}, style="filled,dashed", fillcolor="#ffebee", color="#f44336"];`);
    out.push(`  missing_${service.id} -> ${service.id} [label="compose target", style=dashed];`);
  }
  for (const edge of graph.edges) {
    // An edge through a build arg is one of several possible: dashed, labelled with the reference.
    const style = edge.via ? ` [label=${quote(edge.kind === 'FROM' ? edge.via : `${edge.kind} ${edge.via}`)}, style=dashed]` : EDGE_STYLE[edge.kind];
    out.push(`  ${edge.from} -> ${edge.to}${style};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
