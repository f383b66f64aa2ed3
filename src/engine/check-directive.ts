import { parserDirectiveLine } from '../model/dockerfile-words.js';
import type { Project } from '../model/project.js';
import type { Range, SourceFile } from '../model/source.js';
import type { Rule, SeveritySetting } from './types.js';

/**
 * BuildKit's own Dockerfile checks (`docker build --check`). A docker-policy rule is a BuildKit
 * check when one of its aliases is in this list; `# check=skip=…` and `# check=error=true` apply
 * to those rules only.
 */
export const BUILDKIT_CHECK_NAMES = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'InvalidDefinitionDescription',
] as const;

/** Checks BuildKit runs only when `# check=experimental=<name>` (or `experimental=all`) asks for them. */
export const EXPERIMENTAL_BUILDKIT_CHECKS: ReadonlySet<string> = new Set(['CopyIgnoredFile', 'InvalidDefinitionDescription']);

const CHECK_NAMES: ReadonlySet<string> = new Set(BUILDKIT_CHECK_NAMES);

/** The BuildKit check name a rule implements, or null when it is not a BuildKit check. */
export function buildkitCheckName(rule: Rule): string | null {
  return rule.meta.aliases?.find((alias) => CHECK_NAMES.has(alias)) ?? null;
}

export interface CheckDirective {
  /** `skip=all`: every BuildKit check is off, except experimental ones named in `experimental=`. */
  skipAll: boolean;
  /** Check names from `skip=a,b` (as written: BuildKit matches them case-sensitively). */
  skip: Set<string>;
  /** `error=true`: BuildKit fails the build on any check; findings become errors. */
  error: boolean;
  experimentalAll: boolean;
  experimental: Set<string>;
  range: Range;
  /** Why BuildKit would refuse the directive (it then fails the build). */
  problem: string | null;
}

const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const BOOLEANS: Record<string, boolean> = { '1': true, t: true, T: true, true: true, TRUE: true, True: true, '0': false, f: false, F: false, false: false, FALSE: false, False: false };

/**
 * The `# check=` parser directive of a Dockerfile, read the way BuildKit reads it: directives are
 * the leading `# name=value` lines (after an optional `#!` line); the first line that is not one,
 * or names an unknown directive, ends them. A second `check` directive is an error.
 */
export function readCheckDirective(file: SourceFile): CheckDirective | null {
  let directive: CheckDirective | null = null;
  let line = 1;
  if (file.lineText(1).startsWith('#!')) line = 2;
  for (; line <= file.lineCount; line++) {
    const text = file.lineText(line);
    const match = parserDirectiveLine(text);
    if (!match) break;
    const name = match.name.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    if (name !== 'check') continue;
    if (directive) {
      directive.problem ??= 'only one check parser directive can be used';
      break;
    }
    directive = parseCheckOptions(match.value, file.lineRange(line));
  }
  return directive;
}

/** `skip=A,B;error=true;experimental=C` — BuildKit's option grammar (keys case-sensitive, at most three parts). */
export function parseCheckOptions(value: string, range: Range): CheckDirective {
  const directive: CheckDirective = { skipAll: false, skip: new Set(), error: false, experimentalAll: false, experimental: new Set(), range, problem: null };
  const text = value.trim();
  if (!text) return directive;
  const parts = splitN(text, ';', 3);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      directive.problem = `invalid check option "${part}"`;
      continue;
    }
    const key = part.slice(0, eq).trim();
    const optionValue = part.slice(eq + 1).trim();
    if (key === 'skip' || key === 'experimental') {
      const all = optionValue === 'all';
      const names = all ? [] : optionValue.split(',').map((item) => item.trim());
      if (key === 'skip') {
        directive.skipAll ||= all;
        for (const item of names) directive.skip.add(item);
      } else {
        directive.experimentalAll ||= all;
        for (const item of names) directive.experimental.add(item);
      }
    } else if (key === 'error') {
      const parsed = BOOLEANS[optionValue];
      if (parsed === undefined) directive.problem = `failed to parse check option "${part}": "${optionValue}" is not a boolean`;
      else directive.error = parsed;
    } else {
      directive.problem = `invalid check option "${key}"`;
    }
  }
  return directive;
}

/** Go's strings.SplitN: at most n parts, the last one keeps the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/** How the directive treats one BuildKit check: suppressed, or enabled by `experimental=`. */
export function directiveVerdict(directive: CheckDirective, checkName: string): { skipped: boolean; enabled: boolean } {
  const experimental = EXPERIMENTAL_BUILDKIT_CHECKS.has(checkName);
  const enabled = experimental && (directive.experimentalAll || directive.experimental.has(checkName));
  if (directive.skip.has(checkName)) return { skipped: true, enabled: false };
  if (directive.skipAll && !enabled) return { skipped: true, enabled: false };
  return { skipped: false, enabled };
}

/** The `# check=` directives of a project's Dockerfiles, read once, and what they do to findings. */
export class CheckDirectives {
  private readonly cache = new Map<string, CheckDirective | null>();

  constructor(private readonly project: Project) {}

  of(file: SourceFile): CheckDirective | null {
    if (file.kind !== 'dockerfile') return null;
    if (!this.cache.has(file.path)) this.cache.set(file.path, readCheckDirective(file));
    return this.cache.get(file.path) ?? null;
  }

  /**
   * The severity a rule's finding in `file` gets: `off` when the directive skips the check, the
   * configured one otherwise (`warning` for an experimental check the directive switches on);
   * `forceError` for `error=true`.
   */
  severityFor(rule: Rule, file: SourceFile, configured: SeveritySetting): { severity: SeveritySetting; forceError: boolean } {
    const checkName = buildkitCheckName(rule);
    const directive = checkName ? this.of(file) : null;
    if (!checkName || !directive) return { severity: configured, forceError: false };
    const verdict = directiveVerdict(directive, checkName);
    if (verdict.skipped) return { severity: 'off', forceError: false };
    const severity = configured === 'off' && verdict.enabled ? 'warning' : configured;
    return { severity, forceError: directive.error && severity !== 'off' };
  }

  /** Experimental BuildKit checks that some Dockerfile switches on with `experimental=`. */
  enabledRules(rules: Rule[]): string[] {
    const ids: string[] = [];
    for (const rule of rules) {
      const checkName = buildkitCheckName(rule);
      if (!checkName || !EXPERIMENTAL_BUILDKIT_CHECKS.has(checkName)) continue;
      if (this.project.dockerfiles.some((model) => {
        const directive = this.of(model.file);
        return directive !== null && directiveVerdict(directive, checkName).enabled;
      })) ids.push(rule.meta.id);
    }
    return ids;
  }

  /** Directives BuildKit would refuse (the build fails before any check runs). */
  problems(): { file: SourceFile; range: Range; message: string }[] {
    const found: { file: SourceFile; range: Range; message: string }[] = [];
    for (const model of this.project.dockerfiles) {
      const directive = this.of(model.file);
      if (directive?.problem) found.push({ file: model.file, range: directive.range, message: `Invalid "# check=" directive: ${directive.problem}; BuildKit refuses to build. Use "# check=skip=<Check>[,<Check>];error=true".` });
    }
    return found;
  }
}
