import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { builtinRules } from '../rules/index.js';

// The real-world corpus lives beside the repository (../shared/corpus), as in CI.
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const available = fs.existsSync(corpus);
if (!available) console.warn(`corpus sweep skipped: ${corpus} not found`);

it.runIf(available)('checks every file of the real-world corpus with every rule and no internal error', async () => {
  const result = await lint({ cwd: corpus, paths: ['.'], rules: builtinRules, cliRules: Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.severity])) });
  expect(result.internalErrors).toEqual([]);
  expect(result.pathErrors).toEqual([]);
  expect(result.filesChecked).toBeGreaterThan(1000);
  const counts: Record<string, number> = {};
  for (const finding of result.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  console.log(`corpus: ${result.filesChecked} files, ${result.findings.length} findings in ${result.durationMs} ms`, counts);
}, 240_000);
