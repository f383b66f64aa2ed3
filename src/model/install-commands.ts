import { effectiveArgv, programName } from './queries.js';
import type { ShellCommand } from './shell.js';

/** Sub-commands that install dependencies, per package manager; `''` means "no sub-command at all". */
const INSTALL_SUBCOMMANDS: Record<string, string[]> = {
  npm: ['install', 'i', 'ci', 'add', 'isntall'],
  pnpm: ['install', 'i', 'add'],
  yarn: ['', 'install', 'add'],
  bun: ['install', 'i', 'add'],
  pip: ['install'],
  pip3: ['install'],
  pipenv: ['install', 'sync'],
  poetry: ['install', 'add'],
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
  bundle: ['install', ''],
  bundler: ['install'],
  composer: ['install', 'require'],
  gem: ['install'],
  conda: ['install', 'create'],
  mamba: ['install', 'create'],
  micromamba: ['install', 'create'],
  cargo: ['install'],
};

/** True when the command installs packages or dependencies (`npm ci`, `pip install -r …`, `apt-get install`, `go mod download`, …). */
export function isDependencyInstall(command: ShellCommand): boolean {
  const argv = effectiveArgv(command);
  const program = programName(command);
  if (!program) return false;
  const rest = argv.slice(1).map((word) => word.value);
  const positional = rest.filter((word) => !word.startsWith('-'));
  const first = positional[0] ?? '';
  if (/^python[0-9.]*$/.test(program)) {
    // python -m pip install …
    const module = rest.indexOf('-m');
    if (module >= 0 && /^pip3?$/.test(rest[module + 1] ?? '')) return rest.slice(module + 2).filter((word) => !word.startsWith('-'))[0] === 'install';
    return false;
  }
  if (program === 'uv') return (first === 'pip' && positional[1] === 'install') || first === 'sync' || first === 'add';
  if (program === 'go') return (first === 'mod' && positional[1] === 'download') || first === 'get' || first === 'install';
  if (/^pip[0-9.]*$/.test(program)) return first === 'install';
  const subcommands = INSTALL_SUBCOMMANDS[program];
  if (!subcommands) return false;
  if (subcommands.includes('') && positional.length === 0) return true;
  return subcommands.includes(first);
}
