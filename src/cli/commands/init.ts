import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { CONFIG_FILE_NAMES, ConfigError, createCatalog } from '../../config/config.js';
import { readHadolintConfig, type HadolintTranslation } from '../../config/hadolint.js';
import { builtinRules } from '../../../rules/index.js';

export interface InitOptions {
  preset: 'recommended' | 'strict' | 'all';
  force?: boolean;
  hadolintConfig?: string;
}

const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];

/**
 * `docker-policy init`: write a commented starter `.docker-policy.yaml` in the current directory,
 * carrying over a `.hadolint.yaml` found there. Never interactive, so it behaves the same in CI,
 * in scripts and at a terminal.
 */
export async function runInit(options: InitOptions): Promise<number> {
  const cwd = process.cwd();
  const target = path.join(cwd, CONFIG_FILE_NAMES[0]!);
  const existing = CONFIG_FILE_NAMES.filter((name) => fs.existsSync(path.join(cwd, name)));
  if (existing.length && !options.force) {
    process.stderr.write(`docker-policy: ${existing.join(', ')} already exists here; run \`docker-policy init --force\` to overwrite it.\n`);
    return 2;
  }
  const hadolintFile = options.hadolintConfig ? path.resolve(cwd, options.hadolintConfig) : HADOLINT_FILES.map((name) => path.join(cwd, name)).find((file) => fs.existsSync(file));
  let hadolint: HadolintTranslation | undefined;
  if (hadolintFile) {
    try {
      hadolint = readHadolintConfig(hadolintFile, createCatalog(builtinRules));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`docker-policy: config error: ${error.message}\n`);
      return 2;
    }
  }
  fs.writeFileSync(target, starterConfig(options.preset, hadolint, hadolintFile ? path.relative(cwd, hadolintFile) : ''));
  const out: string[] = [`Wrote ${CONFIG_FILE_NAMES[0]} (extends: ${options.preset}).`];
  for (const other of existing.filter((name) => name !== CONFIG_FILE_NAMES[0])) out.push(`Note: ${other} is still here; ${CONFIG_FILE_NAMES[0]} takes precedence over it.`);
  if (hadolint) {
    const shown = path.relative(cwd, hadolint.file);
    const notTranslated = [...hadolint.untranslated, ...runOnlyKeys(hadolint, shown)];
    const translated = [...hadolint.translated, ...thresholdOf(hadolint).map(([from, to]) => `${from} → ${to}`)];
    out.push(translated.length ? `Translated from ${shown}:` : `Nothing to translate from ${shown}.`, ...translated.map((line) => `  ${line}`));
    if (notTranslated.length) out.push('Not translated:', ...notTranslated.map((line) => `  ${line}`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/**
 * hadolint's `failure-threshold` and `no-fail` as `failureThreshold` (same words; `no-fail: true` never
 * fails, so it wins): [what hadolint said, what the config says]. Empty when neither is set.
 */
function thresholdOf(hadolint: HadolintTranslation): [string, string][] {
  if (hadolint.noFail) return [[`no-fail: true${hadolint.failureThreshold ? ` (over failure-threshold: ${hadolint.failureThreshold})` : ''}`, 'failureThreshold: none']];
  return hadolint.failureThreshold ? [[`failure-threshold: ${hadolint.failureThreshold}`, `failureThreshold: ${hadolint.failureThreshold}`]] : [];
}

/** hadolint keys with no place in a config file: they shape a run, so `check --hadolint-config` applies them. */
function runOnlyKeys(hadolint: HadolintTranslation, file: string): string[] {
  const keep = `keep it with \`docker-policy check --hadolint-config ${file}\``;
  const lines: string[] = [];
  if (hadolint.disableIgnorePragma !== undefined) lines.push(`disable-ignore-pragma: ${hadolint.disableIgnorePragma}: ${keep} (or turn on no-inline-ignore)`);
  return lines;
}

function starterConfig(preset: string, hadolint: HadolintTranslation | undefined, hadolintFile: string): string {
  const rules = Object.entries(hadolint?.rules ?? {});
  const settings = hadolint?.settings ?? {};
  const threshold = hadolint ? thresholdOf(hadolint)[0] : undefined;
  const lines = [
    '# docker-policy configuration, written by `docker-policy init`.',
    '# `docker-policy rules` lists every rule with its aliases; docs/rules/<rule>.md explains each.',
    ...(hadolint ? [`# Rules and settings below were translated from ${hadolintFile}.`] : []),
    '',
    '# Presets: recommended (the default), strict (adds the team policy rules), all (every rule).',
    `extends: ${preset}`,
    '',
    '# Severities: off, info, warning, error. Rule IDs and aliases (DL3008) both work;',
    '# [severity, { options }] also sets a rule\'s options.',
    ...(rules.length ? ['rules:', ...rules.map(([id, severity]) => `  ${id}: ${severity} # ${hadolint!.origins[id]}`)] : ['rules: {}']),
    '',
    '# Other rules for some files (globs relative to this file):',
    '# overrides:',
    '#   - files: ["legacy/**"]',
    '#     rules:',
    '#       non-root-user: off',
    '',
    '# Paths never checked (globs).',
    'ignore: []',
    '',
    '# Which findings make `check` exit 1: error (the default), warning, info, or none.',
    ...(threshold ? [`${threshold[1]} # ${threshold[0]}`] : ['# failureThreshold: warning']),
    '',
    '# Values rules share: trustedRegistries (trusted-registry), labelSchema and strictLabels',
    '# (the label-* rules), manifests (manifest-before-source).',
    Object.keys(settings).length ? stringify({ settings }).trimEnd() : 'settings: {}',
    '',
  ];
  return lines.join('\n');
}
