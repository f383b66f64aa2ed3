// Loads a CommonJS bundle from dist/ with the V8 code cache the build wrote beside it: V8 then
// skips parsing and compiling the bundle and the functions the build's warm-up run compiled, which
// was most of a cold start. A cache V8 rejects (another Node version or V8 flags) is ignored: the
// bundle compiles from source as usual, and the entry may write a fresh cache (see refreshCodeCache).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const distDirectory = fileURLToPath(new URL('../dist/', import.meta.url));

/** The bundle's exports and its script (for `createCachedData`). */
export function loadBundle(name) {
  const filename = path.join(distDirectory, `${name}.cjs`);
  const source = fs.readFileSync(filename, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile(name));
  } catch {
    // no cache (a build without the warm-up): compile from source
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleImport) {${source}\n})`, { filename, cachedData });
  const module = { exports: {} };
  // The bundle's way to import config modules and plugins (it has no import() of its own: see scripts/build.mjs).
  const importModule = (url) => import(url);
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, distDirectory, importModule);
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

export function cacheFile(name) {
  return path.join(distDirectory, `${name}.v8cache`);
}

/**
 * Write the script's code cache (with every function compiled so far) for the next run: the build
 * does it after a warm-up; the CLI does it once when V8 rejected the cache (Node was upgraded), best
 * effort and atomically (a read-only install simply keeps compiling from source).
 */
export function writeCodeCache(name, script) {
  const target = cacheFile(name);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, target);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
