import path from 'node:path';
import type { Rule, SeveritySetting } from '../engine/types.js';
import {
  applyRuleSettings,
  ConfigError,
  createCatalog,
  configFileIn,
  isBuiltinPreset,
  loadConfigFile,
  overrideMatches,
  presetSettings,
  resolveExtends,
  type ConfigData,
  type FailureThreshold,
  type ResolvedConfig,
  type RuleCatalog,
  type RuleSetting,
} from './config.js';

interface LoadedChain {
  base: Map<string, RuleSetting>;
  settings: Record<string, unknown>;
  ignore: string[];
  failureThreshold?: FailureThreshold;
  /** Overrides of every config in the chain, with the directory their globs are relative to. */
  overrides: { directory: string; files: string[]; rules: ConfigData['rules'] }[];
  source: string | null;
}

export interface ResolverOptions {
  cwd: string;
  /** `--config FILE`: use this for every file instead of searching. */
  configPath?: string;
  /** `--rule id=severity`, applied last. */
  cliRules?: Record<string, SeveritySetting>;
  /** Applied on top of every resolved config, before `--rule` (`check --hadolint-config`). */
  layer?: ConfigLayer;
}

/** Rule severities (by rule ID) and settings laid over the resolved config. */
export interface ConfigLayer {
  rules: Record<string, SeveritySetting>;
  settings: Record<string, unknown>;
}

/**
 * Finds the config that applies to each file (nearest `.docker-policy.*` walking up, or
 * `--config`), follows `extends`, loads plugins and applies `overrides`.
 */
export class ConfigResolver {
  private readonly chains = new Map<string, Promise<LoadedChain>>();
  private readonly directoryToConfig = new Map<string, string | null>();
  private readonly pluginRules: Rule[] = [];
  private catalog: RuleCatalog;

  constructor(
    builtinRules: Rule[],
    private readonly options: ResolverOptions,
  ) {
    this.catalog = createCatalog(builtinRules);
  }

  /** Built-in rules plus those of every plugin loaded so far. */
  get rules(): Rule[] {
    return this.catalog.rules;
  }

  get ruleCatalog(): RuleCatalog {
    return this.catalog;
  }

  async forFile(absoluteFile: string): Promise<ResolvedConfig> {
    const configFile = this.options.configPath ? path.resolve(this.options.cwd, this.options.configPath) : this.nearestConfig(path.dirname(absoluteFile));
    const chain = await this.chainFor(configFile);
    const rules = new Map([...chain.base].map(([id, setting]) => [id, { ...setting }]));
    for (const override of chain.overrides) {
      if (overrideMatches(override.files, override.directory, absoluteFile)) applyRuleSettings(rules, override.rules);
    }
    const layer = this.options.layer;
    if (layer) for (const [id, severity] of Object.entries(layer.rules)) rules.set(id, { severity, options: rules.get(id)?.options ?? {} });
    this.applyCliRules(rules);
    const settings = layer ? deepMerge(chain.settings, layer.settings) : chain.settings;
    return { rules, settings, ignore: chain.ignore, failureThreshold: chain.failureThreshold, source: chain.source };
  }

  /** The config for the current directory: used for `ignore` globs and rule options. */
  async forDirectory(directory: string): Promise<ResolvedConfig> {
    return this.forFile(path.join(directory, '.docker-policy-probe'));
  }

  private applyCliRules(rules: Map<string, RuleSetting>): void {
    for (const [key, severity] of Object.entries(this.options.cliRules ?? {})) {
      const id = this.catalog.resolveId(key);
      if (!id) throw new ConfigError('--rule', null, `unknown rule "${key}"`);
      rules.set(id, { severity, options: rules.get(id)?.options ?? {} });
    }
  }

  /** The nearest config file at or above a directory; each directory is looked at once for all the directories below it. */
  private nearestConfig(directory: string): string | null {
    if (this.directoryToConfig.has(directory)) return this.directoryToConfig.get(directory)!;
    const parent = path.dirname(directory);
    const found = configFileIn(directory) ?? (parent === directory ? null : this.nearestConfig(parent));
    this.directoryToConfig.set(directory, found);
    return found;
  }

  private chainFor(configFile: string | null): Promise<LoadedChain> {
    const key = configFile ?? '<default>';
    let chain = this.chains.get(key);
    if (!chain) {
      chain = configFile ? this.loadChain(configFile, []) : Promise.resolve(this.defaultChain());
      this.chains.set(key, chain);
    }
    return chain;
  }

  private defaultChain(): LoadedChain {
    return { base: presetSettings('recommended', this.catalog), settings: {}, ignore: [], overrides: [], source: null };
  }

  private async loadChain(configFile: string, seen: string[]): Promise<LoadedChain> {
    const { data } = await loadConfigFile(configFile, this.catalog, this.pluginRules, seen);
    if (this.pluginRules.length) this.catalog = createCatalog(mergeRules(this.catalog.rules, this.pluginRules));
    const directory = path.dirname(configFile);
    // Without `extends`, the recommended preset is the starting point; `extends: []` starts from nothing.
    const parents = data.extends ?? ['recommended'];
    let base = new Map<string, RuleSetting>();
    let settings: Record<string, unknown> = {};
    const ignore: string[] = [];
    const overrides: LoadedChain['overrides'] = [];
    let failureThreshold: FailureThreshold | undefined;
    for (const parent of parents) {
      if (isBuiltinPreset(parent)) {
        base = mergeSettings(base, presetSettings(parent.replace(/^docker-policy:/, '') as 'recommended', this.catalog));
        continue;
      }
      const parentFile = resolveExtends(parent, directory, configFile, null);
      const parentChain = await this.loadChain(parentFile, [...seen, configFile]);
      base = mergeSettings(base, parentChain.base);
      settings = deepMerge(settings, parentChain.settings);
      ignore.push(...parentChain.ignore);
      overrides.push(...parentChain.overrides);
      failureThreshold = parentChain.failureThreshold ?? failureThreshold;
    }
    applyRuleSettings(base, data.rules);
    settings = deepMerge(settings, data.settings);
    ignore.push(...data.ignore);
    overrides.push(...data.overrides.map((override) => ({ directory, ...override })));
    return { base, settings, ignore, overrides, failureThreshold: data.failureThreshold ?? failureThreshold, source: configFile };
  }
}

function mergeRules(builtin: Rule[], plugins: Rule[]): Rule[] {
  const ids = new Set(builtin.map((rule) => rule.meta.id));
  return [...builtin, ...plugins.filter((rule) => !ids.has(rule.meta.id))];
}

function mergeSettings(into: Map<string, RuleSetting>, from: Map<string, RuleSetting>): Map<string, RuleSetting> {
  const merged = new Map(into);
  for (const [id, setting] of from) {
    const previous = merged.get(id);
    // A later preset turns rules on; it does not switch off what an earlier one enabled.
    if (!previous || setting.severity !== 'off') merged.set(id, { severity: setting.severity, options: { ...previous?.options, ...setting.options } });
  }
  return merged;
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const previous = result[key];
    result[key] = isPlainObject(previous) && isPlainObject(value) ? deepMerge(previous, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
