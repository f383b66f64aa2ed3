import type { DockerfileModel, DockerInstruction } from './dockerfile.js';
import { effectiveArgv, programName, runCommands, type RunCommand } from './queries.js';
import type { ShellCommand, ShellWord } from './shell.js';
import type { Range, SourceFile } from './source.js';
import { withoutTrailing } from './trim.js';

/**
 * yum, dnf (with microdnf, dnf5 and tdnf) and zypper calls in RUN instructions, parsed once for the
 * twelve hadolint rules DL3030–DL3041: the sub-command, its options and its package operands.
 */

export type RpmFamily = 'yum' | 'dnf' | 'zypper';

/** A finding as data: the rules report these as they are. */
export interface RpmProblem {
  file: SourceFile;
  range: Range;
  message: string;
}

export interface RpmCall {
  family: RpmFamily;
  /** The program as written, without its directory: `dnf`, `microdnf`. */
  program: string;
  run: RunCommand;
  programWord: ShellWord;
  /** First operand: `install`, `clean`, `group`, `module`; null for a bare `yum -y`. */
  subcommand: ShellWord | null;
  /** What the call does: the sub-command, or `group install` / `module install` for the two-word forms. */
  action: string;
  /** The word that ends the action (`install` in `dnf module install`): findings about the call span program..actionWord. */
  actionWord: ShellWord | null;
  options: ShellWord[];
  /** Operands after the action: packages, groups, modules, or `all` for `clean all`. */
  operands: ShellWord[];
}

const PROGRAMS: Record<RpmFamily, Set<string>> = {
  yum: new Set(['yum']),
  dnf: new Set(['dnf', 'dnf5', 'microdnf', 'tdnf']),
  zypper: new Set(['zypper']),
};

// Options whose value is the next word (`--setopt tsflags=nodocs`); `--opt=value` needs no entry.
const YUM_DNF_VALUE_OPTIONS = new Set([
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude', '--excludepkgs', '--installroot',
  '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt', '--forcearch', '--color', '--destdir', '--downloaddir',
  '--rpmverbosity', '--repofrompath', '--disableplugin', '--enableplugin', '--comment', '--advisory', '--advisories', '--bz', '--bzs', '--cve',
  '--cves', '--sec-severity', '--secseverity', '--platform-id', '--arch', '--use-host-config-dir',
]);
const ZYPPER_VALUE_OPTIONS = new Set([
  '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-p',
  '--plus-repo', '--plus-content', '-r', '--repo', '--from', '-t', '--type', '--download', '--installroot', '--releasever',
]);

const YUM_DNF_CONFIRMING = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'rm', 'erase', 'autoremove', 'upgrade', 'update', 'up', 'update-to',
  'upgrade-to', 'update-minimal', 'upgrade-minimal', 'downgrade', 'distro-sync', 'distrosync', 'dsync', 'swap', 'groupremove', 'groupupdate',
  'group install', 'group remove', 'group upgrade', 'group update', 'groups install', 'groups remove', 'module install', 'module enable',
  'module disable', 'module reset', 'module remove', 'module switch-to',
]);
const YUM_DNF_CACHE_FILLING = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'up', 'update-minimal', 'upgrade-minimal', 'downgrade',
  'distro-sync', 'distrosync', 'dsync', 'group install', 'groups install', 'module install',
]);
const YUM_DNF_UPGRADE = new Set(['update', 'upgrade', 'up', 'update-to', 'upgrade-to', 'update-minimal', 'upgrade-minimal', 'distro-sync', 'distrosync', 'dsync']);
const ZYPPER_INSTALLING = ['install', 'in', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr'];

/** Actions that change the system and ask for confirmation unless told not to. */
const CONFIRMING_ACTIONS: Record<RpmFamily, Set<string>> = {
  yum: YUM_DNF_CONFIRMING,
  dnf: YUM_DNF_CONFIRMING,
  zypper: new Set([...ZYPPER_INSTALLING, 'remove', 'rm']),
};
/** Actions that download packages into the cache. */
const CACHE_FILLING_ACTIONS: Record<RpmFamily, Set<string>> = { yum: YUM_DNF_CACHE_FILLING, dnf: YUM_DNF_CACHE_FILLING, zypper: new Set(ZYPPER_INSTALLING) };
/** Actions that upgrade installed packages. */
const UPGRADE_ACTIONS: Record<RpmFamily, Set<string>> = { yum: YUM_DNF_UPGRADE, dnf: YUM_DNF_UPGRADE, zypper: new Set(['update', 'up', 'dist-upgrade', 'dup']) };
/** Actions whose operands are packages to pin. */
const INSTALL_ACTIONS = new Set(['install', 'in']);

/** Cache directories a cache (or tmpfs) mount may cover instead of cleaning. */
const YUM_DNF_CACHE_DIRS = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/tdnf'];
const CACHE_DIRS: Record<RpmFamily, string[]> = { yum: YUM_DNF_CACHE_DIRS, dnf: YUM_DNF_CACHE_DIRS, zypper: ['/var/cache/zypp'] };
const CACHE_DIR_OF_PROGRAM: Record<string, string> = { yum: '/var/cache/yum', dnf: '/var/cache/dnf', dnf5: '/var/cache/libdnf5', microdnf: '/var/cache/yum', tdnf: '/var/cache/tdnf', zypper: '/var/cache/zypp' };

/** Every call of a family's programs in a Dockerfile's RUN instructions, in file order. */
export function* rpmCalls(model: DockerfileModel, family: RpmFamily): Generator<RpmCall> {
  for (const run of runCommands(model)) {
    const program = programName(run.command);
    if (PROGRAMS[family].has(program)) yield { family, program, run, ...parseArguments(run.command, family) };
  }
}

type ParsedArguments = Pick<RpmCall, 'programWord' | 'subcommand' | 'action' | 'actionWord' | 'options' | 'operands'>;

function parseArguments(command: ShellCommand, family: RpmFamily): ParsedArguments {
  const [programWord, ...rest] = effectiveArgv(command);
  const valueOptions = family === 'zypper' ? ZYPPER_VALUE_OPTIONS : YUM_DNF_VALUE_OPTIONS;
  const options: ShellWord[] = [];
  const positionals: ShellWord[] = [];
  let endOfOptions = false;
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index]!;
    if (endOfOptions || !word.value.startsWith('-') || word.value === '-') {
      positionals.push(word);
      continue;
    }
    if (word.value === '--') {
      endOfOptions = true;
      continue;
    }
    options.push(word);
    const takesValue = valueOptions.has(word.value) || (/^-[A-Za-z]{2,}$/.test(word.value) && valueOptions.has(`-${word.value.slice(-1)}`));
    if (takesValue && index + 1 < rest.length) options.push(rest[++index]!);
  }
  const subcommand = positionals[0] ?? null;
  let action = subcommand?.value ?? '';
  let actionWord = subcommand;
  let operands = positionals.slice(1);
  if ((action === 'group' || action === 'groups' || action === 'module') && positionals[1]) {
    action = `${action} ${positionals[1].value}`;
    actionWord = positionals[1];
    operands = positionals.slice(2);
  }
  return { programWord: programWord!, subcommand, action, actionWord, options, operands };
}

function callRange(call: RpmCall): Range {
  const file = call.run.instruction.shell!.file;
  return file.rangeOf(call.programWord.start, (call.actionWord ?? call.programWord).end);
}

function problem(call: RpmCall, range: Range, message: string): RpmProblem {
  return { file: call.run.instruction.shell!.file, range, message };
}

/** `-y`, `--assumeyes`, `-n`/`--non-interactive`, `--no-confirm`, `--setopt=assumeyes=1`, or `yes |` in front. */
function isNonInteractive(call: RpmCall): boolean {
  const letters = call.family === 'zypper' ? 'ny' : 'y';
  const longs = call.family === 'zypper' ? ['--non-interactive', '--no-confirm'] : ['--assumeyes'];
  for (let index = 0; index < call.options.length; index++) {
    const value = call.options[index]!.value;
    if (longs.includes(value)) return true;
    if (/^-[A-Za-z]+$/.test(value) && [...value.slice(1)].some((letter) => letters.includes(letter))) return true;
    const setopt = value.startsWith('--setopt=') ? value.slice('--setopt='.length) : value === '--setopt' ? (call.options[index + 1]?.value ?? '') : '';
    if (/^assumeyes=(1|true|yes)$/i.test(setopt)) return true;
  }
  return pipedFromYes(call.run);
}

function pipedFromYes(run: RunCommand): boolean {
  const commands = run.instruction.shell!.commands;
  const index = commands.indexOf(run.command);
  return run.command.connector === '|' && index > 0 && commands[index - 1]!.name === 'yes';
}

/** DL3030 / DL3034 / DL3038: a confirming action without `-y` (or zypper's `-n`) fails the build at the prompt. */
export function missingNonInteractive(model: DockerfileModel, family: RpmFamily): RpmProblem[] {
  const problems: RpmProblem[] = [];
  for (const call of rpmCalls(model, family)) {
    if (!CONFIRMING_ACTIONS[family].has(call.action) || isNonInteractive(call)) continue;
    const fix = family === 'zypper' ? `zypper --non-interactive ${call.action}` : `${call.program} ${call.action} -y`;
    problems.push(problem(call, callRange(call), `\`${call.program} ${call.action}\` asks for confirmation, and a build cannot answer: use \`${fix}\`.`));
  }
  return problems;
}

/** DL3031 / DL3035 / DL3039: upgrading everything at build time. */
export function upgradeCalls(model: DockerfileModel, family: RpmFamily): RpmProblem[] {
  const problems: RpmProblem[] = [];
  for (const call of rpmCalls(model, family)) {
    if (!UPGRADE_ACTIONS[family].has(call.action)) continue;
    problems.push(
      problem(
        call,
        callRange(call),
        `Do not run \`${call.program} ${call.action}\` in a Dockerfile: the image then depends on the day it was built. Use a newer base image, or install the specific packages you need.`,
      ),
    );
  }
  return problems;
}

/** DL3032 / DL3036 / DL3040: the first call that fills the package cache with no clean-up after it in the same RUN. */
export function missingCacheClean(model: DockerfileModel, family: RpmFamily): RpmProblem[] {
  const problems: RpmProblem[] = [];
  const reported = new Set<DockerInstruction>();
  const calls = [...rpmCalls(model, family)];
  for (const call of calls) {
    const instruction = call.run.instruction;
    if (reported.has(instruction) || !CACHE_FILLING_ACTIONS[family].has(call.action)) continue;
    if (hasCacheMount(instruction, family)) continue;
    const cleaned = instruction.shell!.commands.some((command) => command.start > call.run.command.start && cleansCache(command, family));
    if (cleaned) continue;
    reported.add(instruction);
    const clean = family === 'zypper' ? 'zypper clean --all' : `${call.program === 'microdnf' || call.program === 'tdnf' ? call.program : family} clean all`;
    problems.push(
      problem(
        call,
        callRange(call),
        `\`${call.program} ${call.action}\` leaves its package cache in the layer: end this RUN with \`${clean}\`, or mount a cache (\`--mount=type=cache,target=${CACHE_DIR_OF_PROGRAM[call.program] ?? CACHE_DIRS[family][0]}\`).`,
      ),
    );
  }
  return problems;
}

/** A cache or tmpfs mount on the package cache keeps it out of the layer. */
function hasCacheMount(instruction: DockerInstruction, family: RpmFamily): boolean {
  return instruction.mounts.some((mount) => {
    if (mount.type !== 'cache' && mount.type !== 'tmpfs') return false;
    const target = withoutTrailing(mount.options.target ?? mount.options.dst ?? mount.options.destination ?? '', '/');
    return target !== '' && CACHE_DIRS[family].some((dir) => target === dir || dir.startsWith(`${target}/`) || target.startsWith(`${dir}/`));
  });
}

/** `yum clean all`, `dnf clean all`, `zypper clean`/`cc`, or `rm -rf` of the cache directory. */
function cleansCache(command: ShellCommand, family: RpmFamily): boolean {
  const program = programName(command);
  if (program === 'rm') {
    const words = effectiveArgv(command).slice(1).map((word) => word.value);
    if (!words.some((word) => /^-[a-zA-Z]*[rR]/.test(word) || word === '--recursive')) return false;
    return words.some((word) => {
      const path = withoutTrailing(word.replace(/\/?\*$/, ''), '/');
      return path === '/var/cache' || CACHE_DIRS[family].some((dir) => path === dir || path.startsWith(dir));
    });
  }
  const cleanFamilies: RpmFamily[] = family === 'zypper' ? ['zypper'] : ['yum', 'dnf'];
  const cleanFamily = cleanFamilies.find((candidate) => PROGRAMS[candidate].has(program));
  if (!cleanFamily) return false;
  const { action, operands } = parseArguments(command, cleanFamily);
  if (cleanFamily === 'zypper') return action === 'clean' || action === 'cc';
  const what = new Set(operands.map((word) => word.value));
  return action === 'clean' && (what.has('all') || (what.has('packages') && what.has('metadata')));
}

/** DL3033 / DL3037 / DL3041: installed packages without a version. */
export function unpinnedPackages(model: DockerfileModel, family: RpmFamily): RpmProblem[] {
  const problems: RpmProblem[] = [];
  for (const call of rpmCalls(model, family)) {
    const file = call.run.instruction.shell!.file;
    if (call.action === 'module install') {
      for (const word of call.operands) {
        if (word.dynamic || word.value.includes(':')) continue;
        problems.push({ file, range: file.rangeOf(word.start, word.end), message: `Pin the module stream: \`${call.program} module install ${word.value}:<stream>\`.` });
      }
      continue;
    }
    if (!INSTALL_ACTIONS.has(call.action)) continue;
    if (family === 'zypper' && !installsPackages(call)) continue;
    for (const word of call.operands) {
      if (word.dynamic || word.value.startsWith('@') || isPinned(word.value, family)) continue;
      const example = family === 'zypper' ? `${word.value}=<version>` : `${word.value}-<version>`;
      problems.push({ file, range: file.rangeOf(word.start, word.end), message: `Pin the version of \`${word.value}\`: \`${call.program} ${call.action} ${example}\`, so a rebuild installs what was tested.` });
    }
  }
  return problems;
}

/** `zypper in -t pattern …` installs patterns, products or patches: they carry no package version. */
function installsPackages(call: RpmCall): boolean {
  for (let index = 0; index < call.options.length; index++) {
    const value = call.options[index]!.value;
    const type = value === '-t' || value === '--type' ? call.options[index + 1]?.value : /^--type=/.test(value) ? value.slice('--type='.length) : undefined;
    if (type !== undefined && type !== 'package') return false;
  }
  return true;
}

export function isPinned(spec: string, family: RpmFamily): boolean {
  if (/\.rpm$/i.test(spec) || /[<>=]/.test(spec)) return true;
  if (family === 'zypper') return false;
  // name-version[-release]: some part after the name starts with a digit and all are version characters.
  const parts = spec.split('-').slice(1);
  return parts.length > 0 && parts.every((part) => /^[A-Za-z0-9.~^_:+*]+$/.test(part)) && parts.some((part) => /^\d/.test(part));
}
