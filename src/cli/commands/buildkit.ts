import type { Command } from 'commander';

/** `parse-log` and `verify-cache`: owned by the BuildKit work (src/buildkit/). */
export function registerBuildkitCommands(program: Command): void {
  void program;
}
