#!/usr/bin/env node
// Thin entry: the CLI is bundled into dist/ by `npm run build` (run automatically by `npm ci`).
import { loadBundle, writeCodeCache } from './load-bundle.js';

const bundle = loadBundle('cli');
// A cache that Node rejected (it was written by another Node version) is replaced after this run.
if (bundle.script.cachedDataRejected) process.once('beforeExit', () => writeCodeCache('cli', bundle.script));

bundle.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`docker-policy: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DOCKER_POLICY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
