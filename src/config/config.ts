import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { isMap, parseDocument, type Document, type Node } from 'yaml';
import type { PresetName, Rule, SeveritySetting } from '../engine/types.js';
import { validateOptions } from './options.js';
import { importModule } from './import-module.js';

export const CONFIG_FILE_NAMES = ['.docker-policy.yaml', '.docker-policy.yml', '.docker-policy.json'];
export const BUILTIN_PRESETS = ['recommended', 'strict', 'all'] as const;

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** A config file as written, validated. */
export interface ConfigData {
  /** null when the key is absent (the recommended preset applies); `[]` starts from no rules. */
  extends: string[] | null;
  rules: Record<string, RuleSetting | { severity?: SeveritySetting; options?: Record<string, unknown> }>;
  overrides: { files: string[]; rules: Record<string, RuleSetting | { severity?: SeveritySetting; options?: Record<string, unknown> }> }[];
  ignore: string[];
  settings: Record<string, unknown>;
  plugins: string[];
  /** The mildest severity that makes `check` exit 1 (hadolint's `failure-threshold`); absent: errors only. */
  failureThreshold?: FailureThreshold;
}

/** `error` (the default), `warning`, `info`: findings at that level or worse fail the run; `none`: nothing does. */
export type FailureThreshold = 'error' | 'warning' | 'info' | 'none';
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = ['error', 'warning', 'info', 'none'];

/** What applies to one file after extends, overrides and command-line rules. */
export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  settings: Record<string, unknown>;
  ignore: string[];
  /** From the config (or one it extends); only the current directory's config decides a run's exit code. */
  failureThreshold?: FailureThreshold;
  /** The config file this came from, or null for the built-in default. */
  source: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = { off: 'off', info: 'info', warning: 'warning', warn: 'warning', error: 'error' };
const TOP_LEVEL_KEYS = new Set(['extends', 'rules', 'overrides', 'ignore', 'settings', 'plugins', 'root', 'failureThreshold']);

export interface RuleCatalog {
  rules: Rule[];
  /** Rule ID or alias (any case for aliases) → rule ID. */
  resolveId(idOrAlias: string): string | undefined;
  get(id: string): Rule | undefined;
}

export function createCatalog(rules: Rule[]): RuleCatalog {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const aliases = new Map<string, string>();
  for (const rule of rules) for (const alias of rule.meta.aliases ?? []) aliases.set(alias.toLowerCase(), rule.meta.id);
  return {
    rules,
    get: (id) => byId.get(id),
    resolveId: (idOrAlias) => (byId.has(idOrAlias) ? idOrAlias : aliases.get(idOrAlias.toLowerCase())),
  };
}

/** Severity each rule has in a built-in preset. */
export function presetSettings(preset: (typeof BUILTIN_PRESETS)[number], catalog: RuleCatalog): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of catalog.rules) {
    const inPreset = preset === 'all' || rule.meta.presets.includes(preset as PresetName) || (preset === 'strict' && rule.meta.presets.includes('recommended'));
    settings.set(rule.meta.id, { severity: inPreset ? rule.meta.severity : 'off', options: {} });
  }
  return settings;
}

/** The config file in this directory itself, if any. */
export function configFileIn(directory: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(directory, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Read, parse and validate a config file; plugins named in it are loaded here. */
export async function loadConfigFile(file: string, catalog: RuleCatalog, pluginRules: Rule[], seen: string[] = []): Promise<{ data: ConfigData; document: Document.Parsed | null }> {
  let raw: unknown;
  let document: Document.Parsed | null = null;
  let lineOf: (keyPath: (string | number)[]) => number | null = () => null;
  if (/\.[cm]?js$/.test(file)) {
    // A shareable config published as a JavaScript module exports the config object.
    try {
      const loaded = (await importModule(pathToFileURL(file).href)) as { default?: unknown };
      raw = loaded.default ?? loaded;
    } catch (error) {
      throw new ConfigError(file, null, `cannot load config module: ${(error as Error).message}`);
    }
  } else {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(file, null, `cannot read config: ${(error as Error).message}`);
    }
    const parsed = parseDocument(text, { prettyErrors: false });
    if (parsed.errors.length) {
      const error = parsed.errors[0]!;
      throw new ConfigError(file, error.linePos?.[0]?.line ?? null, `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`);
    }
    document = parsed;
    lineOf = (keyPath) => lineOfPath(parsed, text, keyPath);
    try {
      raw = parsed.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (error) {
      // An alias to an anchor that is not set yet, or aliases that multiply (an "alias bomb").
      throw new ConfigError(file, null, `invalid YAML: ${(error as Error).message}`);
    }
  }
  if (raw === null || raw === undefined) return { data: emptyConfig(), document };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 1, 'the config must be a mapping (extends, rules, overrides, ignore, settings, plugins)');
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_KEYS.has(key)) throw new ConfigError(file, lineOf([key]), `unknown key "${key}" (expected one of: ${[...TOP_LEVEL_KEYS].join(', ')})`);
  }
  const directory = path.dirname(file);
  const plugins = toStringList(record.plugins, 'plugins', file, lineOf);
  for (const plugin of plugins) pluginRules.push(...(await loadPlugin(plugin, directory, file, lineOf(['plugins']))));
  if (pluginRules.length) catalog = createCatalog([...catalog.rules, ...pluginRules.filter((rule) => !catalog.get(rule.meta.id))]);
  const data: ConfigData = {
    extends: record.extends === undefined ? null : toStringList(record.extends, 'extends', file, lineOf),
    rules: parseRuleSettings(record.rules, ['rules'], file, lineOf, catalog),
    overrides: [],
    ignore: toStringList(record.ignore, 'ignore', file, lineOf),
    settings: {},
    plugins,
  };
  if (record.failureThreshold !== undefined) {
    const value = record.failureThreshold;
    if (typeof value !== 'string' || !(FAILURE_THRESHOLDS as readonly string[]).includes(value)) {
      throw new ConfigError(file, lineOf(['failureThreshold']), `"failureThreshold" must be one of ${FAILURE_THRESHOLDS.join(', ')} (got ${JSON.stringify(value)})`);
    }
    data.failureThreshold = value as FailureThreshold;
  }
  if (record.settings !== undefined) {
    if (typeof record.settings !== 'object' || record.settings === null || Array.isArray(record.settings)) throw new ConfigError(file, lineOf(['settings']), '"settings" must be a mapping');
    data.settings = record.settings as Record<string, unknown>;
  }
  if (record.overrides !== undefined) {
    if (!Array.isArray(record.overrides)) throw new ConfigError(file, lineOf(['overrides']), '"overrides" must be a list of { files, rules }');
    record.overrides.forEach((entry: unknown, index: number) => {
      if (typeof entry !== 'object' || entry === null) throw new ConfigError(file, lineOf(['overrides', index]), 'each override must be a mapping with "files" and "rules"');
      const override = entry as Record<string, unknown>;
      for (const key of Object.keys(override)) if (key !== 'files' && key !== 'rules') throw new ConfigError(file, lineOf(['overrides', index, key]), `unknown key "${key}" in override (expected files, rules)`);
      const files = toStringList(override.files, `overrides[${index}].files`, file, () => lineOf(['overrides', index, 'files']));
      if (!files.length) throw new ConfigError(file, lineOf(['overrides', index]), 'an override needs "files" globs');
      data.overrides.push({ files, rules: parseRuleSettings(override.rules, ['overrides', index, 'rules'], file, lineOf, catalog) });
    });
  }
  for (const name of data.extends ?? []) {
    if (isBuiltinPreset(name)) continue;
    const extendedFile = resolveExtends(name, directory, file, lineOf(['extends']));
    if (seen.includes(extendedFile)) throw new ConfigError(file, lineOf(['extends']), `"extends" forms a cycle through ${extendedFile}`);
  }
  return { data, document };
}

export function isBuiltinPreset(name: string): name is (typeof BUILTIN_PRESETS)[number] {
  const bare = name.replace(/^docker-policy:/, '');
  return (BUILTIN_PRESETS as readonly string[]).includes(bare);
}

/** A shareable config: a relative path, or an npm package resolved from the config's directory. */
export function resolveExtends(name: string, directory: string, file: string, line: number | null): string {
  if (name.startsWith('.') || path.isAbsolute(name)) return path.resolve(directory, name);
  try {
    return createRequire(path.join(directory, 'noop.js')).resolve(name);
  } catch {
    throw new ConfigError(file, line, `cannot find shareable config "${name}" (install it with npm, or use a relative path)`);
  }
}

async function loadPlugin(name: string, directory: string, file: string, line: number | null): Promise<Rule[]> {
  let resolved: string;
  try {
    resolved = name.startsWith('.') || path.isAbsolute(name) ? path.resolve(directory, name) : createRequire(path.join(directory, 'noop.js')).resolve(name);
  } catch {
    throw new ConfigError(file, line, `cannot find plugin "${name}"`);
  }
  if (name.startsWith('.') || path.isAbsolute(name)) {
    // A config file must not run code from outside its project (a config copied from elsewhere, a link out).
    const root = projectRoot(directory);
    const real = realPathOf(resolved);
    if (real !== root && !real.startsWith(`${root}${path.sep}`)) throw new ConfigError(file, line, `plugin "${name}" is outside the project (${root}); install it as a package or move it into the project`);
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = (await importModule(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(file, line, `cannot load plugin "${name}": ${(error as Error).message}`);
  }
  const exported = (loaded.default ?? loaded) as { rules?: unknown };
  const rules = Array.isArray(exported.rules) ? exported.rules : Array.isArray(exported) ? exported : null;
  if (!rules) throw new ConfigError(file, line, `plugin "${name}" must export { rules: Rule[] }`);
  for (const rule of rules as Rule[]) {
    if (!rule || typeof rule !== 'object' || typeof rule.check !== 'function' || typeof rule.meta?.id !== 'string') {
      throw new ConfigError(file, line, `plugin "${name}" exports a rule without meta.id and check()`);
    }
  }
  return rules as Rule[];
}

/** The project a config file belongs to: the nearest directory with `.git` or `package.json`, else the config's own. */
function projectRoot(configDirectory: string): string {
  const start = realPathOf(configDirectory);
  for (let current = start; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git')) || fs.existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) return start;
  }
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function parseRuleSettings(
  value: unknown,
  keyPath: (string | number)[],
  file: string,
  lineOf: (keyPath: (string | number)[]) => number | null,
  catalog: RuleCatalog,
): ConfigData['rules'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(file, lineOf(keyPath), `"${keyPath.join('.')}" must be a mapping of rule IDs to severities`);
  const result: ConfigData['rules'] = {};
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    const id = catalog.resolveId(key);
    const line = lineOf([...keyPath, key]);
    if (!id) throw new ConfigError(file, line, `unknown rule "${key}" (run \`docker-policy rules\` for the list)`);
    const rule = catalog.get(id)!;
    let severityWord: unknown = setting;
    let options: unknown;
    if (Array.isArray(setting)) {
      [severityWord, options] = setting;
    } else if (typeof setting === 'object' && setting !== null) {
      severityWord = (setting as Record<string, unknown>).severity;
      options = (setting as Record<string, unknown>).options;
    }
    const severity = typeof severityWord === 'string' ? SEVERITY_WORDS[severityWord.toLowerCase()] : undefined;
    if (severityWord !== undefined && !severity) throw new ConfigError(file, line, `rule "${key}": severity must be one of off, info, warning, error (got ${JSON.stringify(severityWord)})`);
    if (options !== undefined) {
      const problems = validateOptions(rule.meta.options?.schema, options);
      if (problems.length) throw new ConfigError(file, line, `rule "${key}": invalid options: ${problems.join('; ')}`);
    }
    result[id] = { severity, options: options as Record<string, unknown> | undefined };
  }
  return result;
}

function toStringList(value: unknown, name: string, file: string, lineOf: (keyPath: (string | number)[]) => number | null): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  throw new ConfigError(file, lineOf(name.split('.')), `"${name}" must be a string or a list of strings`);
}

function lineOfPath(document: Document.Parsed, text: string, keyPath: (string | number)[]): number | null {
  let node: unknown = document.contents;
  let lastRange: [number, number, number] | undefined;
  for (const key of keyPath) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
    const collection = node as { items: unknown[]; get(key: unknown, keepScalar: boolean): unknown };
    if (isMap(node)) {
      const pair = (node.items as { key: Node; value: Node }[]).find((item) => (item.key as { value?: unknown })?.value === key);
      if (!pair) break;
      lastRange = (pair.key as Node).range ?? lastRange;
      node = pair.value;
    } else {
      const item = collection.items[key as number] as Node | undefined;
      if (!item) break;
      lastRange = item.range ?? lastRange;
      node = item;
    }
  }
  if (!lastRange) return null;
  return text.slice(0, lastRange[0]).split('\n').length;
}

function emptyConfig(): ConfigData {
  return { extends: null, rules: {}, overrides: [], ignore: [], settings: {}, plugins: [] };
}

/** Merge a config chain (extends first) and then the file's overrides into the settings for one file. */
export function applyRuleSettings(target: Map<string, RuleSetting>, rules: ConfigData['rules']): void {
  for (const [id, setting] of Object.entries(rules)) {
    const previous = target.get(id) ?? { severity: 'off' as SeveritySetting, options: {} };
    target.set(id, {
      severity: setting.severity ?? (previous.severity === 'off' ? 'error' : previous.severity),
      options: setting.options ? { ...previous.options, ...setting.options } : previous.options,
    });
  }
}

export function overrideMatches(globs: string[], configDirectory: string, absoluteFile: string): boolean {
  const relative = path.relative(configDirectory, absoluteFile).split(path.sep).join('/');
  return globs.some((glob) => minimatch(relative, glob, { dot: true, matchBase: !glob.includes('/') }));
}
