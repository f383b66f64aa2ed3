import fs from 'node:fs';
import path from 'node:path';
import { lint, type LintOptions } from '../engine/lint.js';
import type { Finding, Rule } from '../engine/types.js';
import { ShellcheckMemo } from '../engine/shellcheck.js';
import { ParseCache } from '../model/parse-cache.js';
import type { FileModel, Project } from '../model/project.js';

/** An open buffer inside a folder: its unsaved text is what gets linted. */
export interface OpenDocument {
  uri: string;
  path: string;
  version: number;
  text: string;
  /** Not recognised by its file name (a compose file called `stack.yml`): passed to the linter by path. */
  explicit: boolean;
}

/** One lint of a folder: findings by absolute path, and the buffers they were computed from. */
export interface LintSnapshot {
  root: string;
  project: Project;
  /** Every file model the findings came from, by absolute path (unsaved new files included). */
  models: Map<string, FileModel>;
  findings: Map<string, Finding[]>;
  documents: Map<string, OpenDocument>;
  durationMs: number;
}

export interface FolderHost {
  rules: Rule[];
  documentsIn(root: string): OpenDocument[];
  configFile(): string | undefined;
  linted(linter: FolderLinter, snapshot: LintSnapshot, internalErrors: { ruleId: string; message: string }[]): void;
  failed(linter: FolderLinter, error: unknown, documents: OpenDocument[]): void;
}

/**
 * Lints one workspace folder, keeping the project model warm: the parse cache holds every file's
 * model, so after an edit only the edited buffer is parsed again and the cross-file rules re-run
 * over the cached models. Runs are debounced and never overlap; an edit during a run queues one more.
 */
export class FolderLinter {
  readonly parseCache = new ParseCache();
  readonly shellcheckMemo = new ShellcheckMemo();
  snapshot: LintSnapshot | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly root: string,
    private readonly host: FolderHost,
  ) {}

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, Math.max(0, delayMs));
  }

  /** Run a scheduled lint now and wait until the snapshot reflects every edit received so far. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      void this.start();
    }
    while (this.running) await this.running;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.lintOnce();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async lintOnce(): Promise<void> {
    const documents = this.host.documentsIn(this.root);
    try {
      const overlays = new Map(documents.map((document) => [document.path, document.text]));
      const common: Omit<LintOptions, 'paths'> = { cwd: this.root, rules: this.host.rules, configPath: this.host.configFile(), overlays, parseCache: this.parseCache };
      // Buffers of files not on disk yet (new, unsaved) cannot be discovered: each is linted on its own.
      const unsaved = documents.filter((document) => !fs.existsSync(document.path));
      // Only the folder-wide run keeps ShellCheck results: it sees every Dockerfile, so the memo holds exactly those.
      const result = await lint({ ...common, shellcheckMemo: this.shellcheckMemo, paths: [this.root, ...documents.filter((document) => document.explicit && !unsaved.includes(document)).map((document) => document.path)] });
      const models = new Map(result.project.files);
      const allFindings = [...result.findings];
      const internalErrors = [...result.internalErrors];
      for (const document of unsaved) {
        const single = await lint({ ...common, paths: [], stdin: { text: document.text, filename: document.path } });
        for (const [file, model] of single.project.files) if (!models.has(file)) models.set(file, model);
        allFindings.push(...single.findings.filter((finding) => path.resolve(this.root, finding.file) === document.path));
        internalErrors.push(...single.internalErrors);
      }
      // Files deleted or no longer linked leave the cache.
      this.parseCache.retainOnly(models.keys());
      const findings = new Map<string, Finding[]>();
      for (const finding of allFindings) {
        const absolute = path.resolve(this.root, finding.file);
        findings.set(absolute, [...(findings.get(absolute) ?? []), finding]);
      }
      this.snapshot = {
        root: this.root,
        project: result.project,
        models,
        findings,
        documents: new Map(documents.map((document) => [document.path, document])),
        durationMs: result.durationMs,
      };
      this.host.linted(this, this.snapshot, internalErrors);
    } catch (error) {
      this.snapshot = null;
      this.host.failed(this, error, documents);
    }
  }
}

