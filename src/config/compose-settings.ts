import path from 'node:path';
import type { ComposeOptions } from '../model/compose-project.js';
import { ConfigError, type ResolvedConfig } from './config.js';

/** Compose options from the command line (`--compose-file`, `--env-file`, `--profile`), paths relative to cwd. */
export interface ComposeCliOptions {
  files?: string[];
  envFiles?: string[];
  profiles?: string[];
}

/**
 * `settings.compose` (`files`, `envFiles`, `profiles`, `useProcessEnv`) merged with the command
 * line, which wins. Paths in the config are relative to the config file.
 */
export function composeOptionsFor(config: ResolvedConfig, cli: ComposeCliOptions, cwd: string): ComposeOptions {
  const raw = config.settings.compose;
  const source = config.source ?? '(settings)';
  const base = config.source ? path.dirname(config.source) : cwd;
  const settings = raw === undefined || raw === null ? {} : raw;
  if (typeof settings !== 'object' || Array.isArray(settings)) throw new ConfigError(source, null, '"settings.compose" must be a mapping (files, envFiles, profiles, useProcessEnv)');
  const record = settings as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['files', 'envFiles', 'profiles', 'useProcessEnv'].includes(key)) throw new ConfigError(source, null, `unknown key "settings.compose.${key}" (expected files, envFiles, profiles, useProcessEnv)`);
  }
  const strings = (value: unknown, name: string): string[] | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    throw new ConfigError(source, null, `"settings.compose.${name}" must be a list of strings`);
  };
  let fileSets: string[][] | undefined;
  const files = record.files;
  if (files !== undefined) {
    // One set (`[a.yml, b.yml]`) or several (`[[a.yml, b.yml], [c.yml]]`).
    const sets = Array.isArray(files) && files.some(Array.isArray) ? files.map((set, index) => strings(set, `files[${index}]`)!) : [strings(files, 'files')!];
    fileSets = sets.map((set) => set.map((file) => path.resolve(base, file)));
  }
  if (record.useProcessEnv !== undefined && typeof record.useProcessEnv !== 'boolean') throw new ConfigError(source, null, '"settings.compose.useProcessEnv" must be true or false');
  const options: ComposeOptions = {
    fileSets,
    envFiles: strings(record.envFiles, 'envFiles')?.map((file) => path.resolve(base, file)),
    profiles: strings(record.profiles, 'profiles'),
    useProcessEnv: record.useProcessEnv === true,
  };
  if (cli.files?.length) options.fileSets = [cli.files.map((file) => path.resolve(cwd, file))];
  if (cli.envFiles?.length) options.envFiles = cli.envFiles.map((file) => path.resolve(cwd, file));
  if (cli.profiles?.length) options.profiles = cli.profiles;
  return options;
}
