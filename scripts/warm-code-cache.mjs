// Run by scripts/build.mjs: loads the fresh bundle, checks a Dockerfile and a compose file of the demo
// fixture (as the CLI would, output discarded by the caller), then writes the bundle's V8 code cache
// with every function those checks compiled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, writeCodeCache } from '../bin/load-bundle.js';

const { exports, script } = loadBundle('cli');
process.chdir(fileURLToPath(new URL('../fixtures/demo/', import.meta.url)));
for (const file of ['api/Dockerfile', 'compose.yaml', '.']) await exports.main(['check', path.normalize(file)]);
process.exitCode = 0;
writeCodeCache('cli', script);
