#!/usr/bin/env node
// Thin entry: the CLI is bundled into dist/ by `npm run build` (run automatically by `npm ci`).
import { requireBundle, writeCodeCaches } from './load-bundle.js';

// Caches that Node rejected (written by another Node version) are replaced after this run; not by a
// run with Node options of its own (--cpu-prof, NODE_OPTIONS), whose V8 flags a plain run would reject.
if (!process.execArgv.length && !process.env.NODE_OPTIONS) process.once('beforeExit', () => writeCodeCaches({ rejectedOnly: true }));

requireBundle('cli')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`docker-policy: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.DOCKER_POLICY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 2;
    },
  );
