import path from 'node:path';
import { lint } from '../engine/lint.js';
import type { Finding, Rule } from '../engine/types.js';
import { ParseCache } from '../model/parse-cache.js';
import type { Project } from '../model/project.js';

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
      const result = await lint({
        cwd: this.root,
        paths: [this.root, ...documents.filter((document) => document.explicit).map((document) => document.path)],
        rules: this.host.rules,
        configPath: this.host.configFile(),
        overlays: new Map(documents.map((document) => [document.path, document.text])),
        parseCache: this.parseCache,
      });
      // Files deleted or no longer linked leave the cache.
      this.parseCache.retainOnly(result.project.files.keys());
      const findings = new Map<string, Finding[]>();
      for (const finding of result.findings) {
        const absolute = path.resolve(this.root, finding.file);
        findings.set(absolute, [...(findings.get(absolute) ?? []), finding]);
      }
      this.snapshot = {
        root: this.root,
        project: result.project,
        findings,
        documents: new Map(documents.map((document) => [document.path, document])),
        durationMs: result.durationMs,
      };
      this.host.linted(this, this.snapshot, result.internalErrors);
    } catch (error) {
      this.snapshot = null;
      this.host.failed(this, error, documents);
    }
  }
}

