import emailAddresses from 'email-addresses';
// Only `valid`: the whole semver index evaluates every module at start-up.
import semverValid from 'semver/functions/valid.js';
import parseSpdx from 'spdx-expression-parse';
import type { DockerfileModel, DockerInstruction, InstructionProperty } from './dockerfile.js';
import { hasVariableReference } from './dockerfile-vars.js';

/** The value types hadolint's `label-schema` knows. */
export const LABEL_TYPES = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** `settings.labelSchema` (label name → type); null when unset or empty. Unknown types check presence only. */
export function labelSchema(settings: Record<string, unknown>): Map<string, LabelType> | null {
  const value = settings.labelSchema;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const schema = new Map<string, LabelType>();
  for (const [name, type] of Object.entries(value as Record<string, unknown>)) {
    const word = typeof type === 'string' ? type.toLowerCase() : 'text';
    schema.set(name, (LABEL_TYPES as readonly string[]).includes(word) ? (word as LabelType) : 'text');
  }
  return schema.size ? schema : null;
}

/** `settings.strictLabels`: only the labels of the schema are allowed. */
export function strictLabels(settings: Record<string, unknown>): boolean {
  return settings.strictLabels === true || settings.strictLabels === 'true';
}

export interface LabelPair {
  instruction: DockerInstruction;
  property: InstructionProperty;
  /** The value as written, quotes included ('' when empty). */
  raw: string;
}

/** Every `LABEL key=value` pair of a Dockerfile, in file order (ONBUILD triggers excluded). */
export function labelPairs(model: DockerfileModel): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const instruction of model.instructions) {
    if (instruction.keyword !== 'LABEL') continue;
    for (const property of instruction.properties ?? []) {
      const raw = property.valueRange ? model.file.text.slice(model.file.offsetAt(property.valueRange.start), model.file.offsetAt(property.valueRange.end)) : '';
      pairs.push({ instruction, property, raw });
    }
  }
  return pairs;
}

/** True when the value is only known at build time (`$GIT_SHA`, `${VERSION}`): it cannot be checked here. */
export function isDynamicLabel(pair: LabelPair, escapeChar: string): boolean {
  return hasVariableReference(pair.raw, escapeChar);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 `date-time` (section 5.6), with real calendar limits (leap years, leap second 60). */
export function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!daysInMonth || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return false;
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) return false;
  return true;
}

/** An absolute URI (scheme and the rest), as hadolint's parseURI demands; no whitespace. */
export function isUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    new URL(value);
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);
  } catch {
    return false;
  }
}

/** A git commit hash: abbreviated (7+) or full SHA-1 (40), or a full SHA-256 (64), lower-case hex. */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(value) || /^[0-9a-f]{64}$/.test(value);
}

/** Semantic Versioning 2.0.0, strictly: no `v` prefix, no surrounding spaces. */
export function isSemver(value: string): boolean {
  return /^\d/.test(value) && value.trim() === value && semverValid(value) !== null;
}

/** An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`). */
export function isSpdxExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** An RFC 5322 address (`team@example.com`), without a display name. */
export function isEmail(value: string): boolean {
  const parsed = emailAddresses.parseOneAddress({ input: value, rfc6532: true });
  return parsed !== null && parsed.type === 'mailbox' && parsed.name === null && parsed.address === value;
}
