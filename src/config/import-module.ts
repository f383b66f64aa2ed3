/**
 * Import a JavaScript file by URL (a config module, a plugin). The CommonJS bundle replaces this
 * module with a call to the `import()` of bin/load-bundle.js (see scripts/build.mjs): a script loaded
 * through node:vm with a code cache has no `import()` of its own.
 */
export function importModule(url: string): Promise<unknown> {
  return import(url);
}
