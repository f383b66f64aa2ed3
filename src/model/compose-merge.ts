import type { ComposeEntry, ComposeMap, ComposePath, ComposeScalar, ComposeSeq, ComposeValue, Origin } from './compose-tree.js';

/**
 * The compose-spec merge rules (13-merge.md, as compose-go's override package applies them):
 * mappings merge key by key, sequences append, scalars are replaced; some attributes have their
 * own rule (below); `!override` replaces, `!reset` removes. After merging, sequences whose items
 * have a unique key keep one item per key, the last written winning in the first one's place.
 */

type Merger = (base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]) => ComposeValue;

export interface MergeProblem {
  origin: Origin;
  message: string;
}

const TO_SEQUENCE = [
  'networks.*.labels',
  'volumes.*.labels',
  'services.*.annotations',
  'services.*.build.args',
  'services.*.build.additional_contexts',
  'services.*.build.labels',
  'services.*.deploy.labels',
  'services.*.dns',
  'services.*.dns_opt',
  'services.*.dns_search',
  'services.*.env_file',
  'services.*.label_file',
  'services.*.environment',
  'services.*.labels',
  'services.*.volumes.*.volume.labels',
  'services.*.sysctls',
  'services.*.tmpfs',
];

const SPECIAL: [string, Merger][] = [
  ...TO_SEQUENCE.map((pattern): [string, Merger] => [pattern, mergeToSequence]),
  ['services.*.build.extra_hosts', mergeExtraHosts],
  ['services.*.extra_hosts', mergeExtraHosts],
  ['services.*.command', replace],
  ['services.*.entrypoint', replace],
  ['services.*.healthcheck.test', replace],
  ['services.*.build', mergeBuild],
  ['services.*.depends_on', mergeDependsOn],
  ['services.*.models', mergeAsMapping],
  ['services.*.networks', mergeAsMapping],
  ['services.*.logging', mergeLogging],
  ['services.*.ulimits.*', mergeUlimit],
];

export function pathMatches(path: ComposePath, pattern: string): boolean {
  const parts = pattern.split('.');
  if (parts.length !== path.length) return false;
  return parts.every((part, index) => part === '*' || part === String(path[index]));
}

/** Merge `override` into `base` (both are consumed: pass clones when the inputs are reused). */
export function mergeValues(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  if (override.tag === 'override' || override.tag === 'reset') return override;
  if (base.kind === 'map' && override.kind === 'map') [base, override] = withoutResets(base, override);
  for (const [pattern, merger] of SPECIAL) if (pathMatches(path, pattern)) return merger(base, override, path, problems);
  if (override.kind === 'scalar' && override.value === null) return base;
  if (base.kind === 'map') {
    if (override.kind !== 'map') return conflict(base, override, path, problems);
    return mergeMappings(base, override, path, problems);
  }
  if (base.kind === 'seq') {
    if (override.kind !== 'seq') return conflict(base, override, path, problems);
    return { ...base, items: [...base.items, ...override.items] };
  }
  return override;
}

/** Keys an override resets (`KEY: !reset null`) leave both sides before any merge rule applies. */
function withoutResets(base: ComposeMap, override: ComposeMap): [ComposeMap, ComposeMap] {
  const reset = [...override.entries.values()].filter((entry) => entry.value.tag === 'reset').map((entry) => entry.key);
  if (!reset.length) return [base, override];
  const keep = (map: ComposeMap): ComposeMap => ({ ...map, entries: new Map([...map.entries].filter(([key]) => !reset.includes(key))) });
  return [keep(base), keep(override)];
}

function conflict(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  const kind = (value: ComposeValue) => (value.kind === 'map' ? 'a mapping' : value.kind === 'seq' ? 'a list' : 'a single value');
  problems.push({ origin: override.origin, message: `cannot merge \`${path.join('.')}\`: ${base.origin.file.displayPath} writes ${kind(base)}, ${override.origin.file.displayPath} ${kind(override)}` });
  return override;
}

export function mergeMappings(base: ComposeMap, override: ComposeMap, path: ComposePath, problems: MergeProblem[]): ComposeMap {
  const entries = new Map(base.entries);
  for (const [key, entry] of override.entries) {
    const existing = entries.get(key);
    if (entry.value.tag === 'reset') {
      entries.delete(key);
      continue;
    }
    if (!existing) {
      entries.set(key, entry);
      continue;
    }
    entries.set(key, { key, keyOrigin: existing.keyOrigin, value: mergeValues(existing.value, entry.value, [...path, key], problems) });
  }
  return { ...base, entries };
}

function replace(_base: ComposeValue, override: ComposeValue): ComposeValue {
  return override;
}

/** `KEY: value` mappings become `KEY=value` items so a list in one file and a mapping in another merge. */
function toSequence(value: ComposeValue): ComposeSeq {
  if (value.kind === 'seq') return value;
  if (value.kind === 'scalar') return { kind: 'seq', items: value.value === null ? [] : [value], origin: value.origin };
  const items: ComposeScalar[] = [];
  for (const entry of value.entries.values()) {
    const values = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
    for (const item of values) {
      const text = item.kind === 'scalar' ? item.value : null;
      items.push({ kind: 'scalar', value: text === null ? entry.key : `${entry.key}=${text}`, origin: text === null ? entry.keyOrigin : item.origin });
    }
  }
  items.sort((a, b) => (String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0));
  return { kind: 'seq', items, origin: value.origin };
}

function mergeToSequence(base: ComposeValue, override: ComposeValue): ComposeValue {
  const left = toSequence(base);
  return { ...left, items: [...left.items, ...toSequence(override).items] };
}

function mergeExtraHosts(base: ComposeValue, override: ComposeValue): ComposeValue {
  const left = toSequence(base);
  const seen = new Set(left.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '')));
  return { ...left, items: [...left.items, ...toSequence(override).items.filter((item) => !(item.kind === 'scalar' && seen.has(String(item.value))))] };
}

/** `build: ./dir` is `build: { context: ./dir }`. */
function mergeBuild(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  return mergeMappings(asMapping(base, 'context'), asMapping(override, 'context'), path, problems);
}

function asMapping(value: ComposeValue, scalarKey: string): ComposeMap {
  if (value.kind === 'map') return value;
  if (value.kind === 'scalar') return { kind: 'map', entries: new Map([[scalarKey, { key: scalarKey, keyOrigin: value.origin, value }]]), origin: value.origin };
  return listToMapping(value, null);
}

/** `[a, b]` → `{ a: defaults, b: defaults }`, each entry pointing at its list item. */
function listToMapping(value: ComposeValue, defaults: Record<string, string | boolean> | null): ComposeMap {
  if (value.kind === 'map') return value;
  const entries = new Map<string, ComposeEntry>();
  const items = value.kind === 'seq' ? value.items : [value];
  for (const item of items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const key = String(item.value);
    const body: ComposeValue = defaults
      ? {
          kind: 'map',
          entries: new Map(Object.entries(defaults).map(([name, fixed]) => [name, { key: name, keyOrigin: item.origin, value: { kind: 'scalar', value: fixed, origin: item.origin } }])),
          origin: item.origin,
        }
      : { kind: 'scalar', value: null, origin: item.origin };
    entries.set(key, { key, keyOrigin: item.origin, value: body });
  }
  return { kind: 'map', entries, origin: value.origin };
}

function mergeDependsOn(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  const defaults = { condition: 'service_started', required: true };
  return mergeMappings(listToMapping(base, defaults), listToMapping(override, defaults), path, problems);
}

function mergeAsMapping(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  return mergeMappings(listToMapping(base, null), listToMapping(override, null), path, problems);
}

/** Logging options merge only when both files name the same driver (or one names none). */
function mergeLogging(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  if (base.kind !== 'map' || override.kind !== 'map') return override;
  const driver = (value: ComposeMap) => {
    const entry = value.entries.get('driver');
    return entry?.value.kind === 'scalar' ? entry.value.value : undefined;
  };
  const baseDriver = driver(base);
  const overrideDriver = driver(override);
  if (baseDriver === undefined || overrideDriver === undefined || baseDriver === overrideDriver) return mergeMappings(base, override, path, problems);
  return override;
}

function mergeUlimit(base: ComposeValue, override: ComposeValue, path: ComposePath, problems: MergeProblem[]): ComposeValue {
  if (base.kind === 'map' && override.kind === 'map') return mergeMappings(base, override, path, problems);
  return override;
}

// --- Uniqueness after the merge ---

type Indexer = (item: ComposeValue) => string | null;

const keyValue: Indexer = (item) => (item.kind === 'scalar' && item.value !== null ? String(item.value).split('=')[0]! : null);

const volumeTarget: Indexer = (item) => {
  if (item.kind === 'map') return mapText(item, 'target');
  if (item.kind !== 'scalar' || typeof item.value !== 'string') return null;
  return parseVolumeTarget(item.value);
};

const deviceTarget: Indexer = (item) => {
  if (item.kind === 'map') return mapText(item, 'target');
  if (item.kind !== 'scalar' || item.value === null) return null;
  const parts = String(item.value).split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
};

const exposeKey: Indexer = (item) => (item.kind === 'scalar' && item.value !== null ? String(item.value) : null);

const mountTarget =
  (defaultPath: string): Indexer =>
  (item) => {
    if (item.kind === 'scalar' && item.value !== null) return `${defaultPath}/${item.value}`;
    if (item.kind === 'map') return mapText(item, 'target') ?? `${defaultPath}/${mapText(item, 'source') ?? ''}`;
    return null;
  };

const portKey: Indexer = (item) => {
  if (item.kind === 'scalar') return item.value === null ? null : String(item.value);
  if (item.kind !== 'map') return null;
  return `${mapText(item, 'host_ip') ?? '0.0.0.0'}:${mapText(item, 'published') ?? ''}:${mapText(item, 'target') ?? ''}/${mapText(item, 'protocol') ?? 'tcp'}`;
};

const envFileKey: Indexer = (item) => (item.kind === 'scalar' && item.value !== null ? String(item.value) : item.kind === 'map' ? mapText(item, 'path') : null);

const UNIQUE: [string, Indexer][] = [
  ['networks.*.labels', keyValue],
  ['networks.*.ipam.options', keyValue],
  ['services.*.annotations', keyValue],
  ['services.*.build.args', keyValue],
  ['services.*.build.additional_contexts', keyValue],
  ['services.*.build.platforms', keyValue],
  ['services.*.build.tags', keyValue],
  ['services.*.build.labels', keyValue],
  ['services.*.cap_add', keyValue],
  ['services.*.cap_drop', keyValue],
  ['services.*.configs', mountTarget('')],
  ['services.*.deploy.labels', keyValue],
  ['services.*.dns', keyValue],
  ['services.*.dns_opt', keyValue],
  ['services.*.dns_search', keyValue],
  ['services.*.environment', keyValue],
  ['services.*.env_file', envFileKey],
  ['services.*.expose', exposeKey],
  ['services.*.labels', keyValue],
  ['services.*.links', keyValue],
  ['services.*.networks.*.aliases', keyValue],
  ['services.*.networks.*.link_local_ips', keyValue],
  ['services.*.ports', portKey],
  ['services.*.profiles', keyValue],
  ['services.*.secrets', mountTarget('/run/secrets')],
  ['services.*.sysctls', keyValue],
  ['services.*.tmpfs', keyValue],
  ['services.*.volumes', volumeTarget],
  ['services.*.devices', deviceTarget],
];

/** Keep one item per unique key in the sequences that have one: the last one, in the first one's place. */
export function enforceUniqueness(value: ComposeValue, path: ComposePath = []): ComposeValue {
  if (value.kind === 'map') {
    for (const [key, entry] of value.entries) {
      const unique = enforceUniqueness(entry.value, [...path, key]);
      if (unique !== entry.value) value.entries.set(key, { ...entry, value: unique });
    }
    return value;
  }
  if (value.kind !== 'seq') return value;
  const indexer = UNIQUE.find(([pattern]) => pathMatches(path, pattern))?.[1];
  if (!indexer) return value;
  const items: ComposeValue[] = [];
  const positions = new Map<string, number>();
  for (const item of value.items) {
    const key = indexer(item);
    const at = key === null ? undefined : positions.get(key);
    if (at !== undefined) items[at] = item;
    else {
      if (key !== null) positions.set(key, items.length);
      items.push(item);
    }
  }
  return items.length === value.items.length ? value : { ...value, items };
}

/** Drop values still tagged `!reset` (a reset in the first file resets to nothing). */
export function dropResets(value: ComposeValue): void {
  if (value.kind === 'map') {
    for (const [key, entry] of [...value.entries]) {
      if (entry.value.tag === 'reset') value.entries.delete(key);
      else dropResets(entry.value);
    }
  } else if (value.kind === 'seq') {
    value.items = value.items.filter((item) => item.tag !== 'reset');
    for (const item of value.items) dropResets(item);
  }
}

function mapText(value: ComposeMap, key: string): string | null {
  const entry = value.entries.get(key);
  return entry?.value.kind === 'scalar' && entry.value.value !== null ? String(entry.value.value) : null;
}

/** Container path of a short volume (`src:dst[:mode]`, `dst`, Windows `C:\src:dst`). */
export function parseVolumeTarget(spec: string): string {
  const parts = splitVolume(spec);
  if (parts.length === 1) return parts[0]!;
  return parts[1]!;
}

/** Split a short volume spec on `:`, keeping Windows drive letters (`C:\x`, `c:/x`) whole. */
export function splitVolume(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === ':' && !(current.length === 1 && /[A-Za-z]/.test(current) && /[\\/]/.test(spec[i + 1] ?? ''))) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
