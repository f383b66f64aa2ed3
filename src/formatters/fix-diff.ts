import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileChange } from '../engine/fixes.js';

/** The fixes as one unified diff with git-style `a/` and `b/` paths, so `git apply` takes it as it is. */
export function formatFixDiff(changes: FileChange[]): string {
  return changes
    .map((change) => createTwoFilesPatch(`a/${change.displayPath}`, `b/${change.displayPath}`, change.before, change.after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }))
    .join('');
}
