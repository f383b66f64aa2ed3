import { renderMermaid } from './render-mermaid.js';
import type { GraphStage, StageGraph } from './stage-graph.js';

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * A document section for an architecture page: the Mermaid graph, then per Dockerfile a table
 * of stages with their base, purpose (the comment above FROM), users and compose services.
 */
export function renderMarkdown(graph: StageGraph): string {
  const names = new Map<string, string>([...graph.stages.map((stage) => [stage.id, stage.label] as const), ...graph.services.map((service) => [service.id, service.name] as const)]);
  const out = ['## Build stages', '', '```mermaid', renderMermaid(graph).trimEnd(), '```', ''];
  for (const dockerfile of graph.dockerfiles) {
    out.push(`### ${code(dockerfile.path)}`, '', '| Stage | Base | Purpose | Used by | Compose services |', '|---|---|---|---|---|');
    for (const stage of graph.stages.filter((candidate) => candidate.dockerfile === dockerfile.path)) {
      out.push(`| ${code(stage.label)}${stage.final ? ' (final)' : ''} | ${code(stage.base)} | ${cell(stage.purpose ?? '')} | ${usedBy(stage, names)} | ${stage.services.map((id) => code(names.get(id)!)).join(', ') || '—'} |`);
    }
    out.push('');
  }
  const missing = graph.services.filter((service) => !service.stageId);
  if (missing.length) {
    out.push('Compose services whose `build.target` names no stage:', '');
    for (const service of missing) out.push(`- ${code(service.name)} (${code(service.compose)}): target ${code(service.target ?? '')} is not a stage of ${code(service.dockerfile)}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

function usedBy(stage: GraphStage, names: Map<string, string>): string {
  if (stage.deadEnd) return '❌ dead end: nothing uses it';
  const uses = stage.usedBy.map((use) => `${code(names.get(use.stageId)!)} (${use.how})`);
  if (stage.final && !uses.length) return 'final stage';
  return uses.join(', ') || '—';
}
