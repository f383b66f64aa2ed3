import { readFileSync } from 'node:fs';
import { UsageError } from './build-target.js';

/** A log file's text (`-` reads standard input); a missing file is a usage error. */
export function readLog(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `log file ${file} does not exist` : `cannot read log file ${file}: ${(error as Error).message}`);
  }
}
