import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The package version, read from the package.json above this module (src/ or dist/). */
export function toolVersion(): string {
  if (cached) return cached;
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'docker-policy') return (cached = manifest.version ?? '0.0.0');
    } catch {
      // not here: keep walking up
    }
    directory = path.dirname(directory);
  }
  return (cached = '0.0.0');
}
