import type { CleanLine } from './log-lines.js';
import type { BuildStep } from './log-types.js';
import { MAX_OUTPUT_LINES } from './parse-plain.js';
import { parseStepName, servicesInNames } from './step-name.js';

/** One vertex of BuildKit's SolveStatus, as `--progress=rawjson` prints it. */
interface RawVertex {
  digest?: string;
  name?: string;
  cached?: boolean;
  started?: string;
  completed?: string;
  error?: string;
}

interface RawLogChunk {
  vertex?: string;
  data?: string;
}

interface RawStatus {
  vertexes?: RawVertex[];
  logs?: RawLogChunk[];
}

/** `Digest` → `digest`: BuildKit before v0.13 marshalled SolveStatus without JSON tags. */
function lowerKeys<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => lowerKeys(item)) as T;
  if (typeof value !== 'object' || value === null) return value as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), Array.isArray(item) ? lowerKeys(item) : item])) as T;
}

/** True when the line is one of rawjson's status objects. */
export function isRawJsonLine(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    const value = lowerKeys<unknown>(JSON.parse(text));
    return typeof value === 'object' && value !== null && ('vertexes' in value || 'statuses' in value || 'logs' in value);
  } catch {
    return false;
  }
}

/** Parse `--progress=rawjson` output: one JSON SolveStatus per line; updates to a vertex repeat its digest. */
export function parseRawJsonLog(lines: CleanLine[]): { steps: BuildStep[]; services: string[]; warnings: string[] } {
  const vertexes = new Map<string, { vertex: RawVertex; line: number; output: string[]; partial: string }>();
  const warnings: string[] = [];
  for (const line of lines) {
    if (!line.text.startsWith('{')) continue;
    let status: RawStatus;
    try {
      status = lowerKeys<RawStatus>(JSON.parse(line.text));
    } catch {
      // A truncated last line is expected in a cut-off log; anything else is worth a note.
      warnings.push(`line ${line.line}: not valid JSON`);
      continue;
    }
    for (const vertex of status.vertexes ?? []) {
      if (!vertex.digest) continue;
      const known = vertexes.get(vertex.digest);
      if (known) Object.assign(known.vertex, definedFields(vertex));
      else vertexes.set(vertex.digest, { vertex: { ...vertex }, line: line.line, output: [], partial: '' });
    }
    for (const chunk of status.logs ?? []) {
      const known = chunk.vertex ? vertexes.get(chunk.vertex) : undefined;
      if (!known || typeof chunk.data !== 'string') continue;
      const text = known.partial + Buffer.from(chunk.data, 'base64').toString('utf8');
      const parts = text.split(/\r?\n/);
      known.partial = parts.pop()!;
      for (const part of parts) if (known.output.length < MAX_OUTPUT_LINES) known.output.push(part);
    }
  }
  const services = servicesInNames([...vertexes.values()].map((entry) => entry.vertex.name ?? ''));
  const steps: BuildStep[] = [];
  for (const [digest, { vertex, line, output, partial }] of vertexes) {
    const name = vertex.name ?? '';
    const parsed = parseStepName(name, services);
    if (partial && output.length < MAX_OUTPUT_LINES) output.push(partial);
    steps.push({
      id: digest,
      build: 0,
      digest,
      ...parsed,
      name,
      status: statusOf(vertex),
      duration: durationOf(vertex),
      error: vertex.error ?? null,
      output,
      line,
    });
  }
  return { steps, services: [...services], warnings };
}

function definedFields(vertex: RawVertex): Partial<RawVertex> {
  return Object.fromEntries(Object.entries(vertex).filter(([, value]) => value !== undefined && value !== null));
}

function statusOf(vertex: RawVertex): BuildStep['status'] {
  if (vertex.error) return /context canceled|cancel/i.test(vertex.error) ? 'canceled' : 'error';
  if (vertex.cached) return 'cached';
  if (vertex.completed) return 'done';
  return 'incomplete';
}

function durationOf(vertex: RawVertex): number | null {
  if (!vertex.started || !vertex.completed || vertex.cached) return null;
  const ms = Date.parse(vertex.completed) - Date.parse(vertex.started);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms) / 1000 : null;
}
