import path from 'node:path';
import type { ComposeFileModel, ComposeService } from './compose.js';
import { dropResets, enforceUniqueness, mergeMappings, type MergeProblem } from './compose-merge.js';
import { cloneValue, interpolateTree, scalarText, toComposeTree, toPlain, valueAt, type ComposeEntry, type ComposeMap, type ComposePath, type ComposeValue, type InterpolationResult, type Origin } from './compose-tree.js';
import type { EnvFileModel } from './env-file.js';
import { toDisplayPath } from './source.js';

/** How compose projects are formed: the `-f` file sets, `--env-file`, `--profile`, the process environment. */
export interface ComposeOptions {
  /** Explicit file sets (`-f a.yml -f b.yml` is one set), absolute paths. */
  fileSets?: string[][];
  /** `--env-file` files (absolute); when given they replace the `.env` of the project directory. */
  envFiles?: string[];
  /** Active profiles; when absent, `COMPOSE_PROFILES` from the environment, else none. */
  profiles?: string[];
  /** Let the process environment override env files (as compose does); off by default so results are reproducible. */
  useProcessEnv?: boolean;
  processEnv?: Record<string, string | undefined>;
}

export interface ComposeProblem {
  origin: Origin;
  message: string;
}

/** Where a relative path in the model is resolved from and what was written. */
export interface ComposeProjectBuild {
  /** Absolute context directory; null for remote contexts (git URLs, `https://`). */
  contextDir: string | null;
  /** Absolute Dockerfile path; null with `dockerfile_inline` or a remote context. */
  dockerfilePath: string | null;
  target: string | null;
  origin: Origin;
  contextOrigin: Origin | null;
  dockerfileOrigin: Origin | null;
  targetOrigin: Origin | null;
}

export interface ComposeProjectDependency {
  service: string;
  condition: string;
  required: boolean;
  /** The list item or mapping key naming the dependency. */
  origin: Origin;
  conditionOrigin: Origin | null;
}

/** A service of the merged project: what `docker compose config` shows, with where each value came from. */
export interface ComposeProjectService {
  name: string;
  project: ComposeProject;
  /** The merged, interpolated service mapping. */
  value: ComposeMap;
  /** The key naming the service in the first file that defines it: where findings about the whole service point. */
  keyOrigin: Origin;
  /** The per-file definitions merged into this service (files in order, `extends` bases first). */
  definitions: ComposeService[];
  /** Value of a service attribute. */
  get(key: string): ComposeValue | null;
  /** Value at a path below the service (`['build', 'target']`). */
  at(path: ComposePath): ComposeValue | null;
  image: string | null;
  imageOrigin: Origin | null;
  build: ComposeProjectBuild | null;
  profiles: string[];
  dependsOn: ComposeProjectDependency[];
  /** Enabled under the project's active profiles. */
  active: boolean;
  /** Directory that relative paths of this value resolve from (the project directory, an included project's, an extended file's). */
  baseDirOf(value: ComposeValue | null): string;
}

export interface ComposeProject {
  /** Project name: top-level `name`, COMPOSE_PROJECT_NAME, or the directory name. */
  name: string;
  /** Project directory: relative paths resolve from here. */
  directory: string;
  /**
   * How the file set was chosen: named (`--compose-file`, `settings.compose.files`), the directory's
   * default (`compose.yaml` + override, COMPOSE_FILE), an overlay guessed to go with the default base,
   * or a single file on its own. Guessed sets (overlay, single) may lack layers the team adds with `-f`.
   */
  fileSet: 'explicit' | 'default' | 'overlay' | 'single';
  /** The files given (`-f` order), then the files they include. */
  files: ComposeFileModel[];
  included: ComposeFileModel[];
  /** The variables used for interpolation and where they came from (later sources win). */
  environment: Record<string, string>;
  environmentFiles: EnvFileModel[];
  activeProfiles: string[];
  /** The merged, interpolated model (before compose's normalization: short syntax stays short). */
  model: ComposeMap;
  services: ComposeProjectService[];
  service(name: string): ComposeProjectService | undefined;
  /** Is the service enabled under these profiles (default: the active ones)? */
  isActive(service: ComposeProjectService, profiles?: string[]): boolean;
  /** Merge, extends, include and interpolation errors: what `docker compose config` would refuse. */
  problems: ComposeProblem[];
  interpolation: InterpolationResult;
  /** Plain JavaScript value of the merged model. */
  toJS(): Record<string, unknown>;
}

/** What the loader needs from the project builder: cached file models by absolute path. */
export interface ComposeFileSource {
  compose(absolutePath: string): ComposeFileModel | null;
  env(absolutePath: string): EnvFileModel | null;
}

export const DEFAULT_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_NAMES: Record<string, string[]> = {
  'compose.yaml': ['compose.override.yaml', 'compose.override.yml'],
  'compose.yml': ['compose.override.yml', 'compose.override.yaml'],
  'docker-compose.yaml': ['docker-compose.override.yaml', 'docker-compose.override.yml'],
  'docker-compose.yml': ['docker-compose.override.yml', 'docker-compose.override.yaml'],
};
const RESOURCE_SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs', 'models'];
const REMOTE_CONTEXT = /^(https?:\/\/|git@|git:\/\/|github\.com\/|ssh:\/\/)/;
const MAX_EXTENDS_DEPTH = 64;
/** `oci://…`, git URLs, compose-go's test `remote:` loader: resources we cannot read offline. */
const REMOTE_RESOURCE = /^([a-z][a-z0-9+.-]+:|git@)/i;
const MAX_INCLUDE_DEPTH = 32;

/** Values whose relative paths resolve from a directory other than the project's. */
type BaseDirs = WeakMap<ComposeValue, string>;

export class ComposeProjectLoader {
  constructor(
    private readonly source: ComposeFileSource,
    private readonly options: ComposeOptions = {},
  ) {}

  /** The default file set of a directory: `compose.yaml` (or its older names) plus its override file. */
  defaultFiles(directory: string): string[] {
    const env = this.source.env(path.join(directory, '.env'));
    const fromEnv = env?.values.COMPOSE_FILE;
    if (fromEnv) {
      const separator = env.values.COMPOSE_PATH_SEPARATOR || (process.platform === 'win32' ? ';' : ':');
      return fromEnv.split(separator).filter(Boolean).map((file) => path.resolve(directory, file));
    }
    for (const name of DEFAULT_COMPOSE_FILES) {
      const base = path.join(directory, name);
      if (!this.source.compose(base)) continue;
      const override = OVERRIDE_NAMES[name]!.map((candidate) => path.join(directory, candidate)).find((candidate) => this.source.compose(candidate));
      return override ? [base, override] : [base];
    }
    return [];
  }

  /** Load the project that `docker compose -f files[0] -f files[1] …` would see. */
  load(files: string[], projectDirectory: string = path.dirname(files[0]!), fileSet: ComposeProject['fileSet'] = 'explicit'): ComposeProject | null {
    const models = files.map((file) => this.source.compose(file)).filter((model): model is ComposeFileModel => model !== null);
    if (!models.length) return null;
    const { environment, files: environmentFiles } = this.environmentFor(projectDirectory);
    const state = new LoadState(this.source, environment);
    const merged = state.loadFiles(models, projectDirectory, [], 0);
    const profilesFromEnv = environment.COMPOSE_PROFILES?.split(',').map((profile) => profile.trim()).filter(Boolean);
    const activeProfiles = this.options.profiles ?? profilesFromEnv ?? [];
    const nameValue = scalarText(merged.entries.get('name')?.value);
    const name = normalizeProjectName(nameValue ?? environment.COMPOSE_PROJECT_NAME ?? path.basename(projectDirectory));
    const project: ComposeProject = {
      name,
      fileSet,
      directory: projectDirectory,
      files: models,
      included: state.included,
      environment,
      environmentFiles,
      activeProfiles,
      model: merged,
      services: [],
      service: (serviceName) => project.services.find((service) => service.name === serviceName),
      isActive: (service, profiles = activeProfiles) => isServiceActive(service.profiles, profiles),
      problems: state.problems,
      interpolation: state.interpolation,
      toJS: () => toPlain(merged) as Record<string, unknown>,
    };
    const services = merged.entries.get('services')?.value;
    if (services?.kind === 'map') {
      for (const entry of services.entries.values()) {
        if (entry.value.kind !== 'map') continue;
        project.services.push(toProjectService(project, entry, state.definitionsOf(entry.value), state.baseDirs));
      }
    }
    return project;
  }

  /** Env files of the project (`--env-file`, else `.env` in the project directory), then the process environment when allowed. */
  private environmentFor(directory: string): { environment: Record<string, string>; files: EnvFileModel[] } {
    const paths = this.options.envFiles?.length ? this.options.envFiles : [path.join(directory, '.env')];
    const files = paths.map((file) => this.source.env(file)).filter((model): model is EnvFileModel => model !== null);
    const environment: Record<string, string> = {};
    for (const file of files) Object.assign(environment, file.values);
    if (this.options.useProcessEnv) {
      for (const [key, value] of Object.entries(this.options.processEnv ?? process.env)) if (value !== undefined) environment[key] = value;
    }
    return { environment, files };
  }
}

export function isServiceActive(serviceProfiles: string[], activeProfiles: string[]): boolean {
  if (!serviceProfiles.length) return true;
  return activeProfiles.includes('*') || serviceProfiles.some((profile) => activeProfiles.includes(profile));
}

function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** One project load: files, includes and extends share its environment, problems and bookkeeping. */
class LoadState {
  readonly problems: ComposeProblem[] = [];
  readonly interpolation: InterpolationResult = { unresolved: [], required: [], invalid: [] };
  readonly included: ComposeFileModel[] = [];
  readonly baseDirs: BaseDirs = new WeakMap();
  /** Per-file service definitions that went into each merged service mapping. */
  private readonly definitions = new WeakMap<ComposeValue, ComposeService[]>();

  constructor(
    private readonly source: ComposeFileSource,
    private readonly environment: Record<string, string>,
  ) {}

  definitionsOf(value: ComposeValue): ComposeService[] {
    return this.definitions.get(value) ?? [];
  }

  /** Read one file into an interpolated tree (a fresh tree per load: interpolation writes into it). */
  private tree(model: ComposeFileModel, environment: Record<string, string>): ComposeMap | null {
    if (model.problems.length) return null;
    const treeProblems: { origin: Origin; message: string }[] = [];
    const tree = toComposeTree(model.file, model.document, treeProblems);
    this.problems.push(...treeProblems);
    if (!tree) return null;
    interpolateTree(tree, (name) => (Object.prototype.hasOwnProperty.call(environment, name) ? environment[name] : undefined), this.interpolation);
    // Each service mapping remembers the per-file definition it came from.
    const services = tree.entries.get('services')?.value;
    if (services?.kind === 'map') {
      for (const [name, entry] of services.entries) {
        const definition = model.services.find((service) => service.name === name);
        if (definition) this.definitions.set(entry.value, [definition]);
      }
    }
    return tree;
  }

  /** Merge files in order (each after its own `include` and `extends`), then enforce unique keys. */
  loadFiles(models: ComposeFileModel[], projectDirectory: string, includeStack: string[], depth: number, environment = this.environment): ComposeMap {
    let merged: ComposeMap | null = null;
    for (const model of models) {
      const tree = this.tree(model, environment);
      if (!tree) continue;
      this.applyIncludes(tree, model, projectDirectory, [...includeStack, model.file.path], depth);
      this.applyExtends(tree, model, environment);
      merged = merged ? this.mergeFile(merged, tree) : tree;
    }
    const result = merged ?? { kind: 'map' as const, entries: new Map(), origin: { file: models[0]!.file, node: null } };
    enforceUniqueness(result);
    dropResets(result);
    return result;
  }

  private mergeFile(base: ComposeMap, override: ComposeMap): ComposeMap {
    const problems: MergeProblem[] = [];
    const baseServices = base.entries.get('services')?.value;
    const overrideServices = override.entries.get('services')?.value;
    // Remember which definitions each merged service combines.
    const combined = new Map<string, ComposeService[]>();
    if (baseServices?.kind === 'map' && overrideServices?.kind === 'map') {
      for (const [name, entry] of overrideServices.entries) {
        const before = baseServices.entries.get(name)?.value;
        if (before) combined.set(name, [...this.definitionsOf(before), ...this.definitionsOf(entry.value)]);
      }
    }
    const merged = mergeMappings(base, override, [], problems);
    this.problems.push(...problems);
    const mergedServices = merged.entries.get('services')?.value;
    if (mergedServices?.kind === 'map') {
      for (const [name, definitions] of combined) {
        const value = mergedServices.entries.get(name)?.value;
        if (value) this.definitions.set(value, definitions);
      }
    }
    return merged;
  }

  // --- include ---

  private applyIncludes(tree: ComposeMap, model: ComposeFileModel, projectDirectory: string, stack: string[], depth: number): void {
    const include = tree.entries.get('include');
    if (!include) return;
    tree.entries.delete('include');
    const items = include.value.kind === 'seq' ? include.value.items : [include.value];
    const fileDirectory = this.baseDirs.get(tree) ?? projectDirectory;
    for (const item of items) {
      const spec = includeSpec(item);
      if (!spec) {
        this.problems.push({ origin: item.origin, message: '`include` entries must be a path or a mapping with `path`' });
        continue;
      }
      if (depth >= MAX_INCLUDE_DEPTH) {
        this.problems.push({ origin: item.origin, message: `includes nest deeper than ${MAX_INCLUDE_DEPTH} levels` });
        return;
      }
      if (spec.paths.some((file) => REMOTE_RESOURCE.test(file))) continue;
      const paths = spec.paths.map((file) => path.resolve(fileDirectory, file));
      const cycle = paths.find((file) => stack.includes(file));
      if (cycle) {
        this.problems.push({ origin: item.origin, message: `include cycle: ${[...stack, cycle].map((file) => path.basename(file)).join(' → ')}` });
        continue;
      }
      const models: ComposeFileModel[] = [];
      for (const [index, file] of paths.entries()) {
        const included = this.source.compose(file);
        if (!included) {
          const pathValue = item.kind === 'map' ? item.entries.get('path')?.value : null;
          const written = pathValue?.kind === 'seq' ? (pathValue.items[index] ?? pathValue) : (pathValue ?? item);
          this.problems.push({ origin: written.origin, message: `included file ${spec.paths[index]} does not exist or cannot be read (resolved to ${toDisplayPath(file)})` });
          continue;
        }
        if (!this.included.includes(included)) this.included.push(included);
        models.push(included);
      }
      if (!models.length) continue;
      const includedDirectory = spec.projectDirectory ? path.resolve(fileDirectory, spec.projectDirectory) : path.dirname(paths[0]!);
      // The included project reads its own env file; the including project's variables win.
      const envPaths = spec.envFiles.length ? spec.envFiles.map((file) => path.resolve(fileDirectory, file)) : [path.join(includedDirectory, '.env')];
      const environment: Record<string, string> = {};
      for (const envPath of envPaths) Object.assign(environment, this.source.env(envPath)?.values ?? {});
      Object.assign(environment, this.environment);
      const imported = this.loadFiles(models, includedDirectory, stack, depth + 1, environment);
      markBaseDir(imported, includedDirectory, this.baseDirs);
      this.importResources(tree, imported, item.origin);
    }
  }

  /** Add the included project's services, networks, volumes… to the including file; a name defined in both is an error. */
  private importResources(tree: ComposeMap, imported: ComposeMap, includeOrigin: Origin): void {
    for (const section of RESOURCE_SECTIONS) {
      const from = imported.entries.get(section)?.value;
      if (from?.kind !== 'map' || !from.entries.size) continue;
      let into = tree.entries.get(section);
      if (!into || into.value.kind !== 'map') {
        into = { key: section, keyOrigin: includeOrigin, value: { kind: 'map', entries: new Map(), origin: includeOrigin } };
        tree.entries.set(section, into);
      }
      const target = into.value as ComposeMap;
      for (const [name, entry] of from.entries) {
        const existing = target.entries.get(name);
        if (existing) {
          this.problems.push({ origin: existing.keyOrigin, message: `${section} "${name}" is also defined by the included file ${entry.keyOrigin.file.displayPath}: an included resource cannot be redefined (use an override file instead)` });
          continue;
        }
        target.entries.set(name, entry);
      }
    }
  }

  // --- extends ---

  private applyExtends(tree: ComposeMap, model: ComposeFileModel, environment: Record<string, string>): void {
    const services = tree.entries.get('services')?.value;
    if (services?.kind !== 'map') return;
    const fileTrees = new Map<string, ComposeMap | null>([[model.file.path, tree]]);
    const resolved = new Set<ComposeValue>();
    for (const [name, entry] of [...services.entries]) {
      const value = this.resolveExtends(name, entry, model, fileTrees, environment, [], resolved);
      if (value !== entry.value) services.entries.set(name, { ...entry, value });
    }
  }

  /** The service with its `extends` chain merged in (base first, the service's own values win). */
  private resolveExtends(
    name: string,
    entry: ComposeEntry,
    model: ComposeFileModel,
    fileTrees: Map<string, ComposeMap | null>,
    environment: Record<string, string>,
    chain: string[],
    resolved: Set<ComposeValue>,
  ): ComposeValue {
    const service = entry.value;
    if (service.kind !== 'map' || resolved.has(service)) return service;
    const extendsEntry = service.entries.get('extends');
    if (!extendsEntry) return service;
    const link = `${model.file.displayPath}:${name}`;
    const spec = extendsEntry.value;
    const baseName = spec.kind === 'scalar' ? scalarText(spec) : spec.kind === 'map' ? scalarText(spec.entries.get('service')?.value) : null;
    const baseFile = spec.kind === 'map' ? scalarText(spec.entries.get('file')?.value) : null;
    const fail = (message: string) => {
      this.problems.push({ origin: extendsEntry.value.origin, message });
      service.entries.delete('extends');
      return service;
    };
    if (!baseName) return fail('`extends` needs a service name (`extends: base` or `extends: { service: base, file: other.yaml }`)');
    if (chain.length >= MAX_EXTENDS_DEPTH) return fail(`\`extends\` chains deeper than ${MAX_EXTENDS_DEPTH} services`);
    const fileDirectory = this.baseDirs.get(service) ?? path.dirname(model.file.path);
    let baseModel = model;
    if (baseFile && REMOTE_RESOURCE.test(baseFile)) {
      service.entries.delete('extends');
      return service;
    }
    if (baseFile) {
      const absolute = path.resolve(fileDirectory, baseFile);
      const loaded = this.source.compose(absolute);
      if (!loaded) return fail(`cannot extend "${baseName}": file ${baseFile} does not exist or cannot be read`);
      baseModel = loaded;
    }
    const target = `${baseModel.file.displayPath}:${baseName}`;
    if (chain.includes(target) || target === link) return fail(`\`extends\` cycle: ${[...chain, link, target].join(' → ')}`);
    if (!fileTrees.has(baseModel.file.path)) fileTrees.set(baseModel.file.path, this.tree(baseModel, environment));
    const baseTree = fileTrees.get(baseModel.file.path);
    const baseServices = baseTree?.entries.get('services')?.value;
    const baseEntry = baseServices?.kind === 'map' ? baseServices.entries.get(baseName) : undefined;
    if (!baseEntry) return fail(`cannot extend "${baseName}": no such service in ${baseModel.file.displayPath}`);
    const baseValue = this.resolveExtends(baseName, baseEntry, baseModel, fileTrees, environment, [...chain, link], resolved);
    if (baseValue !== baseEntry.value && baseServices?.kind === 'map') baseServices.entries.set(baseName, { ...baseEntry, value: baseValue });
    if (baseValue.kind !== 'map') return fail(`cannot extend "${baseName}": it is not a mapping`);
    const base = cloneValue(baseValue);
    // Relative paths of a service from another file resolve from that file's directory.
    if (baseModel !== model) markBaseDir(base, this.baseDirs.get(baseValue) ?? path.dirname(baseModel.file.path), this.baseDirs);
    else copyBaseDirs(baseValue, base, this.baseDirs);
    const own: ComposeMap = { ...service, entries: new Map([...service.entries].filter(([key]) => key !== 'extends')) };
    const problems: MergeProblem[] = [];
    const merged = mergeMappings(base, own, ['services', name], problems);
    this.problems.push(...problems);
    this.definitions.set(merged, [...this.definitionsOf(baseValue), ...this.definitionsOf(service)]);
    const ownDirectory = this.baseDirs.get(service);
    if (ownDirectory) this.baseDirs.set(merged, ownDirectory);
    resolved.add(merged);
    return merged;
  }
}

function includeSpec(item: ComposeValue): { paths: string[]; projectDirectory: string | null; envFiles: string[] } | null {
  const strings = (value: ComposeValue | undefined | null) => (!value ? [] : value.kind === 'seq' ? value.items.map(scalarText).filter((text): text is string => text !== null) : [scalarText(value)].filter((text): text is string => text !== null));
  if (item.kind === 'scalar') return scalarText(item) ? { paths: [scalarText(item)!], projectDirectory: null, envFiles: [] } : null;
  if (item.kind !== 'map') return null;
  const paths = strings(item.entries.get('path')?.value);
  if (!paths.length) return null;
  return { paths, projectDirectory: scalarText(item.entries.get('project_directory')?.value), envFiles: strings(item.entries.get('env_file')?.value) };
}

/** Record `directory` as the base of every value below `value` that has none yet. */
function markBaseDir(value: ComposeValue, directory: string, baseDirs: BaseDirs): void {
  if (!baseDirs.has(value)) baseDirs.set(value, directory);
  if (value.kind === 'map') for (const entry of value.entries.values()) markBaseDir(entry.value, directory, baseDirs);
  else if (value.kind === 'seq') for (const item of value.items) markBaseDir(item, directory, baseDirs);
}

/** Carry base directories over to a clone. */
function copyBaseDirs(from: ComposeValue, to: ComposeValue, baseDirs: BaseDirs): void {
  const directory = baseDirs.get(from);
  if (directory) baseDirs.set(to, directory);
  if (from.kind === 'map' && to.kind === 'map') {
    for (const [key, entry] of from.entries) {
      const copy = to.entries.get(key);
      if (copy) copyBaseDirs(entry.value, copy.value, baseDirs);
    }
  } else if (from.kind === 'seq' && to.kind === 'seq') from.items.forEach((item, index) => to.items[index] && copyBaseDirs(item, to.items[index]!, baseDirs));
}

function toProjectService(project: ComposeProject, entry: ComposeEntry, definitions: ComposeService[], baseDirs: BaseDirs): ComposeProjectService {
  const value = entry.value as ComposeMap;
  const get = (key: string) => value.entries.get(key)?.value ?? null;
  const baseDirOf = (node: ComposeValue | null) => (node ? baseDirs.get(node) : undefined) ?? project.directory;
  const imageValue = get('image');
  const profilesValue = get('profiles');
  const profiles = profilesValue?.kind === 'seq' ? profilesValue.items.map(scalarText).filter((text): text is string => text !== null) : [];
  const service: ComposeProjectService = {
    name: entry.key,
    project,
    value,
    keyOrigin: definitions[0]?.keyNode ? { file: definitions[0].compose.file, node: definitions[0].keyNode } : entry.keyOrigin,
    definitions,
    get,
    at: (subPath) => valueAt(value, subPath),
    image: scalarText(imageValue),
    imageOrigin: imageValue?.origin ?? null,
    build: toBuild(get('build'), baseDirOf),
    profiles,
    dependsOn: toDependsOn(get('depends_on')),
    active: isServiceActive(profiles, project.activeProfiles),
    baseDirOf,
  };
  return service;
}

function toBuild(build: ComposeValue | null, baseDirOf: (value: ComposeValue | null) => string): ComposeProjectBuild | null {
  if (!build || build.kind === 'seq') return null;
  const field = (key: string) => (build.kind === 'map' ? (build.entries.get(key)?.value ?? null) : null);
  const contextValue = build.kind === 'scalar' ? build : field('context');
  const dockerfileValue = field('dockerfile');
  const targetValue = field('target');
  const contextText = scalarText(contextValue) ?? '.';
  const remote = REMOTE_CONTEXT.test(contextText);
  const contextDir = remote ? null : path.resolve(baseDirOf(contextValue ?? build), contextText || '.');
  const inline = build.kind === 'map' && build.entries.has('dockerfile_inline');
  const dockerfileText = scalarText(dockerfileValue) ?? 'Dockerfile';
  return {
    contextDir,
    dockerfilePath: contextDir && !inline ? path.resolve(contextDir, dockerfileText) : null,
    target: scalarText(targetValue),
    origin: build.origin,
    contextOrigin: contextValue?.origin ?? null,
    dockerfileOrigin: dockerfileValue?.origin ?? null,
    targetOrigin: targetValue?.origin ?? null,
  };
}

function toDependsOn(value: ComposeValue | null): ComposeProjectDependency[] {
  if (!value) return [];
  if (value.kind === 'seq') {
    return value.items.flatMap((item) => (scalarText(item) === null ? [] : [{ service: scalarText(item)!, condition: 'service_started', required: true, origin: item.origin, conditionOrigin: null }]));
  }
  if (value.kind !== 'map') return [];
  return [...value.entries.values()].map((entry) => {
    const body = entry.value.kind === 'map' ? entry.value : null;
    const condition = body?.entries.get('condition')?.value ?? null;
    const required = scalarText(body?.entries.get('required')?.value);
    return {
      service: entry.key,
      condition: scalarText(condition) ?? 'service_started',
      required: required !== 'false',
      // Merged list items carry the list item's origin; mapping entries point at their key.
      origin: entry.keyOrigin,
      conditionOrigin: condition && condition.origin.node !== entry.keyOrigin.node ? condition.origin : null,
    };
  });
}

