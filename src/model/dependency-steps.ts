import type { DockerfileModel, DockerInstruction, Stage } from './dockerfile.js';
import { effectiveArgv, runCommands } from './queries.js';
import type { ShellCommand, ShellWord } from './shell.js';
import { withoutTrailing } from './trim.js';

/** Dependency manifests and lock files: copying only these before the install keeps the install layer cached. */
export const DEFAULT_MANIFESTS: readonly string[] = [
  'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'npm-shrinkwrap.json', '.npmrc', '.yarnrc', '.yarnrc.yml', '.yarn', '.pnpmfile.cjs',
  'requirements*.txt', 'requirements', 'constraints*.txt', 'pyproject.toml', 'poetry.lock', 'poetry.toml', 'uv.lock', 'Pipfile', 'Pipfile.lock', 'setup.py', 'setup.cfg', '.python-version',
  'Gemfile', 'Gemfile.lock', '*.gemspec', '.ruby-version',
  'go.mod', 'go.sum', 'go.work', 'go.work.sum',
  'Cargo.toml', 'Cargo.lock', 'rust-toolchain', 'rust-toolchain.toml', 'recipe.json',
  'composer.json', 'composer.lock', 'auth.json',
  'pom.xml', '.mvn', 'mvnw', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradlew', 'gradle',
  '*.csproj', '*.fsproj', '*.vbproj', '*.sln', 'packages.lock.json', 'nuget.config', 'NuGet.Config', 'Directory.Packages.props', 'Directory.Build.props', 'global.json',
];

/** Files that are neither manifests nor application source: copying them early costs little. */
const NEUTRAL_EXTENSIONLESS = new Set(['makefile', 'license', 'licence', 'notice', 'procfile', 'version', 'dockerfile', 'authors', 'changelog']);
const NEUTRAL_EXTENSIONS = /\.(md|rst|txt|sh|bash|conf|cfg|ini|toml|ya?ml|json|env|crt|pem|key|patch|lock|xml|properties|service|template|tmpl|sql)$/i;

export type CopyKind = 'manifest' | 'source' | 'other';

export interface DependencyInstall {
  stage: Stage;
  instruction: DockerInstruction;
  command: ShellCommand;
  /** The word naming the install (`ci` in `npm ci`, `download` in `go mod download`), or the program word. */
  word: ShellWord;
  ecosystem: string;
  /** COPY/ADD instructions of only manifests (and neutral files) before the install, in the same stage. */
  manifestCopies: DockerInstruction[];
  /** The first COPY/ADD before the install, in the same stage, that brings in application source. */
  sourceCopy: DockerInstruction | null;
}

// Compiled once per glob: classifySource tries every manifest pattern on every COPY source before every install.
const compiledGlobs = new Map<string, RegExp>();
const COMPILED_GLOBS_KEPT = 2000;

/** A glob (`*`, `?`, `[...]`) as a whole-string regular expression (shared: stateless flags only, no `g` or `y`). */
export function globToRegExp(glob: string, flags = ''): RegExp {
  if (/[gy]/.test(flags)) throw new Error(`globToRegExp: flags "${flags}" would make the shared expression stateful`);
  const key = `${flags}\0${glob}`;
  let compiled = compiledGlobs.get(key);
  if (!compiled) {
    // Globs also come from COPY sources: a long-lived language server must not keep every one.
    if (compiledGlobs.size >= COMPILED_GLOBS_KEPT) compiledGlobs.clear();
    compiled = compileGlob(glob, flags);
    compiledGlobs.set(key, compiled);
  }
  return compiled;
}

function compileGlob(glob: string, flags: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > i) {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      } else out += '\\[';
    } else out += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, flags);
}

const hasGlob = (text: string) => /[*?[]/.test(text);

/** Manifest patterns: the defaults plus `settings.manifests`. */
export function manifestPatterns(settings?: Record<string, unknown>): string[] {
  const extra = Array.isArray(settings?.manifests) ? (settings!.manifests as unknown[]).filter((item): item is string => typeof item === 'string') : [];
  return [...DEFAULT_MANIFESTS, ...extra];
}

function basenameOf(source: string): string {
  const trimmed = withoutTrailing(source, '/');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** What one COPY source brings in. */
export function classifySource(source: string, patterns: readonly string[] = DEFAULT_MANIFESTS): CopyKind {
  const text = source.trim();
  if (text === '' || text.includes('$')) return 'other';
  if (/^(\.|\.\/|\*|\.\/\*|\/)$/.test(text)) return 'source';
  if (/^[a-z]+:\/\//i.test(text)) return 'other';
  const base = basenameOf(text);
  for (const pattern of patterns) {
    const full = pattern.includes('/') ? globToRegExp(pattern, 'i').test(text.replace(/^\.\//, '')) : false;
    if (full || globToRegExp(pattern, 'i').test(base) || base.toLowerCase() === pattern.toLowerCase()) return 'manifest';
  }
  if (hasGlob(base)) {
    // `package*.json`, `*.csproj`: a glob that only reaches manifest names.
    const concrete = DEFAULT_MANIFESTS.filter((name) => !hasGlob(name));
    if (!base.startsWith('*') && concrete.some((name) => globToRegExp(base, 'i').test(name))) return 'manifest';
    return base.startsWith('*.') && NEUTRAL_EXTENSIONS.test(base.slice(1)) ? 'other' : 'source';
  }
  if (text.endsWith('/')) return 'source';
  if (NEUTRAL_EXTENSIONLESS.has(base.toLowerCase().replace(/\.[a-z]+$/, ''))) return 'other';
  if (NEUTRAL_EXTENSIONS.test(base)) return 'other';
  if (base.startsWith('.')) return 'other';
  // A name without an extension is a directory (`src`, `app`); anything else with an extension is source code or an asset.
  return 'source';
}

/** What a COPY/ADD brings in: only manifests, application source, or neither. `COPY --from` and heredocs are neither. */
export function classifyCopy(instruction: DockerInstruction, patterns: readonly string[] = DEFAULT_MANIFESTS): CopyKind {
  const copy = instruction.copy;
  if (!copy || copy.from) return 'other';
  const kinds = copy.sources.map((source) => classifySource(source.value, patterns));
  if (kinds.includes('source')) return 'source';
  if (kinds.includes('manifest')) return 'manifest';
  return 'other';
}

function positionals(argv: ShellWord[]): ShellWord[] {
  return argv.filter((word) => !word.value.startsWith('-'));
}

/** The install a command performs, or null: `npm ci`, `pip install -r`, `go mod download`, ... (apt/apk excluded). */
export function dependencyInstallOf(command: ShellCommand): { ecosystem: string; word: ShellWord } | null {
  let argv = effectiveArgv(command);
  if (!argv.length) return null;
  let program = argv[0]!.value.slice(argv[0]!.value.lastIndexOf('/') + 1);
  // python -m pip install ...
  if (/^python[0-9.]*$/.test(program)) {
    const m = argv.findIndex((word) => word.value === '-m');
    if (m < 0 || !argv[m + 1]) return null;
    argv = argv.slice(m + 1);
    program = argv[0]!.value;
  }
  const rest = argv.slice(1);
  const words = rest.map((word) => word.value);
  const pos = positionals(rest);
  const first = pos[0];
  const has = (...flags: string[]) => words.some((word) => flags.some((flag) => word === flag || word.startsWith(`${flag}=`)));
  switch (program) {
    case 'npm':
      if (!first || !['ci', 'install', 'i', 'clean-install'].includes(first.value)) return null;
      if (has('-g', '--global') || pos.length > 1) return null;
      return { ecosystem: 'npm', word: first };
    case 'yarn':
      if (has('global')) return null;
      if (!first) return { ecosystem: 'yarn', word: argv[0]! };
      return first.value === 'install' && pos.length === 1 ? { ecosystem: 'yarn', word: first } : null;
    case 'pnpm':
      if (!first || !['install', 'i', 'fetch'].includes(first.value) || pos.length > 1 || has('-g', '--global')) return null;
      return { ecosystem: 'pnpm', word: first };
    case 'pip':
    case 'pip3':
    case 'uv': {
      let index = 0;
      if (program === 'uv') {
        if (first?.value === 'sync') return { ecosystem: 'uv', word: first };
        if (first?.value !== 'pip') return null;
        index = 1;
      }
      const sub = pos[index];
      if (sub?.value !== 'install') return null;
      if (has('-r', '--requirement')) return { ecosystem: 'pip', word: sub };
      if (words.some((word) => /^-r\S/.test(word))) return { ecosystem: 'pip', word: sub };
      const targets = pos.slice(index + 1).map((word) => word.value);
      if (targets.some((target) => target === '.' || target === './' || /^\.\[.*\]$/.test(target))) return { ecosystem: 'pip', word: sub };
      return null;
    }
    case 'poetry':
      return first?.value === 'install' ? { ecosystem: 'poetry', word: first } : null;
    case 'pipenv':
      return first && ['install', 'sync'].includes(first.value) && pos.length === 1 ? { ecosystem: 'pipenv', word: first } : null;
    case 'bundle':
    case 'bundler':
      if (!first) return { ecosystem: 'bundler', word: argv[0]! };
      return first.value === 'install' ? { ecosystem: 'bundler', word: first } : null;
    case 'go':
      return first?.value === 'mod' && pos[1]?.value === 'download' ? { ecosystem: 'go', word: pos[1] } : null;
    case 'cargo':
      if (first && ['build', 'fetch'].includes(first.value)) return { ecosystem: 'cargo', word: first };
      if (first?.value === 'chef' && pos[1]?.value === 'cook') return { ecosystem: 'cargo', word: pos[1] };
      return null;
    case 'composer':
      return first && ['install', 'i'].includes(first.value) ? { ecosystem: 'composer', word: first } : null;
    case 'mvn':
    case 'mvnw': {
      const goal = pos.find((word) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(word.value) || ['package', 'install', 'verify'].includes(word.value));
      return goal ? { ecosystem: 'maven', word: goal } : null;
    }
    case 'gradle':
    case 'gradlew': {
      const task = pos.find((word) => word.value === 'dependencies' || word.value === 'resolveDependencies');
      return task ? { ecosystem: 'gradle', word: task } : null;
    }
    case 'dotnet':
      return first?.value === 'restore' ? { ecosystem: 'dotnet', word: first } : null;
    default:
      return null;
  }
}

/**
 * Every dependency-install command in the Dockerfile (or one stage), in file order, with the COPYs
 * before it in its stage: the manifest-only ones and the first that brings in application source.
 */
export function findDependencyInstalls(model: DockerfileModel, stage?: Stage, options: { manifests?: readonly string[] } = {}): DependencyInstall[] {
  const patterns = options.manifests ?? DEFAULT_MANIFESTS;
  const found: DependencyInstall[] = [];
  for (const { stage: current, instruction, command } of runCommands(model, stage)) {
    // An ONBUILD RUN runs in the child build, after the child's own COPYs: not a step of this one.
    if (instruction.keyword === 'ONBUILD') continue;
    const install = dependencyInstallOf(command);
    if (!install) continue;
    const manifestCopies: DockerInstruction[] = [];
    let sourceCopy: DockerInstruction | null = null;
    for (const earlier of current.instructions) {
      if (earlier === instruction) break;
      if (earlier.keyword !== 'COPY' && earlier.keyword !== 'ADD') continue;
      const kind = classifyCopy(earlier, patterns);
      if (kind === 'manifest') manifestCopies.push(earlier);
      else if (kind === 'source' && !sourceCopy) sourceCopy = earlier;
    }
    found.push({ stage: current, instruction, command, word: install.word, ecosystem: install.ecosystem, manifestCopies, sourceCopy });
  }
  return found;
}
