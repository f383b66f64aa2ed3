import path from 'node:path';
import { parseCompose, type ComposeFileModel, type ComposeService } from './compose.js';
import { buildComposeProjects } from './compose-projects.js';
import type { ComposeOptions, ComposeProject, ComposeProjectService } from './compose-project.js';
import { parseDockerfile, targetStage, type DockerfileModel, type DockerInstruction } from './dockerfile.js';
import { parseDockerignore, type DockerignoreModel } from './dockerignore.js';
import { parseEnvFile, type EnvFileModel } from './env-file.js';
import type { ParseCache } from './parse-cache.js';
import type { ShellcheckResults } from './run-scripts.js';
import { parseShell, type ShellCommand, type ShellScript } from './shell.js';
import { SourceFile, stripBom, toDisplayPath, type FileKind, type Range } from './source.js';

export interface ShellFileModel {
  kind: 'shell';
  file: SourceFile;
  script: ShellScript;
}

export type FileModel = DockerfileModel | ComposeFileModel | DockerignoreModel | ShellFileModel | EnvFileModel;

/** A script that a Dockerfile copies into the image (or mounts) and then runs. */
export interface ScriptUse {
  script: ShellFileModel;
  /** The RUN, ENTRYPOINT or CMD that runs it. */
  runInstruction: DockerInstruction;
  /** When: during the build (RUN) or at container start (ENTRYPOINT/CMD). */
  phase: 'build' | 'start';
  /** The COPY/ADD that brought it into the image, when there is one. */
  copyInstruction: DockerInstruction | null;
}

/** One way a Dockerfile gets built: by a compose service, or on its own with its directory as context. */
export interface BuildTarget {
  dockerfile: DockerfileModel;
  contextDir: string;
  /** The ignore file that applies: `<Dockerfile>.dockerignore` beside the Dockerfile wins over `<context>/.dockerignore`. */
  dockerignore: DockerignoreModel | null;
  /** Stage named by compose `build.target`; null builds the last stage. */
  target: string | null;
  service: ComposeService | null;
  scripts: ScriptUse[];
  /** The merged service (all compose files of its project) that builds this target. */
  composeService?: ComposeProjectService;
}

export interface ParseError {
  file: SourceFile;
  message: string;
  range: Range;
}

/** Reads files for the model; tests and the editor pass text that is not on disk. */
export interface FileReader {
  read(absolutePath: string): string | null;
}

export interface Project {
  cwd: string;
  /** Every file in the model, by absolute path (targets and the files they link to). */
  files: Map<string, FileModel>;
  dockerfiles: DockerfileModel[];
  composeFiles: ComposeFileModel[];
  dockerignores: DockerignoreModel[];
  scripts: ShellFileModel[];
  envFiles: EnvFileModel[];
  buildTargets: BuildTarget[];
  parseErrors: ParseError[];
  /**
   * Compose projects as `docker compose` sees them: the files used together (base + override,
   * `-f` sets), merged with `extends` and `include`, interpolated, with active profiles.
   */
  composeProjects?: ComposeProject[];
  /** Build targets that build this Dockerfile. */
  targetsOf(dockerfile: DockerfileModel): BuildTarget[];
  /** ShellCheck's findings on RUN scripts, left by the engine step when the `shellcheck` rule is on. */
  shellcheck?: ShellcheckResults;
}

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
}

export function classifyFile(fileName: string): FileKind | null {
  const name = fileName.toLowerCase();
  if (name === '.dockerignore' || name.endsWith('.dockerignore')) return 'dockerignore';
  if (/^(dockerfile|containerfile)(\..+)?$/.test(name) || /\.(dockerfile|containerfile)$/.test(name)) return 'dockerfile';
  if (/^(docker-compose.*|compose|compose[.-].+)\.ya?ml$/.test(name)) return 'compose';
  if (/\.(sh|bash)$/.test(name)) return 'shell';
  if (name === '.env') return 'env';
  return null;
}

export interface BuildProjectOptions {
  /** Files whose text (and `.env`) did not change since an earlier build are not parsed again. */
  parseCache?: ParseCache;
  /** Compose file sets, env files and profiles (`--compose-file`, `settings.compose`, …). */
  compose?: ComposeOptions;
}

export function buildProject(discovered: DiscoveredFile[], reader: FileReader, cwd: string = process.cwd(), options: BuildProjectOptions = {}): Project {
  const builder = new ProjectBuilder(reader, cwd, options.parseCache);
  for (const entry of discovered) builder.load(entry.path, entry.kind);
  return builder.link(options.compose ?? {});
}

/**
 * The compose projects of the compose files alone (no Dockerfile is parsed): what splitting a
 * run into independent batches needs to keep the files a compose project links together.
 */
export function buildComposeProjectsOnly(discovered: DiscoveredFile[], reader: FileReader, cwd: string, compose: ComposeOptions = {}): ComposeProject[] {
  const builder = new ProjectBuilder(reader, cwd);
  for (const entry of discovered) if (entry.kind === 'compose') builder.load(entry.path, entry.kind);
  return builder.composeProjects(compose);
}

class ProjectBuilder {
  private readonly files = new Map<string, FileModel>();
  private readonly missing = new Set<string>();
  private readonly parseErrors: ParseError[] = [];

  constructor(
    private readonly reader: FileReader,
    private readonly cwd: string,
    private readonly cache?: ParseCache,
  ) {}

  load(absolutePath: string, kind: FileKind): FileModel | null {
    const existing = this.files.get(absolutePath);
    if (existing) return existing;
    if (this.missing.has(absolutePath)) return null;
    const text = this.reader.read(absolutePath);
    if (text === null) {
      this.missing.add(absolutePath);
      return null;
    }
    const file = new SourceFile(absolutePath, kind, stripBom(text), toDisplayPath(absolutePath, this.cwd));
    const model = this.cache ? this.parseWithCache(file, this.cache) : this.parse(file);
    if (model) this.files.set(absolutePath, model);
    return model;
  }

  private parseWithCache(file: SourceFile, cache: ParseCache): FileModel | null {
    // A compose file is interpolated with the .env beside it: load that first, its text is part of the key.
    const env = file.kind === 'compose' ? (this.load(path.join(path.dirname(file.path), '.env'), 'env') as EnvFileModel | null) : null;
    const inputs = { kind: file.kind, text: file.text, displayPath: file.displayPath, environment: env?.file.text ?? '' };
    const hit = cache.lookup(file.path, inputs);
    if (hit) {
      this.parseErrors.push(...hit.errors);
      return hit.model;
    }
    const before = this.parseErrors.length;
    const model = this.parse(file);
    cache.store(file.path, inputs, model, this.parseErrors.slice(before));
    return model;
  }

  private parse(file: SourceFile): FileModel | null {
    const tooLarge = sizeProblem(file);
    if (tooLarge) {
      this.parseErrors.push(tooLarge);
      return null;
    }
    try {
      switch (file.kind) {
        case 'dockerfile':
          return parseDockerfile(file);
        case 'compose': {
          const envPath = path.join(path.dirname(file.path), '.env');
          const env = this.load(envPath, 'env') as EnvFileModel | null;
          const model = parseCompose(file, env?.values ?? {});
          for (const problem of model.problems) this.parseErrors.push({ file, message: problem.message, range: problem.range });
          return model;
        }
        case 'dockerignore':
          return parseDockerignore(file);
        case 'shell':
          return { kind: 'shell', file, script: parseShell(file, file.text.replace(/\r/g, ' '), 0) };
        case 'env':
          return parseEnvFile(file);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.parseErrors.push({ file, message: `cannot parse ${file.kind}: ${message}`, range: file.lineRange(1) });
      return null;
    }
  }

  composeProjects(composeOptions: ComposeOptions): ComposeProject[] {
    const discoveredCompose = [...this.files.values()].filter((model): model is ComposeFileModel => model.kind === 'compose');
    return buildComposeProjects(discoveredCompose, composeOptions, {
      compose: (absolutePath) => {
        const model = this.load(absolutePath, 'compose');
        return model?.kind === 'compose' ? model : null;
      },
      env: (absolutePath) => {
        const model = this.load(absolutePath, 'env');
        return model?.kind === 'env' ? model : null;
      },
    });
  }

  link(composeOptions: ComposeOptions = {}): Project {
    const targets: BuildTarget[] = [];
    const composeProjects = this.composeProjects(composeOptions);
    const builtByCompose = new Set<string>();
    const seenTargets = new Set<string>();
    // Services build what their merged project says (context from the base file, target from an override…).
    for (const project of composeProjects) {
      for (const service of project.services) {
        const build = service.build;
        if (!build?.contextDir || !build.dockerfilePath) continue;
        const dockerfile = this.load(build.dockerfilePath, 'dockerfile');
        if (dockerfile?.kind !== 'dockerfile') continue;
        builtByCompose.add(dockerfile.file.path);
        const key = [dockerfile.file.path, build.contextDir, build.target ?? '', service.name, service.keyOrigin.file.path].join('\0');
        if (seenTargets.has(key)) continue;
        seenTargets.add(key);
        const definition = [...service.definitions].reverse().find((candidate) => candidate.node?.has('build')) ?? service.definitions[0] ?? null;
        const target = this.buildTarget(dockerfile, build.contextDir, build.target, definition);
        target.composeService = service;
        targets.push(target);
      }
    }
    for (const model of [...this.files.values()]) {
      if (model.kind === 'dockerfile' && !builtByCompose.has(model.file.path)) {
        targets.push(this.buildTarget(model, path.dirname(model.file.path), null, null));
      }
    }
    const all = [...this.files.values()];
    const byKind = <K extends FileModel['kind']>(kind: K) => all.filter((model): model is Extract<FileModel, { kind: K }> => model.kind === kind);
    return {
      cwd: this.cwd,
      files: this.files,
      dockerfiles: byKind('dockerfile'),
      composeFiles: byKind('compose'),
      dockerignores: byKind('dockerignore'),
      scripts: byKind('shell'),
      envFiles: byKind('env'),
      buildTargets: targets,
      parseErrors: this.parseErrors,
      composeProjects,
      targetsOf: (dockerfile) => targets.filter((target) => target.dockerfile === dockerfile),
    };
  }

  private buildTarget(dockerfile: DockerfileModel, contextDir: string, target: string | null, service: ComposeService | null): BuildTarget {
    const specific = this.load(`${dockerfile.file.path}.dockerignore`, 'dockerignore');
    const generic = specific ? null : this.load(path.join(contextDir, '.dockerignore'), 'dockerignore');
    const dockerignore = (specific ?? generic) as DockerignoreModel | null;
    return { dockerfile, contextDir, dockerignore, target, service, scripts: this.scriptUses(dockerfile, contextDir, target) };
  }

  /** Scripts from the build context that the Dockerfile copies and then runs (or runs from a bind mount). */
  private scriptUses(dockerfile: DockerfileModel, contextDir: string, target: string | null): ScriptUse[] {
    const uses: ScriptUse[] = [];
    const finalStage = targetStage(dockerfile, target);
    for (const stage of dockerfile.stages) {
      // Where each copied file lands in the image → the context file and the COPY.
      const copied = new Map<string, { source: string; copy: DockerInstruction }>();
      let workdir = '/';
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'WORKDIR' && instruction.args[0]) workdir = path.posix.resolve(workdir, instruction.args[0].value);
        if (instruction.copy && !instruction.copy.from) {
          const destination = instruction.copy.destination?.value ?? '';
          for (const source of instruction.copy.sources) {
            if (!/\.(sh|bash)$/.test(source.value) || /[*?[]/.test(source.value)) continue;
            const absoluteDestination = path.posix.resolve(workdir, destination);
            const landed = destination.endsWith('/') || instruction.copy.sources.length > 1 ? path.posix.join(absoluteDestination, path.posix.basename(source.value)) : absoluteDestination;
            copied.set(landed, { source: source.value, copy: instruction });
          }
        }
        const phase = instruction.keyword === 'RUN' ? 'build' : instruction.keyword === 'ENTRYPOINT' || instruction.keyword === 'CMD' ? 'start' : null;
        if (!phase || (phase === 'start' && stage !== finalStage)) continue;
        for (const invoked of invokedPaths(instruction)) {
          const absoluteInvoked = path.posix.resolve(workdir, invoked);
          const hit = copied.get(absoluteInvoked) ?? [...copied.entries()].find(([landed]) => path.posix.basename(landed) === invoked)?.[1];
          let contextPath = hit ? inContext(contextDir, hit.source) : null;
          // RUN --mount=type=bind,... runs a script straight from the context.
          if (!contextPath && phase === 'build' && instruction.mounts.some((mount) => mount.type === 'bind' && !mount.options.from)) {
            const mount = instruction.mounts.find((candidate) => candidate.type === 'bind' && !candidate.options.from)!;
            const target = path.posix.resolve(workdir, mount.options.target ?? mount.options.dst ?? mount.options.destination ?? '.');
            const relative = path.posix.relative(target, absoluteInvoked);
            if (!relative.startsWith('..')) contextPath = inContext(contextDir, path.posix.join(mount.options.source ?? '.', relative));
          }
          if (!contextPath) continue;
          const script = this.load(contextPath, 'shell');
          if (script?.kind === 'shell') uses.push({ script, runInstruction: instruction, phase, copyInstruction: hit?.copy ?? null });
        }
      }
    }
    return uses;
  }
}

/**
 * The context file a COPY or bind-mount source names. BuildKit roots every source at the context:
 * `../x.sh` and `/x.sh` both mean `<context>/x.sh`, never a file outside it.
 */
function inContext(contextDir: string, source: string): string {
  return path.join(contextDir, path.posix.join('/', source));
}

/**
 * Limits that bound the time spent on one file. Docker's own parsers (Dockerfile, env file,
 * .dockerignore) refuse lines of 64 KiB or more; the parsers used here slow down super-linearly on
 * such lines and on very long instructions, so those files get one finding instead of a hang.
 */
export const FILE_LIMITS = { maxLine: 64 * 1024, maxInstruction: 64 * 1024, maxFile: 256 * 1024 };

function sizeProblem(file: SourceFile): ParseError | null {
  const text = file.text;
  const escapeChar = file.kind === 'dockerfile' && /^#\s*escape\s*=\s*`/im.test(text.slice(0, 1024)) ? '`' : '\\';
  let instructionStart = 1;
  for (let line = 1; line <= file.lineCount; line++) {
    const start = file.lineStarts[line - 1]!;
    const end = file.lineEndOffset(line);
    if (end - start >= FILE_LIMITS.maxLine) {
      return { file, message: `line ${line} is ${Math.ceil((end - start) / 1024)} KiB long; Docker's parsers refuse lines of ${FILE_LIMITS.maxLine / 1024} KiB or more, and docker-policy does not check such files`, range: { start: { line, column: 1 }, end: { line, column: 1 } } };
    }
    if (file.kind !== 'dockerfile') continue;
    // A Dockerfile instruction continues while its lines end with the escape character.
    if (text.slice(start, end).trimEnd().endsWith(escapeChar)) continue;
    if (end - file.lineStarts[instructionStart - 1]! >= FILE_LIMITS.maxInstruction) {
      return { file, message: `the instruction at line ${instructionStart} is ${Math.ceil((end - file.lineStarts[instructionStart - 1]!) / 1024)} KiB long; docker-policy checks instructions up to ${FILE_LIMITS.maxInstruction / 1024} KiB`, range: file.lineRange(instructionStart) };
    }
    instructionStart = line + 1;
  }
  if (text.length > FILE_LIMITS.maxFile) {
    return { file, message: `the file is ${Math.ceil(text.length / 1024)} KiB; docker-policy checks files up to ${FILE_LIMITS.maxFile / 1024} KiB`, range: file.lineRange(1) };
  }
  return null;
}

/** Script paths an instruction executes: `./x.sh`, `sh x.sh`, `bash -e /tmp/x.sh`, `["/entrypoint.sh"]`. */
function invokedPaths(instruction: DockerInstruction): string[] {
  const found: string[] = [];
  const looksLikeScript = (word: string) => /\.(sh|bash)$/.test(word) && !word.includes('$');
  if (instruction.jsonForm) {
    for (const arg of instruction.jsonArgs) if (looksLikeScript(arg.value)) found.push(arg.value);
    return found;
  }
  for (const command of instruction.shell?.commands ?? []) {
    for (const word of commandWords(command)) if (looksLikeScript(word)) found.push(word);
  }
  return found;
}

function commandWords(command: ShellCommand): string[] {
  const words = command.argv.map((word) => word.value);
  if (['sh', 'bash', 'ash', 'dash', '/bin/sh', '/bin/bash', 'source', '.', 'exec'].includes(words[0] ?? '')) return words.slice(1).filter((word) => !word.startsWith('-'));
  return words.slice(0, 1);
}
