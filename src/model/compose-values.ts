import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { aliasTarget } from './compose-tree.js';
import { interpolateCompose, type ComposeFileModel, type ComposeService } from './compose.js';
import type { Project } from './project.js';
import { derivedOnce } from './derived.js';

/**
 * Reading compose values the way Compose does, in one file: aliases followed, `<<: *anchor`
 * merge keys looked through, `extends:` followed. Plus the sibling files of the same directory
 * (compose.yaml + compose.override.yaml) that Compose merges, for rules that ask "is this key
 * set anywhere?" and must not fire on a partial override.
 */

const MAX_DEPTH = 20;

/** A key found in a mapping: the key node (for positions) and its value with aliases followed. */
export interface Entry {
  key: Scalar;
  value: Node | null;
  /** The document the entry is in (a sibling file's, or the one `extends` points into). */
  document: Document;
}

/** Follow `*alias` to the anchored node. */
export function resolveAlias(document: Document, node: unknown): Node | null {
  let current: unknown = node;
  for (let hops = 0; isAlias(current) && hops < MAX_DEPTH; hops++) current = aliasTarget(document, current);
  if (current === undefined || current === null || isAlias(current)) return null;
  return current as Node;
}

/** The mapping behind a node (through aliases), or null. */
export function asMap(document: Document, node: unknown): YAMLMap | null {
  const resolved = resolveAlias(document, node);
  return isMap(resolved) ? (resolved as YAMLMap) : null;
}

/** A scalar's value as text (numbers and booleans as written by `String`), or null. */
export function scalarText(document: Document, node: unknown): string | null {
  const resolved = resolveAlias(document, node);
  return isScalar(resolved) && resolved.value !== null && resolved.value !== undefined ? String(resolved.value) : null;
}

/** A key of a mapping, looking through `<<` merge keys (own keys win, then merges in order). */
export function mapEntry(document: Document, map: YAMLMap | null, key: string, depth = 0): Entry | null {
  if (!map || depth > MAX_DEPTH) return null;
  const own = (map.items as Pair<unknown, unknown>[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  if (own) return { key: own.key as Scalar, value: resolveAlias(document, own.value), document };
  for (const merged of mergeSources(document, map)) {
    const found = mapEntry(document, merged, key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The mappings a `<<` key merges in: `<<: *a` or `<<: [*a, *b]`. */
function mergeSources(document: Document, map: YAMLMap): YAMLMap[] {
  const merge = (map.items as Pair<unknown, unknown>[]).find((pair) => isScalar(pair.key) && pair.key.value === '<<');
  if (!merge) return [];
  const value = merge.value;
  const candidates = isSeq(value) ? value.items : [value];
  return candidates.map((candidate) => asMap(document, candidate)).filter((candidate): candidate is YAMLMap => candidate !== null);
}

/** The value of `mapping.a.b.c` through aliases and merge keys. */
export function pathValue(document: Document, map: YAMLMap | null, keys: string[]): Node | null {
  let current: YAMLMap | null = map;
  let value: Node | null = null;
  for (const [index, key] of keys.entries()) {
    const entry = mapEntry(document, current, key);
    if (!entry) return null;
    value = entry.value;
    if (index < keys.length - 1) current = isMap(value) ? (value as YAMLMap) : null;
  }
  return value;
}

/** Where `extends:` points: the service it extends, `'unknown'` when that cannot be found, or null. */
export function extendedService(project: Project, service: ComposeService): ComposeService | 'unknown' | null {
  const document = service.compose.document;
  const entry = mapEntry(document, service.node, 'extends');
  if (!entry) return null;
  let name: string | null = null;
  let file: string | null = null;
  if (isScalar(entry.value)) name = scalarText(document, entry.value);
  else if (isMap(entry.value)) {
    name = scalarText(document, (entry.value as YAMLMap).get('service', true));
    file = scalarText(document, (entry.value as YAMLMap).get('file', true));
  }
  if (!name) return 'unknown';
  let compose: ComposeFileModel | null = service.compose;
  if (file) {
    const target = path.resolve(path.dirname(service.compose.file.path), interpolateCompose(file, service.compose.environment).value);
    const model = project.files.get(target);
    compose = model?.kind === 'compose' ? model : null;
  }
  const found = compose?.services.find((candidate) => candidate.name === name);
  if (!found || found === service) return 'unknown';
  return found;
}

/**
 * A key of a service as Compose resolves it in one file: own keys, `<<` merges, then `extends`.
 * `'unknown'` when the service extends something outside the model (the key may be there).
 */
export function serviceEntry(project: Project, service: ComposeService, key: string): Entry | null | 'unknown' {
  let current: ComposeService = service;
  const seen = new Set<ComposeService>();
  while (!seen.has(current)) {
    seen.add(current);
    const found = mapEntry(current.compose.document, current.node, key);
    if (found) return found;
    const parent = extendedService(project, current);
    if (parent === null) return null;
    if (parent === 'unknown') return 'unknown';
    current = parent;
  }
  return null;
}

const BASE_NAMES = new Set(['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']);

/** `compose.yaml` and `docker-compose.yml`: the files Compose reads first, which overrides extend. */
export function isBaseComposeFile(compose: ComposeFileModel): boolean {
  return BASE_NAMES.has(path.basename(compose.file.path).toLowerCase());
}

// Services by directory and name, built once per project: rules ask for every service, often.
const definitionIndex = new WeakMap<Project, Map<string, ComposeService[]>>();

/** Every definition of this service in the compose files of its directory (itself first). */
export function serviceDefinitions(project: Project, service: ComposeService): ComposeService[] {
  const index = derivedOnce(definitionIndex, project, () => {
    const byKey = new Map<string, ComposeService[]>();
    for (const compose of project.composeFiles) {
      for (const candidate of compose.services) {
        const key = `${path.dirname(compose.file.path)}\0${candidate.name}`;
        byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
      }
    }
    return byKey;
  });
  const all = index.get(`${path.dirname(service.compose.file.path)}\0${service.name}`) ?? [];
  return [service, ...all.filter((candidate) => candidate !== service)];
}

/**
 * The definition that speaks for a service defined in several sibling files: the one in the base
 * file (`compose.yaml`), else the first by path. Rules about missing keys report only there.
 */
export function isPrimaryDefinition(project: Project, service: ComposeService): boolean {
  const definitions = serviceDefinitions(project, service);
  if (definitions.length === 1) return true;
  const base = definitions.find((definition) => isBaseComposeFile(definition.compose));
  if (base) return base === service;
  const first = [...definitions].sort((a, b) => (a.compose.file.path < b.compose.file.path ? -1 : 1))[0];
  return first === service;
}

/**
 * A key as set in each definition of the service (sibling overrides, merges, extends), which
 * Compose merges. `unknown` when some definition extends a service outside the model.
 */
export function definitionEntries(project: Project, service: ComposeService, key: string): { entries: Entry[]; unknown: boolean } {
  const entries: Entry[] = [];
  let unknown = false;
  for (const definition of serviceDefinitions(project, service)) {
    const found = serviceEntry(project, definition, key);
    if (found === 'unknown') unknown = true;
    else if (found) entries.push(found);
  }
  return { entries, unknown };
}

/** A key set in any definition of the service: what a rule asking "does this service set X?" needs. */
export function anyDefinitionEntry(project: Project, service: ComposeService, key: string): Entry | null | 'unknown' {
  const { entries, unknown } = definitionEntries(project, service, key);
  return entries[0] ?? (unknown ? 'unknown' : null);
}

/** Interpolated scalar text of an entry's value; null when it is not a scalar or has unresolved variables. */
export function entryText(compose: ComposeFileModel, entry: Entry | null | 'unknown'): string | null {
  if (!entry || entry === 'unknown') return null;
  const text = scalarText(entry.document, entry.value);
  if (text === null) return null;
  const expansion = interpolateCompose(text, compose.environment);
  return expansion.unresolved.length || expansion.required.length ? null : expansion.value;
}

/** Services that never run together: each sits only in profiles the other is not in. */
export function neverRunTogether(a: ComposeService, b: ComposeService): boolean {
  return a.profiles.length > 0 && b.profiles.length > 0 && !a.profiles.some((profile) => b.profiles.includes(profile));
}

/** A mapping's pairs and their key names; null when a key is not a plain scalar (`? [a, b]`). */
export function mappingKeys(map: YAMLMap | null): { pairs: Pair<Scalar, unknown>[]; keys: string[] } | null {
  if (!map) return null;
  const pairs = map.items as Pair<unknown, unknown>[];
  if (!pairs.every((pair) => isScalar(pair.key))) return null;
  return { pairs: pairs as Pair<Scalar, unknown>[], keys: pairs.map((pair) => String((pair.key as Scalar).value)) };
}
