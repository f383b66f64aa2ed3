import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';

/**
 * The compose-spec validator. From source (tests, tsx) it is compiled with Ajv on first use; the
 * bundle replaces this module with the same validator compiled at build time (Ajv's standalone
 * code, see scripts/build.mjs), because compiling the schema took most of a cold compose check.
 */

export const AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true, allowUnionTypes: true, validateSchema: false };

export type JsonSchema = Record<string, unknown>;

export async function compileComposeValidator(): Promise<ValidateFunction> {
  // `default`: ajv is CommonJS, and a split bundle exposes only its module.exports.
  const [ajvModule, { default: composeSpec }] = await Promise.all([import('ajv'), import('./schema/compose-spec.json', { with: { type: 'json' } })]);
  const Ajv = ajvModule.default as unknown as typeof AjvClass;
  return new Ajv(AJV_OPTIONS).compile(withNewerSpec(composeSpec as unknown as JsonSchema));
}

/**
 * What Compose accepts that the newest schema on npm (vendored) does not have yet, so valid files are
 * not reported: `pre_start` init containers (Compose 5.3, a list of steps, each a mapping) and an
 * empty entry under a service's `models` (`models: {llm: }`, newer schemas allow null there).
 * Each addition is skipped once the vendored schema defines it.
 */
export function withNewerSpec(spec: JsonSchema): JsonSchema {
  const schema = structuredClone(spec);
  const service = (schema.definitions as Record<string, JsonSchema>).service!;
  const properties = service.properties as Record<string, JsonSchema>;
  properties.pre_start ??= { type: 'array', items: { type: 'object' }, description: 'Init containers: steps run, in order, before the service container starts.' };
  const modelsMap = (properties.models?.oneOf as JsonSchema[] | undefined)?.find((branch) => branch.type === 'object');
  const entries = modelsMap?.patternProperties as Record<string, JsonSchema> | undefined;
  for (const [pattern, entry] of Object.entries(entries ?? {})) {
    if (entry.type === 'object') entries![pattern] = { oneOf: [entry, { type: 'null' }] };
  }
  return schema;
}
