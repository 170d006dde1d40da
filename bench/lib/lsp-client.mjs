// A minimal LSP client over stdio for the benchmark: JSON-RPC framing, requests with timing,
// and waiting for publishDiagnostics. Deliberately dependency-free so the measured path is
// only "write to the server's stdin" -> "parse its stdout", with nothing of ours in between.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const HEADER_END = Buffer.from('\r\n\r\n');
const STDERR_TAIL_CHARS = 2000;

/** Raised when a wait or request does not finish in time; `kind` lets callers report it. */
export class BenchTimeoutError extends Error {
  constructor(what, ms) {
    super(`${what}: no answer within ${ms} ms`);
    this.kind = 'timeout';
  }
}

/** One language server process and the client side of its stdio connection. */
export class LspClient {
  /**
   * Spawns `command args` and starts reading its stdout as LSP messages.
   * Returns at once; call `initialize` next.
   */
  constructor({ command, args, cwd, env }) {
    this.proc = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.diagnosticWaiters = new Set();
    this.buffer = Buffer.alloc(0);
    this.stderrTail = '';
    this.exited = null;
    this.spawnError = null;
    /** Every publishDiagnostics received: `{ at, uri, version, count }`. */
    this.publishLog = [];
    /** window/logMessage and window/showMessage texts of type warning or error. */
    this.serverWarnings = [];
    this.proc.on('error', (error) => {
      this.spawnError = error;
      this.failAll(`could not start: ${error.message}`);
    });
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
    });
    this.proc.stdin.on('error', () => {
      /* the exit handler reports the reason */
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      this.failAll(`server exited (code ${code}, signal ${signal})${this.stderrSummary()}`);
    });
  }

  /** The most telling line of the server's stderr (the first error line, else the last line). */
  stderrSummary() {
    const lines = this.stderrTail.split('\n').map((line) => line.trim()).filter(Boolean);
    if (lines.length === 0) return '';
    const errorLine = lines.find((line) => /error/i.test(line)) ?? lines[lines.length - 1];
    return `: ${errorLine.slice(0, 200)}`;
  }

  /** Rejects every pending request and diagnostics wait with `reason`. */
  failAll(reason) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new Error(reason));
    }
    this.pending.clear();
    for (const waiter of this.diagnosticWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.diagnosticWaiters.clear();
  }

  onData(chunk) {
    const receivedAt = performance.now();
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (true) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header from server: ${header}`);
      const bodyStart = headerEnd + HEADER_END.length;
      const bodyEnd = bodyStart + Number(match[1]);
      if (this.buffer.length < bodyEnd) return;
      const message = JSON.parse(this.buffer.subarray(bodyStart, bodyEnd).toString('utf8'));
      this.buffer = this.buffer.subarray(bodyEnd);
      this.onMessage(message, receivedAt);
    }
  }

  onMessage(message, receivedAt) {
    if (message.id !== undefined && message.method === undefined) {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.error) entry.reject(new Error(`${entry.method} failed: ${message.error.message}`));
      else entry.resolve({ result: message.result, ms: receivedAt - entry.sentAt });
      return;
    }
    if (message.id !== undefined) {
      this.answerServerRequest(message);
      return;
    }
    if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      if ((message.params?.type ?? 4) <= 2) this.serverWarnings.push(String(message.params?.message ?? ''));
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, version, diagnostics } = message.params;
      this.publishLog.push({ at: receivedAt, uri, version, count: diagnostics?.length ?? 0 });
      for (const waiter of this.diagnosticWaiters) {
        if (waiter.accepts(message.params)) {
          this.diagnosticWaiters.delete(waiter);
          clearTimeout(waiter.timer);
          waiter.resolve({ at: receivedAt, params: message.params });
        }
      }
    }
  }

  /** Answers requests a server sends to its client the way a plain editor would. */
  answerServerRequest(message) {
    let result = null;
    if (message.method === 'workspace/configuration') {
      // NOTE: null for every item means "no user settings": each server uses its defaults.
      result = (message.params?.items ?? []).map(() => null);
    } else if (message.method === 'workspace/workspaceFolders') {
      result = this.workspaceFolders ?? null;
    }
    this.write({ jsonrpc: '2.0', id: message.id, result });
  }

  /** Frames and writes one message; returns the time it was handed to the pipe. */
  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const sentAt = performance.now();
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
    return sentAt;
  }

  /** Sends a request; resolves `{ result, ms }` (ms = send -> response) or rejects on timeout. */
  request(method, params, timeoutMs) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited || this.spawnError) {
        reject(new Error(`server not running (${method})`));
        return;
      }
      const entry = { method, resolve, reject, sentAt: 0, timer: null };
      entry.timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BenchTimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, entry);
      entry.sentAt = this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a notification; returns the time it was handed to the pipe. */
  notify(method, params) {
    return this.write({ jsonrpc: '2.0', method, params });
  }

  /**
   * Registers interest in the next publishDiagnostics for `uri` that passes `accepts(params)`.
   * Call before sending the message that triggers it. Resolves `{ at, params }`.
   */
  nextDiagnostics(uri, accepts, timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = {
        accepts: (params) => params.uri === uri && accepts(params),
        resolve,
        reject,
        timer: null,
      };
      waiter.timer = setTimeout(() => {
        this.diagnosticWaiters.delete(waiter);
        reject(new BenchTimeoutError(`publishDiagnostics for ${uri.split('/').pop()}`, timeoutMs));
      }, timeoutMs);
      this.diagnosticWaiters.add(waiter);
    });
  }

  /** Runs initialize + initialized with editor-like capabilities; returns the server's result. */
  async initialize(rootUri, timeoutMs) {
    this.workspaceFolders = [{ uri: rootUri, name: 'bench' }];
    const { result, ms } = await this.request(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'hpcw-bench', version: '1' },
        rootUri,
        rootPath: new URL(rootUri).pathname,
        workspaceFolders: this.workspaceFolders,
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: {} },
          textDocument: {
            synchronization: { didSave: true, dynamicRegistration: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: {
              completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
              contextSupport: true,
            },
          },
        },
      },
      timeoutMs,
    );
    this.capabilities = result?.capabilities ?? {};
    this.notify('initialized', {});
    return { result, ms };
  }

  /** True when the server asked for incremental document sync (kind 2). */
  get wantsIncrementalSync() {
    const sync = this.capabilities?.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    return kind === 2;
  }

  /** Polite shutdown, then kill if the process does not leave within `graceMs`. */
  async stop(graceMs = 2000) {
    if (this.exited || this.spawnError) return;
    try {
      await this.request('shutdown', null, graceMs);
      this.notify('exit', null);
    } catch {
      /* killed below */
    }
    await new Promise((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        try {
          process.kill(this.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        resolve();
      }, graceMs);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
