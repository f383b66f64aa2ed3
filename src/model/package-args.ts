import { effectiveArgv } from './queries.js';
import type { ShellCommand, ShellWord } from './shell.js';

/**
 * Argument parsing for the package managers rules look at (apt-get/apt, apk, pip, npm, yarn, gem,
 * go): which words are options, which words are option values, what the sub-command is and which
 * words name packages — so `apt-get install -t bookworm-backports curl` has one package, not two.
 */

export interface ParsedOption {
  /** As written up to `=`: `--no-cache`, `-y`. Short clusters are split: `-qy` gives `-q` and `-y`. */
  name: string;
  value: string | null;
  /** The word the option is written in. */
  word: ShellWord;
}

export interface ArgSyntax {
  /** Options that take a value, in the next word unless written `--name=value` or `-nVALUE`. */
  valueOptions: ReadonlySet<string>;
  /** Go-style flags: `-tags` is one flag, not a cluster of letters; `--tags` means the same. */
  singleDashLong?: boolean;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Words that are neither options nor option values, in order. */
  positionals: ShellWord[];
}

export function parseArgs(words: readonly ShellWord[], syntax: ArgSyntax): ParsedArgs {
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = word.value;
    if (text === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (!text.startsWith('-') || text === '-') {
      positionals.push(word);
      continue;
    }
    const long = text.startsWith('--') || syntax.singleDashLong || /^-[A-Za-z]=/.test(text);
    if (long) {
      const eq = text.indexOf('=');
      let name = eq >= 0 ? text.slice(0, eq) : text;
      if (syntax.singleDashLong && name.startsWith('--')) name = name.slice(1);
      if (eq >= 0) options.push({ name, value: text.slice(eq + 1), word });
      else if (syntax.valueOptions.has(name) && i + 1 < words.length) options.push({ name, value: words[++i]!.value, word });
      else options.push({ name, value: null, word });
      continue;
    }
    // A cluster of short options: `-qy`, `-ovalue`, `-t value`.
    for (let c = 1; c < text.length; c++) {
      const name = `-${text[c]}`;
      if (!syntax.valueOptions.has(name)) {
        options.push({ name, value: null, word });
        continue;
      }
      const rest = text.slice(c + 1);
      if (rest) options.push({ name, value: rest, word });
      else options.push({ name, value: i + 1 < words.length ? words[++i]!.value : null, word });
      break;
    }
  }
  return { options, positionals };
}

/** One call of a package manager: `apt-get -y install curl`, `python3 -m pip install flask`. */
export interface ToolCall {
  /** The tool without its directory: `apt-get`, `apt`, `pip3`, `uv`, `npm`. */
  program: string;
  /** The command word (where findings about the whole command point). */
  commandWord: ShellWord;
  /** The first positional word: `install`, `add`, `update`. */
  subcommand: ShellWord | null;
  /** Every option, before and after the sub-command. */
  options: ParsedOption[];
  /** Positional words after the sub-command: packages, files, … */
  operands: ShellWord[];
}

export function hasOption(call: ToolCall, ...names: string[]): boolean {
  return call.options.some((option) => names.includes(option.name));
}

/** Values given to an option, in order: `-o APT::Install-Recommends=false` gives that string. */
export function optionValues(call: ToolCall, ...names: string[]): string[] {
  return call.options.filter((option) => names.includes(option.name) && option.value !== null).map((option) => option.value!);
}

/** Operands written out literally: packages in variables (`$buildDeps`) cannot be judged. */
export function literalOperands(call: ToolCall): ShellWord[] {
  return call.operands.filter((word) => !word.dynamic && !word.value.includes('$'));
}

function basename(word: ShellWord | undefined): string {
  const value = word?.value ?? '';
  return value.slice(value.lastIndexOf('/') + 1);
}

function toolCall(program: string, commandWord: ShellWord, words: readonly ShellWord[], syntax: ArgSyntax): ToolCall {
  const { options, positionals } = parseArgs(words, syntax);
  return { program, commandWord, subcommand: positionals[0] ?? null, options, operands: positionals.slice(1) };
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const APT_SYNTAX: ArgSyntax = {
  valueOptions: set('-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture', '-P', '--build-profiles'),
};

/** `apt-get …` or `apt …` (through `sudo`/`env`). */
export function aptCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  const program = basename(argv[0]);
  if (program !== 'apt-get' && program !== 'apt') return null;
  return toolCall(program, argv[0]!, argv.slice(1), APT_SYNTAX);
}

const APK_SYNTAX: ArgSyntax = {
  valueOptions: set('-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--cache-dir', '--repositories-file', '--cache-max-age', '--progress-fd', '--wait', '--timeout'),
};

export function apkCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  if (basename(argv[0]) !== 'apk') return null;
  return toolCall('apk', argv[0]!, argv.slice(1), APK_SYNTAX);
}

const PIP_SYNTAX: ArgSyntax = {
  valueOptions: set(
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root',
    '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--trusted-host', '--cache-dir', '--src', '--upgrade-strategy', '--progress-bar',
    '--timeout', '--retries', '--config-settings', '-C', '--log', '--proxy', '--cert', '--client-cert', '--exists-action', '--global-option', '--install-option', '--report',
    '--use-feature', '--use-deprecated', '-b', '--build', '--python', '-p', '--index', '--default-index', '--extra-index', '--index-strategy', '--keyring-provider', '--resolution',
  ),
};

export interface PipCall extends ToolCall {
  /** `pip` for pip, pip3, pip3.12 and `python -m pip`; `uv` for `uv pip`. */
  tool: 'pip' | 'uv';
  /** Installs from requirement or constraint files (`-r`, `-c`): versions come from the files. */
  usesRequirementFiles: boolean;
}

/** `pip …`, `pip3.12 …`, `python3 -m pip …` or `uv pip …`; the sub-command is `install`, `download`, … */
export function pipCall(command: ShellCommand): PipCall | null {
  const argv = effectiveArgv(command);
  const program = basename(argv[0]);
  let rest: readonly ShellWord[];
  let tool: 'pip' | 'uv' = 'pip';
  if (/^pip[0-9.]*$/.test(program)) rest = argv.slice(1);
  else if (/^python[0-9.]*$/.test(program)) {
    const m = argv.findIndex((word) => word.value === '-m');
    if (m < 0 || !/^pip[0-9.]*$/.test(argv[m + 1]?.value ?? '')) return null;
    rest = argv.slice(m + 2);
  } else if (program === 'uv' && argv[1]?.value === 'pip') {
    rest = argv.slice(2);
    tool = 'uv';
  } else return null;
  const call = toolCall(program, argv[0]!, rest, PIP_SYNTAX);
  const usesRequirementFiles = hasOption(call, '-r', '--requirement', '-c', '--constraint');
  return { ...call, tool, usesRequirementFiles };
}

export interface PipRequirement {
  /** `name`: a PyPI project; `local`: a path, `.`, a wheel or sdist; `url`: a plain URL; `vcs`: `git+https://…`. */
  kind: 'name' | 'local' | 'url' | 'vcs';
  /** Project name, lower case, for `name` requirements. */
  name: string;
  /** Any version constraint: `==1.2`, `>=2`, `~=1.4`, or a direct reference (`pkg @ https://…`). */
  constrained: boolean;
  /** Pinned with `==`/`===` (or a direct reference): what a lock-file install would write. */
  exact: boolean;
  /** A VCS requirement that names a revision (`git+https://host/repo@v1.2`). */
  vcsRevision: boolean;
}

const VCS_SCHEME = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

/** How a `pip install` argument names what to install (PEP 508 / pip's requirement specifiers). */
export function pipRequirement(value: string): PipRequirement {
  const base = { name: '', constrained: false, exact: false, vcsRevision: false };
  if (VCS_SCHEME.test(value)) {
    const lastSegment = value.replace(/#.*$/, '').slice(value.lastIndexOf('/') + 1);
    return { ...base, kind: 'vcs', vcsRevision: lastSegment.includes('@') };
  }
  // A direct reference: `pkg @ https://…/pkg.zip`, `pkg[extra]@file:///…`.
  const direct = /^([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*@/.exec(value);
  if (direct) return { kind: 'name', name: direct[1]!.toLowerCase(), constrained: true, exact: true, vcsRevision: false };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^file:/i.test(value)) return { ...base, kind: 'url' };
  if (/^(\.|\/|~)/.test(value) || /\.(whl|tar\.gz|tar\.bz2|zip|tgz)$/i.test(value)) return { ...base, kind: 'local' };
  const name = value.replace(/[\s[<>=!~;@].*$/s, '').toLowerCase();
  const rest = value.slice(value.search(/[\s[<>=!~;@]|$/));
  const specifier = rest.replace(/^\[[^\]]*\]/, '').replace(/;.*$/s, '').trim();
  // Not a project name after all (`src/pkg`): treat like pip does, as a path.
  if (value.includes('/') && !specifier) return { ...base, kind: 'local' };
  const constrained = /^(===|==|>=|<=|!=|~=|>|<)/.test(specifier);
  const exact = specifier.startsWith('==');
  return { kind: 'name', name, constrained, exact, vcsRevision: false };
}

const NPM_SYNTAX: ArgSyntax = {
  valueOptions: set(
    '--prefix', '--registry', '--cache', '--userconfig', '--globalconfig', '-w', '--workspace', '--omit', '--include', '--tag', '--loglevel', '--save-prefix', '--before',
    '--install-strategy', '--os', '--cpu', '--libc', '--scope', '--otp',
  ),
};

export function npmCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  if (basename(argv[0]) !== 'npm') return null;
  return toolCall('npm', argv[0]!, argv.slice(1), NPM_SYNTAX);
}

/** How an `npm install` argument pins what it installs. `floating`: a version that moves (`@latest`). */
export function npmPackagePin(value: string): 'pinned' | 'unpinned' | 'floating' {
  if (/^(git|git\+ssh|git\+https?):\/\//.test(value) || /^(github|gitlab|bitbucket|gist):/.test(value)) return value.includes('#') ? 'pinned' : 'unpinned';
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(value) || value === '.' || value === '..') return 'pinned';
  if (/\.(tar|tar\.gz|tgz)$/.test(value) || /^https?:\/\//.test(value)) return 'pinned';
  const scoped = value.startsWith('@');
  const withoutScope = scoped ? value.slice(value.indexOf('/') + 1) : value;
  // `user/repo` is a GitHub shorthand; `#ref` pins it.
  if (!scoped && value.includes('/')) return value.includes('#') ? 'pinned' : 'unpinned';
  const at = withoutScope.indexOf('@');
  if (at < 0) return 'unpinned';
  const version = withoutScope.slice(at + 1);
  if (!version || version === 'latest') return 'floating';
  return 'pinned';
}

const YARN_SYNTAX: ArgSyntax = {
  valueOptions: set('--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--registry', '--global-folder', '--link-folder', '--preferred-cache-folder', '--network-concurrency', '--cwd'),
};

export function yarnCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  if (basename(argv[0]) !== 'yarn') return null;
  return toolCall('yarn', argv[0]!, argv.slice(1), YARN_SYNTAX);
}

const GEM_SYNTAX: ArgSyntax = {
  valueOptions: set('-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '--document', '--build-root', '-g', '--file', '--target-rbconfig'),
};

export function gemCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  if (basename(argv[0]) !== 'gem') return null;
  return toolCall('gem', argv[0]!, argv.slice(1), GEM_SYNTAX);
}

const GO_SYNTAX: ArgSyntax = {
  singleDashLong: true,
  valueOptions: set(
    '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix',
    '-C', '-exec', '-covermode', '-coverpkg',
  ),
};

export function goCall(command: ShellCommand): ToolCall | null {
  const argv = effectiveArgv(command);
  if (basename(argv[0]) !== 'go') return null;
  return toolCall('go', argv[0]!, argv.slice(1), GO_SYNTAX);
}

/** Go's own version queries that resolve to whatever is newest when the build runs. */
const GO_MOVING_QUERIES = new Set(['latest', 'upgrade', 'patch']);

/**
 * How a `go install`/`go get`/`go run` package argument pins its version. `local`: a file, a
 * directory or a package of the current module or the standard library (no dot in the first path
 * element), whose version go.mod decides; `removal`: `pkg@none`.
 */
export function goPackagePin(value: string): 'pinned' | 'unpinned' | 'floating' | 'local' | 'removal' {
  const at = value.lastIndexOf('@');
  const path = at >= 0 ? value.slice(0, at) : value;
  const version = at >= 0 ? value.slice(at + 1) : null;
  if (/^(\.|\/)/.test(path) || path.endsWith('.go') || !path.split('/')[0]!.includes('.')) return 'local';
  if (version === null) return 'unpinned';
  if (version === 'none') return 'removal';
  if (!version || GO_MOVING_QUERIES.has(version)) return 'floating';
  return 'pinned';
}
