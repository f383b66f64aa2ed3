import { findStage, type DockerInstruction, type Stage } from '../src/model/dockerfile.js';
import { formatImageRef, imageBaseName, type ImageRef } from '../src/model/image-ref.js';
import { effectiveArgv, finalStage, runCommands, wordRange, stageChain } from '../src/model/queries.js';
import type { ShellWord } from '../src/model/shell.js';
import type { Rule } from '../src/engine/types.js';

const BUILD_PACKAGES = new Set([
  'gcc', 'g++', 'gcc-c++', 'clang', 'llvm', 'make', 'cmake', 'ninja', 'ninja-build', 'meson', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig',
  'build-essential', 'build-base', 'alpine-sdk', 'musl-dev', 'libc-dev', 'git', 'cargo', 'rustc', 'rust', 'golang', 'go', 'node-gyp', 'gfortran', 'bison', 'flex',
]);
const PIP_BUILD_TOOLS = new Set(['wheel', 'setuptools', 'cython', 'setuptools-rust', 'maturin', 'pybind11', 'scikit-build', 'scikit-build-core', 'meson-python', 'ninja', 'cmake']);
const SDK_IMAGES = new Set(['golang', 'rust', 'maven', 'gradle', 'gcc', 'buildpack-deps', 'sbt']);

/** Why a base image is a toolchain image, or null. */
function sdkReason(ref: ImageRef): string | null {
  const base = imageBaseName(ref).toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (SDK_IMAGES.has(base)) return 'a toolchain image';
  if (base === 'sdk' || base.endsWith('-sdk') || ref.name.toLowerCase().includes('/sdk')) return 'an SDK image';
  if (base.endsWith('-devel') || /(^|-)devel($|-)/.test(tag)) return 'a -devel image';
  if (base.endsWith('-dev') || tag.endsWith('-dev') || tag === 'dev') return 'a -dev image';
  return null;
}

function isBuildPackage(word: string): boolean {
  const name = word.replace(/[=<>~].*$/, '').toLowerCase();
  if (BUILD_PACKAGES.has(name)) return true;
  if (/^(gcc|g\+\+|clang|golang|rust|cargo)(-[0-9.]+)?$/.test(name)) return true;
  return /^[a-z0-9][a-z0-9.+_-]*-(dev|devel)(:[a-z0-9]+)?$/.test(name);
}

/** The stages whose layers the given stage contains: itself and the stages it is `FROM`. */
const INSTALLERS: Record<string, string[]> = { 'apt-get': ['install'], apt: ['install'], apk: ['add'], yum: ['install'], dnf: ['install'], microdnf: ['install'], zypper: ['install', 'in'] };
const REMOVERS: Record<string, string[]> = { 'apt-get': ['purge', 'remove'], apt: ['purge', 'remove'], apk: ['del'], yum: ['remove', 'erase'], dnf: ['remove', 'erase'], microdnf: ['remove'], zypper: ['remove', 'rm'] };
const VALUE_FLAGS = new Set(['-t', '--target-release', '-o', '--option', '--virtual', '-t', '--repository', '-X', '--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot']);

/** Package words a package-manager command installs or removes. */
function packageWords(argv: ShellWord[], verbs: string[]): { packages: ShellWord[]; virtual: string | null } | null {
  const words = argv.slice(1);
  const verbIndex = words.findIndex((word) => !word.value.startsWith('-'));
  if (verbIndex < 0 || !verbs.includes(words[verbIndex]!.value)) return null;
  const packages: ShellWord[] = [];
  let virtual: string | null = null;
  for (let i = 0; i < words.length; i++) {
    if (i === verbIndex) continue;
    const value = words[i]!.value;
    if (value.startsWith('-')) {
      if (value === '--virtual' || value === '-t') virtual = words[i + 1]?.value ?? null;
      if (value.startsWith('--virtual=')) virtual = value.slice('--virtual='.length);
      if (VALUE_FLAGS.has(value)) i++;
      continue;
    }
    packages.push(words[i]!);
  }
  return { packages, virtual };
}

const rule: Rule = {
  meta: {
    id: 'runtime-minimal',
    description: 'The runtime stage must not install compilers or build tools, nor start from an SDK or toolchain image.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Compilers, headers, git and SDK images add hundreds of megabytes to the image that ships, slow every pull and deploy, and give an attacker who gets in a ready-made toolchain. Build in an earlier stage and copy only the artifacts into a slim runtime image.',
      bad: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n' },
      good: {
        code: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nCOPY requirements.txt .\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\n\nFROM python:3.12-slim AS runtime\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCOPY --from=build /wheels /wheels\nRUN pip install --no-index /wheels/*\n',
      },
      notes:
        'Judged: the final stage and every stage a compose service builds as `build.target`, with the stages they are `FROM`. Packages installed and removed again (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge`) are fine. Runtime libraries (ca-certificates, tzdata, libpq5) are fine; `*-dev` packages are not. Toolchain images: golang, rust, maven, gradle, gcc, `*/sdk`, `*-devel`, `*-dev`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const judged = new Set<Stage>();
      const final = finalStage(dockerfile);
      if (final) judged.add(final);
      for (const target of context.project.targetsOf(dockerfile)) {
        const stage = target.target ? findStage(dockerfile, target.target) : undefined;
        if (stage) judged.add(stage);
      }
      const reported = new Set<number>();
      const report = (start: number, range: Parameters<typeof context.report>[0]['range'], message: string) => {
        if (reported.has(start)) return;
        reported.add(start);
        context.report({ file: dockerfile.file, range, message });
      };
      for (const stage of judged) {
        const chain = stageChain(dockerfile, stage);
        const root = chain[chain.length - 1]!;
        const ref = root.from.imageRef;
        const reason = ref && !root.from.unresolvedVariables.length ? sdkReason(ref) : null;
        if (reason && root.from.imageRange) {
          report(dockerfile.file.offsetAt(root.from.imageRange.start), root.from.imageRange, `The runtime image starts from "${formatImageRef(ref!)}", ${reason}; build in an earlier stage and copy the result into a slim runtime base.`);
        }
        for (const member of chain) {
          const commands = [...runCommands(dockerfile, member)];
          const removed = new Set<string>();
          for (const { command } of commands) {
            const argv = effectiveArgv(command);
            const program = argv[0]?.value.slice(argv[0].value.lastIndexOf('/') + 1) ?? '';
            const verbs = REMOVERS[program];
            const parsed = verbs ? packageWords(argv, verbs) : null;
            for (const word of parsed?.packages ?? []) removed.add(word.value.replace(/[=<>~].*$/, ''));
          }
          // `apt-mark auto '.*' … apt-get purge --auto-remove`: everything installed in that RUN and not re-marked is removed again.
          const autoRemoved = new Set<DockerInstruction>();
          for (const { instruction } of commands) {
            const text = instruction.argsText;
            if (/apt-mark\s+(auto|showmanual)/.test(text) && /(--auto-remove|autoremove)/.test(text)) autoRemoved.add(instruction);
          }
          for (const { instruction, command } of commands) {
            const argv = effectiveArgv(command);
            const program = argv[0]?.value.slice(argv[0].value.lastIndexOf('/') + 1) ?? '';
            const verbs = INSTALLERS[program];
            if (verbs) {
              if ((program === 'apt-get' || program === 'apt') && autoRemoved.has(instruction)) continue;
              const parsed = packageWords(argv, verbs);
              if (!parsed || (parsed.virtual && removed.has(parsed.virtual))) continue;
              for (const word of parsed.packages) {
                if (word.dynamic || !isBuildPackage(word.value) || removed.has(word.value.replace(/[=<>~].*$/, ''))) continue;
                report(word.start, wordRange(dockerfile.file, word), `"${word.value}" is a build tool or header package installed in the runtime stage${stage.name ? ` "${stage.name}"` : ''}; install it in a build stage and copy only the artifacts.`);
              }
              continue;
            }
            if (program === 'pip' || program === 'pip3' || (program === 'uv' && argv[1]?.value === 'pip') || /^python[0-9.]*$/.test(program)) {
              const words = argv.map((word) => word.value);
              const installAt = words.indexOf('install');
              if (installAt < 0 || (/^python/.test(program) && !words.includes('pip'))) continue;
              for (const word of argv.slice(installAt + 1)) {
                const name = word.value.replace(/[=<>~!;[].*$/, '').toLowerCase();
                if (word.value.startsWith('-') || !PIP_BUILD_TOOLS.has(name) || removed.has(name)) continue;
                report(word.start, wordRange(dockerfile.file, word), `"${word.value}" is a Python build tool installed in the runtime stage; build wheels in an earlier stage instead.`);
              }
            }
          }
        }
      }
    }
  },
};

export default rule;
