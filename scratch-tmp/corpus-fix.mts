import { lintWithFixes } from '/work/wt/outputs-fix-graph/src/engine/fixes.ts';
import { lint } from '/work/wt/outputs-fix-graph/src/engine/lint.ts';
import { builtinRules } from '/work/wt/outputs-fix-graph/rules/index.ts';
import { parseDocument } from '/work/wt/outputs-fix-graph/node_modules/yaml/dist/index.js';
import fs from 'node:fs';
const rules = ['apk-no-cache', 'locked-install', 'dockerignore-entries', 'build-only-service', 'gpu-reservation', 'unused-stage'];
fs.writeFileSync('/tmp/corpus-config.json', JSON.stringify({ extends: [], rules: Object.fromEntries(rules.map((r) => [r, 'warning'])) }));
const cwd = '/tmp/corpus';
let t = Date.now();
const before = await lint({ cwd, paths: ['.'], rules: builtinRules, configPath: '/tmp/corpus-config.json' });
console.log('lint ms', Date.now() - t, 'files', before.filesChecked, 'internal', before.internalErrors.length);
const count = (fs: any[]) => { const m: Record<string, [number, number]> = {}; for (const f of fs) { m[f.ruleId] ??= [0, 0]; m[f.ruleId][0]++; if (f.fix) m[f.ruleId][1]++; } return m; };
console.log('before [findings, fixable]', count(before.findings));
t = Date.now();
const run = await lintWithFixes({ cwd, paths: ['.'], rules: builtinRules, configPath: '/tmp/corpus-config.json' });
console.log('fix ms', Date.now() - t, 'passes', run.passes, 'applied', run.applied, 'files', run.changes.length, 'internal', run.result.internalErrors.length);
console.log('after', count(run.result.findings));
for (const c of run.changes) if (/\.ya?ml$/.test(c.path)) { const d = parseDocument(c.after); if (d.errors.length) console.log('YAML BROKEN', c.displayPath, d.errors[0].message); }
fs.writeFileSync('/tmp/corpus-changes.json', JSON.stringify(run.changes.map((c) => ({ file: c.displayPath, before: c.before, after: c.after }))));
