import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; severity?: number; message: string; range: { start: { line: number; character: number } }; source?: string; codeDescription?: { href: string }; data?: unknown }[];
}

/** A real language-server process spoken to over stdio, for protocol tests. */
export class LspProcess {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private waiters: { uri: string; version?: number; accept?: (d: PublishedDiagnostics) => boolean; resolve: (d: PublishedDiagnostics) => void }[] = [];
  readonly published: PublishedDiagnostics[] = [];

  constructor(args: string[]) {
    this.child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (w.version === undefined || w.version === p.version) && (!w.accept || w.accept(p))) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** Sends initialize (with the client capabilities given, none by default) and initialized. */
  async initialize(initializationOptions?: unknown, capabilities: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for `uri` (and `version`, if given). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishedDiagnostics> {
    const seen = this.published.find((p) => p.uri === uri && (version === undefined || p.version === version));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Resolves with the first diagnostics for `uri` (seen already or coming) that `accept` takes. */
  diagnosticsWhere(uri: string, accept: (d: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics> {
    const seen = this.published.find((p) => p.uri === uri && accept(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'shellscript', version, text } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}
