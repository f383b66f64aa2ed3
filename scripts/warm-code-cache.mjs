// Run by scripts/build.mjs: loads the fresh bundles, checks a Dockerfile, a compose file and the demo
// fixture (as the CLI would, output discarded by the caller), then writes each bundle's V8 code cache
// with every function those checks compiled.
import { fileURLToPath } from 'node:url';
import { requireBundle, writeCodeCaches } from '../bin/load-bundle.js';

const { main } = requireBundle('cli');
process.chdir(fileURLToPath(new URL('../fixtures/demo/', import.meta.url)));
for (const target of ['api/Dockerfile', 'compose.yaml', '.']) await main(['check', target]);
process.exitCode = 0;
writeCodeCaches({ rejectedOnly: false });
