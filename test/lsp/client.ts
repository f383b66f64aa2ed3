import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/docker-policy.js');

export const uriOf = (file: string) => pathToFileURL(file).href;

/**
 * A language client for tests: spawns the built CLI (`docker-policy lsp --stdio`) and talks to it
 * with vscode-jsonrpc's stream reader and writer, so every message is a real Content-Length framed
 * JSON-RPC message on the child's stdin/stdout.
 */
export class TestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  readonly messages: { type: number; message: string }[] = [];
  readonly registrations: unknown[] = [];
  stderr = '';
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly cursor = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.listen();
  }

  async initialize(folder: string, initializationOptions: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
      initializationOptions,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true }, configuration: false },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  /** Skip everything published for `uri` so far: the next wait sees only newer publications. */
  drain(uri: string): void {
    this.cursor.set(uri, this.published.get(uri)?.length ?? 0);
  }

  /** The next publication for `uri` (after the cursor) that satisfies `accept`, waiting up to `timeoutMs`. */
  async diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const list = this.published.get(uri) ?? [];
      let index = this.cursor.get(uri) ?? 0;
      while (index < list.length) {
        const candidate = list[index++]!;
        this.cursor.set(uri, index);
        if (accept(candidate)) return candidate;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(list.slice(-3), null, 1)}\nstderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  open(file: string, text: string, languageId = 'dockerfile', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version, text } });
  }

  change(file: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}
