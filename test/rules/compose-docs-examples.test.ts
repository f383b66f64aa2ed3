import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runRule } from '../helpers/rule-tester.js';

// These rules' documentation examples are whole compose files, and real: "bad" is reported, "good" is not.
const SELF_CONTAINED = new Set([
  'compose-build-and-image', 'compose-container-name', 'compose-depends-on-order', 'compose-duplicate-container-name', 'compose-duplicate-host-port',
  'compose-port-quotes', 'compose-ports-order', 'compose-project-name', 'compose-service-keys-order', 'compose-services-order', 'compose-top-level-order',
  'compose-unbound-port', 'compose-version-field', 'compose-volume-quotes', 'healthcheck-present', 'internal-network-exposed', 'log-rotation',
  'no-plaintext-secrets', 'resource-limits', 'restart-policy',
]);
const COMPOSE_RULES = builtinRules.filter((rule) => SELF_CONTAINED.has(rule.meta.id));

describe('compose rule docs examples', () => {
  it('covers every listed rule', () => expect(COMPOSE_RULES.length).toBe(SELF_CONTAINED.size));
  it.each(COMPOSE_RULES.map((rule) => [rule.meta.id, rule] as const))('%s', async (_, rule) => {
    const bad = await runRule(rule, { files: { 'compose.yaml': rule.meta.docs.bad.code } });
    const good = await runRule(rule, { files: { 'compose.yaml': rule.meta.docs.good.code } });
    expect(bad.length, 'the bad example is reported').toBeGreaterThan(0);
    expect(good, 'the good example is clean').toEqual([]);
  });
});
