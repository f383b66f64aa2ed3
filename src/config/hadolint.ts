import fs from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Severity, SeveritySetting } from '../engine/types.js';
import { LABEL_TYPES } from '../model/label-schema.js';
import { ConfigError, type RuleCatalog } from './config.js';

/** hadolint's severities, mildest last; `style` has no counterpart and becomes `info`. */
const HADOLINT_SEVERITIES: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const THRESHOLDS: Record<string, Severity | 'none'> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'none', none: 'none' };
/** Keys hadolint reads that only shape its own output: accepted, not translated. */
const OUTPUT_KEYS: Record<string, string> = {
  'no-color': 'use --no-color or NO_COLOR',
  verbose: 'docker-policy has no verbose mode',
  format: 'use --format (stylish, json, sarif)',
  'output-format': 'use --format (stylish, json, sarif)',
};

/** A `.hadolint.yaml` turned into docker-policy terms. */
export interface HadolintTranslation {
  file: string;
  /** Rule ID → severity, from `ignored` (off) and `override`. */
  rules: Record<string, SeveritySetting>;
  /** Rule ID → where its severity came from (`ignored: DL3059`), for comments in a generated config. */
  origins: Record<string, string>;
  /** `trustedRegistries`, `labelSchema`, `strictLabels`; `shellcheck.exclude` from ignored SC codes. */
  settings: Record<string, unknown>;
  /** `failure-threshold`: the mildest severity that fails the run; `none` never fails. */
  failureThreshold?: Severity | 'none';
  noFail?: boolean;
  /** `disable-ignore-pragma`: `# hadolint ignore=…` comments are not honoured. */
  disableIgnorePragma?: boolean;
  /** What was translated, one readable line each. */
  translated: string[];
  /** What could not be, one readable line each (unknown codes included). */
  untranslated: string[];
  /** DL/SC codes no docker-policy rule carries. */
  unknownCodes: string[];
}

export function readHadolintConfig(file: string, catalog: RuleCatalog): HadolintTranslation {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, null, `cannot read hadolint config: ${(error as Error).message}`);
  }
  return translateHadolintConfig(text, file, catalog);
}

/** Translate the text of a hadolint config; a malformed one throws a ConfigError naming the line. */
export function translateHadolintConfig(text: string, file: string, catalog: RuleCatalog): HadolintTranslation {
  const document = parseDocument(text, { prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | null => (node?.range ? text.slice(0, node.range[0]).split('\n').length : null);
  if (document.errors.length) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line ?? (error.pos ? text.slice(0, error.pos[0]).split('\n').length : null);
    throw new ConfigError(file, line, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const result: HadolintTranslation = { file, rules: {}, origins: {}, settings: {}, translated: [], untranslated: [], unknownCodes: [] };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result;
  if (!isMap(root)) throw new ConfigError(file, lineOf(root), 'a hadolint config must be a mapping (ignored, override, trustedRegistries, label-schema, …)');

  const codeList = (node: Node | null, where: string): { code: string; line: number | null }[] => {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) throw new ConfigError(file, lineOf(node), `"${where}" must be a list of rule codes`);
    return node.items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string' || !item.value.trim()) throw new ConfigError(file, lineOf(item as Node), `"${where}" must be a list of rule codes`);
      return { code: item.value.trim(), line: lineOf(item) };
    });
  };
  const setRule = (code: string, severity: SeveritySetting, why: string) => {
    // ShellCheck codes are findings of the one `shellcheck` rule: ignoring one excludes it from the run.
    if (/^SC\d{4}$/i.test(code)) {
      if (severity === 'off') {
        const shellcheck = (result.settings.shellcheck ??= { exclude: [] as string[] }) as { exclude: string[] };
        shellcheck.exclude.push(code.toUpperCase());
        result.translated.push(`${why} ${code} → settings.shellcheck.exclude`);
      } else {
        result.untranslated.push(`${why} ${code}: ShellCheck findings keep ShellCheck's level (cap them all with rules.shellcheck)`);
      }
      return;
    }
    const id = catalog.resolveId(code);
    if (!id) {
      if (!result.unknownCodes.includes(code)) result.unknownCodes.push(code);
      return;
    }
    result.rules[id] = severity;
    result.origins[id] = `${why} ${code}`;
    const others = (catalog.get(id)?.meta.aliases ?? []).filter((alias) => alias.toUpperCase() !== code.toUpperCase() && /^(DL|SC)\d+$/i.test(alias));
    result.translated.push(`${why} ${code} → ${id}: ${severity}${others.length ? ` (the rule also covers ${others.join(', ')})` : ''}`);
  };
  const boolean = (node: Node | null, key: string): boolean => {
    if (!isScalar(node) || typeof node.value !== 'boolean') throw new ConfigError(file, lineOf(node), `"${key}" must be true or false`);
    return node.value;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = (pair.value ?? null) as Node | null;
    switch (key) {
      case 'override': {
        if (value === null || (isScalar(value) && value.value === null)) break;
        if (!isMap(value)) throw new ConfigError(file, lineOf(value), '"override" must map error, warning, info or style to lists of rule codes');
        for (const item of value.items) {
          const level = isScalar(item.key) ? String(item.key.value) : '';
          const severity = HADOLINT_SEVERITIES[level];
          if (!severity) throw new ConfigError(file, lineOf(item.key as Node), `"override" takes error, warning, info or style (got "${level}")`);
          for (const { code } of codeList((item.value ?? null) as Node | null, `override.${level}`)) setRule(code, severity, `override.${level}:`);
        }
        break;
      }
      case 'ignored':
        // Applied after the loop: in hadolint an ignored rule stays ignored whatever its override says.
        break;
      case 'trustedRegistries':
      case 'trusted-registries': {
        const registries = codeList(value, key).map((item) => item.code);
        if (registries.length) {
          result.settings.trustedRegistries = registries;
          result.translated.push(`${key} → settings.trustedRegistries: ${registries.join(', ')}`);
        }
        break;
      }
      case 'label-schema': {
        if (value === null || (isScalar(value) && value.value === null)) break;
        if (!isMap(value)) throw new ConfigError(file, lineOf(value), '"label-schema" must map label names to types');
        const schema: Record<string, string> = {};
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : '';
          const type = isScalar(item.value) ? String(item.value.value) : '';
          if (!(LABEL_TYPES as readonly string[]).includes(type)) {
            throw new ConfigError(file, lineOf((item.value ?? item.key) as Node), `label "${name}": type must be one of ${LABEL_TYPES.join(', ')} (got "${type}")`);
          }
          schema[name] = type;
        }
        result.settings.labelSchema = schema;
        result.translated.push(`label-schema → settings.labelSchema (${Object.keys(schema).length} label${Object.keys(schema).length === 1 ? '' : 's'})`);
        break;
      }
      case 'strict-labels':
        result.settings.strictLabels = boolean(value, key);
        result.translated.push(`strict-labels → settings.strictLabels: ${result.settings.strictLabels}`);
        break;
      case 'failure-threshold': {
        const word = isScalar(value) ? String(value.value) : '';
        const threshold = THRESHOLDS[word];
        if (!threshold) throw new ConfigError(file, lineOf(value), `"failure-threshold" must be one of ${Object.keys(THRESHOLDS).join(', ')} (got "${word}")`);
        result.failureThreshold = threshold;
        break;
      }
      case 'no-fail':
        result.noFail = boolean(value, key);
        break;
      case 'disable-ignore-pragma':
        result.disableIgnorePragma = boolean(value, key);
        break;
      default:
        if (OUTPUT_KEYS[key]) result.untranslated.push(`${key}: ${OUTPUT_KEYS[key]}`);
        else result.untranslated.push(`${key}: not a hadolint setting docker-policy knows (ignored)`);
    }
  }
  const ignored = root.get('ignored', true) as Node | undefined;
  if (ignored !== undefined) for (const { code } of codeList(ignored, 'ignored')) setRule(code, 'off', 'ignored:');
  if (result.unknownCodes.length) result.untranslated.push(`no docker-policy rule carries ${result.unknownCodes.join(', ')} (yet): left out`);
  return result;
}

/** The exit code hadolint's `failure-threshold` and `no-fail` give for these findings; undefined when neither is set. */
export function hadolintExitCode(translation: HadolintTranslation, severities: Severity[]): number | undefined {
  if (translation.noFail) return 0;
  const threshold = translation.failureThreshold;
  if (!threshold) return undefined;
  if (threshold === 'none') return 0;
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  return severities.some((severity) => rank[severity] >= rank[threshold]) ? 1 : 0;
}

