#!/usr/bin/env node
// Thin entry: the CLI is bundled into dist/ by `npm run build` (run automatically by `npm ci`).
import { requireBundle, writeCodeCaches } from './load-bundle.js';

const argv = process.argv.slice(2);
// Caches that Node rejected (written by another Node version) are replaced after this run; not by a
// run with Node options of its own (--cpu-prof, NODE_OPTIONS), whose V8 flags a plain run would reject.
const refreshCaches = !process.execArgv.length && !process.env.NODE_OPTIONS;
if (refreshCaches) process.once('beforeExit', () => writeCodeCaches({ rejectedOnly: true }));

requireBundle('cli')
  .main(argv)
  .then(
    (code) => {
      process.exitCode = code;
      // Every command but the language server has finished its work when main resolves: end the process as
      // soon as the output is flushed rather than wait for Node to free the heap piece by piece (10–30 ms).
      if (!argv.includes('lsp')) exitWhenFlushed();
    },
    (error) => {
      process.stderr.write(`docker-policy: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.DOCKER_POLICY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 2;
    },
  );

function exitWhenFlushed() {
  if (refreshCaches) writeCodeCaches({ rejectedOnly: true });
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
