// Loads the CommonJS bundles of dist/ with the V8 code caches the build wrote beside them: V8 then
// skips parsing and compiling the bundle and the functions the build's warm-up run compiled, which
// was most of a cold start. A cache V8 rejects (another Node version, other V8 flags) is ignored:
// the bundle compiles from source as usual, and the CLI writes a fresh cache (writeCodeCaches).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const distDirectory = fileURLToPath(new URL('../dist/', import.meta.url));
/** @type {Map<string, { exports: any, script: vm.Script }>} */
const bundles = new Map();

/** The exports of dist/<name>.cjs, loaded once. */
export function requireBundle(name) {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = loadBundle(name);
    bundles.set(name, bundle);
  }
  return bundle.exports;
}

function loadBundle(name) {
  const filename = path.join(distDirectory, `${name}.cjs`);
  const source = fs.readFileSync(filename, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile(name));
  } catch {
    // no cache (a build without the warm-up): compile from source
  }
  // A function compiled from a code cache has no import() of its own: the bundle imports config
  // modules and plugins with this module's, and loads the other bundles with requireBundle.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleImport, __requireBundle) {${source}\n})`, { filename, cachedData });
  const module = { exports: {} };
  const importModule = (url) => import(url);
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, distDirectory, importModule, requireBundle);
  return { exports: module.exports, script };
}

function cacheFile(name) {
  return path.join(distDirectory, `${name}.v8cache`);
}

/**
 * Write the code cache of each bundle loaded (with every function compiled so far) for the next run:
 * the build does it after a warm-up; the CLI only for caches V8 rejected (Node was upgraded), best
 * effort and atomically (a read-only install simply keeps compiling from source).
 */
export function writeCodeCaches({ rejectedOnly }) {
  for (const [name, { script }] of bundles) {
    if (rejectedOnly && !script.cachedDataRejected) continue;
    const target = cacheFile(name);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, target);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}
