import type { ErrorObject, ValidateFunction } from 'ajv';
import { closestMatch } from './suggest.js';
import { entryAt, valueAt, type ComposeMap, type ComposePath, type ComposeValue, type Origin } from './compose-tree.js';

/** One schema violation, said the way a person fixes it, with where the offending value was written. */
export interface SchemaViolation {
  /** `services.web.ports[0]` */
  path: string;
  message: string;
  origin: Origin;
}

let validator: ValidateFunction | null = null;

/**
 * Load the compose-spec validator once (the schema is vendored in src/model/schema/). It is imported
 * here, not at start-up: a run without compose files never loads it.
 */
export async function loadComposeValidator(): Promise<void> {
  if (validator) return;
  const { compileComposeValidator } = await import('./compose-validator.js');
  validator ??= await compileComposeValidator();
}

/** Validate a merged, interpolated project model against the compose specification (after `loadComposeValidator`). */
export function validateComposeModel(model: ComposeMap, plain: unknown): SchemaViolation[] {
  const validate = validator;
  if (!validate) throw new Error('validateComposeModel before loadComposeValidator');
  if (validate(plain)) return [];
  const errors = collapse((validate.errors ?? []) as ErrorObject[]);
  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const instancePath = toPath(error.instancePath);
    const violation = describe(error, instancePath, model);
    const written = valueAt(model, instancePath);
    if (written?.kind === 'scalar' && written.raw !== undefined && error.keyword !== 'additionalProperties') violation.message += ` — written as ${JSON.stringify(written.raw)} before interpolation`;
    const key = `${violation.path}\0${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

/**
 * Replace each failed `oneOf`/`anyOf` and its branch errors by what a person needs. Ajv reports a
 * branch's errors just before the `oneOf` error (their schema paths follow `$ref`s, so the errors
 * under the value's path that precede it are the branches'). Branch errors that say "wrong kind of
 * value" are dropped when another branch accepted the kind and failed on a detail (a misspelt key,
 * a bad enum value); when no branch accepted the kind, one error lists the accepted kinds.
 */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const under = (error: ErrorObject, prefix: string) => error.instancePath === prefix || error.instancePath.startsWith(`${prefix}/`);
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    const branchErrors: ErrorObject[] = [];
    while (out.length && under(out[out.length - 1]!, error.instancePath)) branchErrors.unshift(out.pop()!);
    if ((error.params as { passingSchemas?: unknown }).passingSchemas) {
      out.push({ ...error, keyword: 'ambiguous' });
      continue;
    }
    const shapeErrors = branchErrors.filter((branch) => branch.instancePath === error.instancePath && isShapeError(branch));
    const details = branchErrors.filter((branch) => !shapeErrors.includes(branch));
    if (details.length) {
      out.push(...details);
      continue;
    }
    const accepted = new Set<string>();
    for (const branch of shapeErrors) {
      if (branch.keyword === 'type') for (const type of [branch.params.type as string | string[]].flat()) accepted.add(type);
      if (branch.keyword === 'enum') for (const allowed of branch.params.allowedValues as unknown[]) accepted.add(`\`${String(allowed)}\``);
    }
    out.push({ ...error, keyword: 'type', params: { type: [...accepted] } });
  }
  return out;
}

/** An error that says the value has the wrong kind (so the branch did not apply at all). */
function isShapeError(error: ErrorObject): boolean {
  return error.keyword === 'type' || error.keyword === 'enum' || error.keyword === 'const';
}

function toPath(pointer: string): ComposePath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function formatPath(path: ComposePath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? (/^[\w.-]+$/.test(step) ? `.${step}` : `["${step}"]`) : step;
  }
  return out || '(top level)';
}

const TYPE_WORDS: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'empty' };

function kindOf(value: ComposeValue | null): string {
  if (!value) return 'nothing';
  if (value.kind === 'map') return 'a mapping';
  if (value.kind === 'seq') return 'a list';
  if (value.value === null) return 'an empty value';
  if (typeof value.value === 'boolean') return `the boolean ${value.value}`;
  if (typeof value.value === 'number') return `the number ${value.value}`;
  return `the string ${JSON.stringify(value.value.length > 40 ? `${value.value.slice(0, 40)}…` : value.value)}`;
}

function joinAlternatives(words: string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** What the path names, for messages: `service web`, `network backend`, `the top level`. */
function owner(path: ComposePath): string {
  const [section, name] = path;
  const singular: Record<string, string> = { services: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config', models: 'model' };
  if (path.length === 0) return 'the top level of the file';
  if (path.length === 1) return `\`${section}\``;
  if (path.length === 2 && typeof section === 'string' && singular[section]) return `${singular[section]} ${name}`;
  return `\`${formatPath(path)}\``;
}

function describe(error: ErrorObject, path: ComposePath, model: ComposeMap): SchemaViolation {
  const value = valueAt(model, path);
  const here = value?.origin ?? model.origin;
  const shown = formatPath(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const entry = entryAt(model, [...path, key]);
      const known = Object.keys(((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const suggestion = closest(key, known);
      const where = owner(path);
      const isName = path.length === 1 && ['services', 'networks', 'volumes', 'secrets', 'configs', 'models'].includes(String(path[0]));
      const message = isName
        ? `Invalid name \`${key}\` in \`${path[0]}\`: names may use only letters, digits, \`.\`, \`_\` and \`-\``
        : `Unknown key \`${key}\` in ${where}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`;
      return { path: formatPath([...path, key]), message, origin: entry?.keyOrigin ?? here };
    }
    case 'type': {
      const types = [error.params.type as string | string[]].flat().map((type) => TYPE_WORDS[type] ?? type);
      return { path: shown, message: `${shown}: must be ${joinAlternatives(types)} (got ${kindOf(value)})`, origin: here };
    }
    case 'enum':
      return { path: shown, message: `${shown}: must be one of ${(error.params.allowedValues as unknown[]).map((allowed) => `\`${String(allowed)}\``).join(', ')} (got ${kindOf(value)})`, origin: here };
    case 'required': {
      const missing = String(error.params.missingProperty);
      const entry = path.length ? entryAt(model, path) : null;
      return { path: shown, message: `${shown}: missing required key \`${missing}\``, origin: entry?.keyOrigin ?? here };
    }
    case 'uniqueItems':
      return { path: shown, message: `${shown}: items ${Number(error.params.j) + 1} and ${Number(error.params.i) + 1} are the same; list each value once`, origin: valueAt(model, [...path, Number(error.params.i)])?.origin ?? here };
    case 'ambiguous':
      return { path: shown, message: `${shown}: the value matches more than one allowed form`, origin: here };
    case 'pattern':
      return { path: shown, message: `${shown}: ${kindOf(value)} does not match the required pattern ${String(error.params.pattern)}`, origin: here };
    default:
      return { path: shown, message: `${shown}: ${error.message ?? 'is not valid'}`, origin: here };
  }
}

/** The known key closest to a misspelt one, when it is close enough to be a typo. */
export function closest(word: string, candidates: string[]): string | null {
  return closestMatch(word, candidates, Math.max(1, Math.ceil(word.length / 3)));
}
