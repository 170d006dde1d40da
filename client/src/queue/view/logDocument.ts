/**
 * Read-only `hpc-job-log:` documents: a job's stdout/stderr read through its cluster (locally or
 * over the same ssh connection) and followed while the job is in the queue: on each refresh of
 * its cluster the new bytes are read from where the last read stopped and the document changes.
 * URI: hpc-job-log:/<cluster><absolute log path>?job=<id>.
 */
import * as vscode from 'vscode';
import { DEFAULT_READ_BYTES, type SlurmCluster } from '../api';
import { asQueueError, type ClusterEntry, type QueueModel } from './model';

export const LOG_SCHEME = 'hpc-job-log';

/** At most this much of a log is kept in the document (its end). */
const MAX_LOG_CHARS = 8 * 1024 * 1024;

/** A log document not open this long after it was first read is forgotten (it was closed). */
const CLOSED_GRACE_MS = 10_000;

interface LogState {
  uri: vscode.Uri;
  cluster: string;
  path: string;
  jobId: string;
  text: string;
  offset: number;
  note: string;
  following: boolean;
  createdAt: number;
  keepAlive?: vscode.Disposable;
  reading?: Promise<boolean>;
}

/** The URI of a log document of a job. */
export function logUri(cluster: string, path: string, jobId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${encodeURIComponent(cluster)}${path.startsWith('/') ? '' : '/'}${path}`, query: `job=${jobId}` });
}

export class JobLogProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly logs = new Map<string, LogState>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly model: QueueModel) {
    this.subscriptions = [
      model.onDidUpdateCluster((entry) => this.followCluster(entry)),
      // NOTE: no forgetting on onDidCloseTextDocument: changing the language (to 'log') closes
      // and reopens the document without asking for its content again. Closed logs are
      // dropped on the next refresh instead (followCluster).
    ];
  }

  /** Opens the log of a job (read once now; followed while the job is listed). */
  async open(job: { cluster: string; id: string }, path: string): Promise<void> {
    const uri = logUri(job.cluster, path, job.id);
    const document = await vscode.workspace.openTextDocument(uri);
    let shown = document;
    try {
      shown = await vscode.languages.setTextDocumentLanguage(document, 'log');
    } catch {
      // no 'log' language in this editor: plain text it is
    }
    await vscode.window.showTextDocument(shown, { preview: false });
  }

  /** The text read so far (the first call reads the file). */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let state = this.logs.get(uri.toString());
    if (!state) {
      const parsed = parseLogUri(uri);
      if (!parsed) return `Not a job log address: ${uri.toString()}\n`;
      state = { uri, ...parsed, text: '', offset: 0, note: '', following: this.isListed(parsed.cluster, parsed.jobId), createdAt: Date.now() };
      this.logs.set(uri.toString(), state);
      if (state.following) state.keepAlive = this.model.keepPolling();
      await this.readMore(state);
    }
    return state.note + state.text;
  }

  dispose(): void {
    for (const state of this.logs.values()) state.keepAlive?.dispose();
    this.logs.clear();
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  private isListed(cluster: string, jobId: string): boolean {
    return this.model.find(cluster)?.jobs?.some((j) => j.id === jobId) ?? false;
  }

  /** After a refresh of a cluster: read on in each followed log of it; stop following ended jobs. */
  private followCluster(entry: ClusterEntry): void {
    if (entry.error) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const state of this.logs.values()) {
      if (!open.has(state.uri.toString()) && Date.now() - state.createdAt > CLOSED_GRACE_MS) {
        this.forget(state);
        continue;
      }
      if (state.cluster !== entry.name || !state.following) continue;
      const stillListed = this.isListed(state.cluster, state.jobId);
      void this.readMore(state).then((grew) => {
        if (!stillListed) {
          state.following = false;
          state.keepAlive?.dispose();
          state.keepAlive = undefined;
        }
        if (grew) this.changed.fire(state.uri);
      });
    }
  }

  /** Reads from the last offset to the end of the file; resolves true when the text changed. */
  private readMore(state: LogState): Promise<boolean> {
    if (state.reading) return state.reading;
    const cluster = this.model.find(state.cluster)?.cluster;
    if (!cluster) return Promise.resolve(false);
    state.reading = readInto(state, cluster).finally(() => {
      state.reading = undefined;
    });
    return state.reading;
  }

  private forget(state: LogState): void {
    state.keepAlive?.dispose();
    this.logs.delete(state.uri.toString());
  }
}

async function readInto(state: LogState, cluster: SlurmCluster): Promise<boolean> {
  const before = state.note + state.text;
  try {
    for (;;) {
      const chunk = await cluster.readFile(state.path, state.offset, DEFAULT_READ_BYTES);
      if (state.offset === 0 && chunk.size > MAX_LOG_CHARS && state.text === '') {
        // a huge log: show its end only
        state.offset = chunk.size - MAX_LOG_CHARS;
        state.note = `[first ${state.offset} bytes of ${state.path} not shown]\n`;
        continue;
      }
      state.text += chunk.text;
      state.offset += chunk.bytesRead;
      if (state.note.startsWith('[no file')) state.note = '';
      if (chunk.bytesRead === 0 || state.offset >= chunk.size) break;
    }
    if (state.text.length > MAX_LOG_CHARS) {
      state.text = state.text.slice(state.text.length - MAX_LOG_CHARS);
      state.note = `[start of ${state.path} not shown: only its last ${MAX_LOG_CHARS} characters are kept]\n`;
    }
  } catch (error) {
    const failure = asQueueError(error);
    state.note = state.text === '' && /^No file/.test(failure.message)
      ? `[no file ${state.path} yet: ${failure.hint}${state.following ? ' It is read again on each refresh.' : ''}]\n`
      : `[${failure.message} ${failure.hint}]\n`;
  }
  return state.note + state.text !== before;
}

function parseLogUri(uri: vscode.Uri): { cluster: string; path: string; jobId: string } | undefined {
  const m = /^\/([^/]+)(\/.*)$/.exec(uri.path);
  const job = /(?:^|&)job=([^&]+)/.exec(uri.query);
  return m && job ? { cluster: decodeURIComponent(m[1]), path: m[2], jobId: job[1] } : undefined;
}
