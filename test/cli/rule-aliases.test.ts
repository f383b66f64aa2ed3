import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the built CLI, as users do: `docker-policy rules --format json` is what people grep for their codes.
const root = path.resolve(import.meta.dirname, '../..');
const listed = JSON.parse(spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), 'rules', '--format', 'json'], { encoding: 'utf8' }).stdout) as {
  id: string;
  aliases: string[];
  severity: string;
  presets: string[];
}[];
const carriers = (alias: string) => listed.filter((rule) => rule.aliases.includes(alias));

/**
 * hadolint's default severity per code, from its README table and src/Hadolint/Rule/*.hs. DL3005, DL3017,
 * DL3031 and DL3039 are retired there (last severity: error); DL4002 never existed. `ignore` means off by
 * default, `style` has no counterpart here and becomes `info`.
 */
const HADOLINT: Record<string, 'error' | 'warning' | 'info' | 'style' | 'ignore'> = {
  DL1001: 'ignore', DL3000: 'error', DL3001: 'info', DL3002: 'warning', DL3003: 'warning', DL3004: 'error', DL3005: 'error',
  DL3006: 'warning', DL3007: 'warning', DL3008: 'warning', DL3009: 'info', DL3010: 'info', DL3011: 'error', DL3012: 'error',
  DL3013: 'warning', DL3014: 'warning', DL3015: 'info', DL3016: 'warning', DL3017: 'error', DL3018: 'warning', DL3019: 'info',
  DL3020: 'error', DL3021: 'error', DL3022: 'warning', DL3023: 'error', DL3024: 'error', DL3025: 'warning', DL3026: 'error',
  DL3027: 'warning', DL3028: 'warning', DL3029: 'warning', DL3030: 'warning', DL3031: 'error', DL3032: 'warning', DL3033: 'warning',
  DL3034: 'warning', DL3035: 'warning', DL3036: 'warning', DL3037: 'warning', DL3038: 'warning', DL3039: 'error', DL3040: 'warning',
  DL3041: 'warning', DL3042: 'warning', DL3043: 'error', DL3044: 'error', DL3045: 'warning', DL3046: 'warning', DL3047: 'info',
  DL3048: 'style', DL3049: 'info', DL3050: 'info', DL3051: 'warning', DL3052: 'warning', DL3053: 'warning', DL3054: 'warning',
  DL3055: 'warning', DL3056: 'warning', DL3057: 'ignore', DL3058: 'warning', DL3059: 'info', DL3060: 'info', DL3061: 'error',
  DL3062: 'warning', DL3063: 'warning', DL3064: 'warning', DL3065: 'warning', DL3066: 'info', DL3067: 'warning',
  DL4000: 'error', DL4001: 'warning', DL4003: 'warning', DL4004: 'error', DL4005: 'warning', DL4006: 'warning',
};

/**
 * Where one rule carries codes of different hadolint severities, or a rule that predates the hadolint
 * work kept its own default. DL4003 shares a rule with DL4004/DL3012 and is reported as a warning per finding.
 */
const DIFFERENT_DEFAULT: Record<string, string> = { DL3006: 'error', DL3007: 'error', DL3019: 'warning', DL4003: 'error' };

const BUILDKIT_CHECKS = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName',
  'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath', 'UndefinedVar',
  'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'InvalidBaseImagePlatform', 'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile', 'ExposeProtoCasing',
  'ExposeInvalidFormat', 'InvalidDefinitionDescription',
];

describe('rules --format json: hadolint codes and BuildKit checks', () => {
  it('lists every hadolint DL code as an alias of exactly one rule, and no code hadolint does not have', () => {
    for (const code of Object.keys(HADOLINT)) expect(carriers(code).map((rule) => rule.id), code).toHaveLength(1);
    const listedCodes = listed.flatMap((rule) => rule.aliases.filter((alias) => /^DL\d{4}$/.test(alias)));
    expect(listedCodes.filter((code) => !(code in HADOLINT))).toEqual([]);
  });

  it('defaults each hadolint code to hadolint\'s severity (off by default where hadolint ignores it)', () => {
    for (const [code, hadolint] of Object.entries(HADOLINT)) {
      const rule = carriers(code)[0]!;
      if (hadolint === 'ignore') expect(rule.presets, code).not.toContain('recommended');
      else expect(rule.severity, code).toBe(DIFFERENT_DEFAULT[code] ?? (hadolint === 'style' ? 'info' : hadolint));
    }
  });

  it('lists every BuildKit check name as an alias of exactly one rule', () => {
    for (const name of BUILDKIT_CHECKS) expect(carriers(name).map((rule) => rule.id), name).toHaveLength(1);
  });
});
