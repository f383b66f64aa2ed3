import type { OptionsSchema } from '../engine/types.js';

/**
 * Validate rule options against the rule's schema (the subset rules use: type, enum, items,
 * properties, additionalProperties). Returns readable problems; empty when valid.
 */
export function validateOptions(schema: OptionsSchema | undefined, value: unknown): string[] {
  if (!schema) return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0) ? [] : ['this rule takes no options'];
  return validateValue(schema as unknown as Record<string, unknown>, value, 'options');
}

function validateValue(schema: Record<string, unknown>, value: unknown, where: string): string[] {
  const type = schema.type as string | undefined;
  const problems: string[] = [];
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (type && !(type === actual || (type === 'integer' && typeof value === 'number' && Number.isInteger(value)))) {
    return [`${where} must be ${type === 'array' ? 'a list' : `a ${type}`} (got ${actual})`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${where} must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`);
  if (type === 'array' && schema.items && Array.isArray(value)) {
    value.forEach((item, index) => problems.push(...validateValue(schema.items as Record<string, unknown>, item, `${where}[${index}]`)));
  }
  if (type === 'object' && value && typeof value === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (properties[key]) problems.push(...validateValue(properties[key], item, `${where}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`unknown option "${key}" (expected ${Object.keys(properties).join(', ') || 'none'})`);
    }
  }
  return problems;
}
