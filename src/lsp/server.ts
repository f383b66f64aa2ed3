import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules } from '../../rules/index.js';
import { ConfigError, CONFIG_FILE_NAMES, createCatalog } from '../config/config.js';
import { classifyFile } from '../model/project.js';
import { toolVersion } from '../version.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { hasBom, SOURCE, toDiagnostic } from './convert.js';
import { FolderLinter, type FolderHost, type LintSnapshot, type OpenDocument } from './folder-linter.js';

/** Client settings: `initializationOptions`, or the `docker-policy` section of the workspace settings. */
export interface ServerSettings {
  /** Wait this long after the last keystroke before linting (default 250 ms). */
  debounceMs: number;
  /** `onType` lints unsaved buffers as they change; `onSave` only on open and save. */
  run: 'onType' | 'onSave';
  /** Use this config file for every file instead of searching for `.docker-policy.yaml`. */
  configFile?: string;
}

const DEFAULT_SETTINGS: ServerSettings = { debounceMs: 250, run: 'onType' };
const COMPOSE_LANGUAGES = new Set(['dockercompose', 'docker-compose', 'yaml.docker-compose', 'compose']);
const WATCHED = ['**/.docker-policy.{yaml,yml,json}', '**/*{Dockerfile,dockerfile,Containerfile,containerfile}*', '**/*compose*.{yml,yaml}', '**/*.dockerignore', '**/.dockerignore', '**/*.{sh,bash}', '**/.env'];

/**
 * `docker-policy lsp --stdio`: diagnostics for Dockerfiles, compose files, .dockerignore files,
 * .env files and scripts from the unsaved buffers, quick fixes and "ignore" actions. Each
 * workspace folder is linted as a whole (cross-file rules need the compose file, the Dockerfiles
 * and the scripts together) over a warm model: only edited files are parsed again.
 */
export function startLanguageServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const catalog = createCatalog(builtinRules);
  const builtinIds = new Set(builtinRules.map((rule) => rule.meta.id));
  let settings: ServerSettings = { ...DEFAULT_SETTINGS };
  let folders: string[] = [];
  let documentChanges = false;
  let pullConfiguration = false;
  const linters = new Map<string, FolderLinter>();
  const openedVersion = new Map<string, number>();
  /** Config files with a published error diagnostic, per folder. */
  const configDiagnostics = new Map<string, Set<string>>();
  let lastShownError: string | null = null;

  const pathOf = (uri: string): string | null => {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  };

  /** Whether a buffer is ours: by file name, or by the language the editor gave it. */
  const kindOf = (document: TextDocument, file: string): 'named' | 'explicit' | null => {
    if (classifyFile(path.basename(file))) return 'named';
    if (document.languageId === 'dockerfile') return 'explicit';
    if (COMPOSE_LANGUAGES.has(document.languageId) && /\.ya?ml$/i.test(file)) return 'explicit';
    return null;
  };

  const folderOf = (file: string): string => {
    const containing = folders.filter((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    return containing.sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
  };

  const openDocumentsIn = (root: string): OpenDocument[] => {
    const result: OpenDocument[] = [];
    for (const document of documents.all()) {
      const file = pathOf(document.uri);
      if (!file || folderOf(file) !== root) continue;
      const kind = kindOf(document, file);
      if (!kind) continue;
      result.push({ uri: document.uri, path: file, version: document.version, text: document.getText(), explicit: kind === 'explicit' });
    }
    return result;
  };

  const publishConfigError = (root: string, error: ConfigError) => {
    const previous = configDiagnostics.get(root) ?? new Set<string>();
    const published = new Set<string>();
    if (path.isAbsolute(error.file)) {
      const line = Math.max(0, (error.line ?? 1) - 1);
      const prefix = `${error.file}${error.line ? `:${error.line}` : ''}: `;
      const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      const uri = pathToFileURL(error.file).href;
      const lineLength = readLine(error.file, line).length;
      connection.sendDiagnostics({
        uri,
        diagnostics: [{ range: { start: { line, character: 0 }, end: { line, character: Math.max(1, lineLength) } }, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message }],
      });
      published.add(uri);
    }
    for (const uri of previous) if (!published.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    configDiagnostics.set(root, published);
  };

  const clearConfigErrors = (root: string) => {
    for (const uri of configDiagnostics.get(root) ?? []) connection.sendDiagnostics({ uri, diagnostics: [] });
    configDiagnostics.delete(root);
  };

  const showOnce = (type: MessageType, message: string) => {
    if (message === lastShownError) return;
    lastShownError = message;
    void connection.sendNotification('window/showMessage', { type, message });
  };

  const host: FolderHost = {
    rules: builtinRules,
    documentsIn: openDocumentsIn,
    configFile: () => settings.configFile,
    linted(linter: FolderLinter, snapshot: LintSnapshot, internalErrors) {
      clearConfigErrors(linter.root);
      lastShownError = null;
      for (const problem of internalErrors) connection.console.error(`docker-policy: internal error in rule ${problem.ruleId} (please report it): ${problem.message}`);
      for (const document of snapshot.documents.values()) {
        // A newer edit is already queued for this buffer: its own lint publishes.
        if (documents.get(document.uri)?.version !== document.version) continue;
        const bom = hasBom(document.text);
        const diagnostics = (snapshot.findings.get(document.path) ?? []).map((finding) => toDiagnostic(finding, bom, (id) => builtinIds.has(id)));
        connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      }
    },
    failed(linter: FolderLinter, error: unknown, open: OpenDocument[]) {
      if (error instanceof ConfigError) showOnce(MessageType.Error, `docker-policy: config error: ${error.message}`);
      for (const document of open) connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      if (error instanceof ConfigError) {
        publishConfigError(linter.root, error);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`docker-policy: ${error instanceof Error ? error.stack ?? message : message}`);
      showOnce(MessageType.Error, `docker-policy failed (please report it): ${message}`);
    },
  };

  const linterFor = (root: string): FolderLinter => {
    let linter = linters.get(root);
    if (!linter) {
      linter = new FolderLinter(root, host);
      linters.set(root, linter);
    }
    return linter;
  };

  const lintDocument = (document: TextDocument, delayMs: number) => {
    const file = pathOf(document.uri);
    if (!file || !kindOf(document, file)) return;
    linterFor(folderOf(file)).schedule(delayMs);
  };

  /** Re-lint every folder with an open buffer (config or files on disk changed). */
  const lintAll = (delayMs: number) => {
    const roots = new Set<string>();
    for (const document of documents.all()) {
      const file = pathOf(document.uri);
      if (file && kindOf(document, file)) roots.add(folderOf(file));
    }
    for (const root of linters.keys()) if (configDiagnostics.has(root)) roots.add(root);
    for (const root of roots) linterFor(root).schedule(delayMs);
  };

  connection.onInitialize((params): InitializeResult => {
    const workspaceFolders = params.workspaceFolders?.map((folder) => pathOf(folder.uri)).filter((folder): folder is string => !!folder);
    const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? null);
    folders = workspaceFolders?.length ? workspaceFolders : root ? [root] : [];
    documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    settings = readSettings(params.initializationOptions, settings);
    const watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    connection.onInitialized(() => {
      if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
      if (foldersChange) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((folder) => pathOf(folder.uri)));
          folders = [...folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => pathOf(folder.uri)).filter((folder): folder is string => !!folder)];
          for (const [key, linter] of linters) {
            linter.dispose();
            linters.delete(key);
          }
          lintAll(0);
        });
      }
      if (pullConfiguration) void fetchSettings();
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'docker-policy', version: toolVersion() },
    };
  });

  const fetchSettings = async () => {
    try {
      const section = (await connection.workspace.getConfiguration('docker-policy')) as unknown;
      const next = readSettings(section, settings);
      if (JSON.stringify(next) !== JSON.stringify(settings)) {
        settings = next;
        lintAll(0);
      }
    } catch {
      // The client does not answer configuration requests after all: keep what we have.
    }
  };

  documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    lintDocument(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    // TextDocuments reports the open as a change too; the open already scheduled a lint.
    if (openedVersion.get(event.document.uri) === event.document.version) return;
    if (settings.run === 'onType') lintDocument(event.document, settings.debounceMs);
  });
  documents.onDidSave((event) => {
    // A config file saved in the editor applies at once, even without file watching.
    if (CONFIG_FILE_NAMES.includes(path.basename(pathOf(event.document.uri) ?? ''))) lintAll(0);
    else lintDocument(event.document, 0);
  });
  documents.onDidClose((event) => {
    openedVersion.delete(event.document.uri);
    connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    // Files linked to the closed buffer are now read from disk again.
    const file = pathOf(event.document.uri);
    if (file && kindOf(event.document, file)) linterFor(folderOf(file)).schedule(settings.debounceMs);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const configChanged = params.changes.some((change) => CONFIG_FILE_NAMES.includes(path.basename(pathOf(change.uri) ?? '')));
    lintAll(configChanged ? 0 : settings.debounceMs);
  });
  connection.onDidChangeConfiguration((params) => {
    const pushed = params.settings as Record<string, unknown> | null | undefined;
    if (pushed && (pushed['docker-policy'] !== undefined || pushed.dockerPolicy !== undefined)) {
      settings = readSettings(pushed, settings);
      lintAll(0);
    } else if (pullConfiguration) {
      void fetchSettings();
    } else {
      lintAll(0);
    }
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const file = document ? pathOf(document.uri) : null;
    if (!document || !file || !kindOf(document, file)) return [];
    const linter = linterFor(folderOf(file));
    if (!linter.snapshot?.documents.has(file)) linter.schedule(0);
    await linter.flush();
    const snapshot = linter.snapshot;
    const linted = snapshot?.documents.get(file);
    // Findings of an older text would put edits in the wrong place.
    if (!snapshot || !linted || linted.version !== document.version) return [];
    return codeActions({
      snapshot,
      document: linted,
      range: params.range,
      only: params.context.only,
      documentChanges,
      resolveId: catalog.resolveId,
      documented: (id) => builtinIds.has(id),
    });
  });

  // Introspection for tests, benchmarks and bug reports: how warm each folder's model is.
  connection.onRequest('docker-policy/status', () => ({
    version: toolVersion(),
    settings,
    folders: [...linters.values()].map((linter) => ({
      root: linter.root,
      files: linter.snapshot?.models.size ?? 0,
      parsed: linter.parseCache.parsed,
      reused: linter.parseCache.reused,
      lastLintMs: linter.snapshot?.durationMs ?? null,
    })),
  }));

  connection.onShutdown(() => {
    for (const linter of linters.values()) linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** Settings from `{ "docker-policy": {...} }`, `{ dockerPolicy: {...} }` or the section itself; bad values are ignored. */
export function readSettings(raw: unknown, previous: ServerSettings): ServerSettings {
  if (!raw || typeof raw !== 'object') return previous;
  const record = raw as Record<string, unknown>;
  const section = (record['docker-policy'] ?? record.dockerPolicy ?? record) as Record<string, unknown>;
  if (!section || typeof section !== 'object') return previous;
  const next = { ...previous };
  if (typeof section.debounceMs === 'number' && Number.isFinite(section.debounceMs) && section.debounceMs >= 0) next.debounceMs = section.debounceMs;
  if (section.run === 'onType' || section.run === 'onSave') next.run = section.run;
  if (typeof section.configFile === 'string') next.configFile = section.configFile || undefined;
  return next;
}

function readLine(file: string, zeroBasedLine: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[zeroBasedLine] ?? '';
  } catch {
    return '';
  }
}
