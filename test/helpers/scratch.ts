import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each test file gets its own copy of this module (vitest isolates files), so the list is per file.
const made: string[] = [];

/** Write `files` (relative path → text) into a new temporary directory and return its path. */
export function scratchTree(files: Record<string, string>, prefix = 'dp-test-'): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(directory);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

/** Remove every directory `scratchTree` made so far (from an afterEach or afterAll hook). */
export function removeScratchTrees(): void {
  for (const directory of made.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}
