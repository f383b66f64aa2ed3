import { parse as parseDotenv } from 'dotenv';
import type { SourceFile } from './source.js';

export interface EnvFileModel {
  kind: 'env';
  file: SourceFile;
  values: Record<string, string>;
  /** 1-based line of each key, for findings. */
  lines: Record<string, number>;
}

export function parseEnvFile(file: SourceFile): EnvFileModel {
  const values = parseDotenv(file.text);
  const lines: Record<string, number> = {};
  for (let line = 1; line <= file.lineCount; line++) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/.exec(file.lineText(line));
    if (match && !(match[1]! in lines)) lines[match[1]!] = line;
  }
  return { kind: 'env', file, values, lines };
}
