/**
 * QueueModel: the clusters the panel shows, each with its last listing or error, refreshed by
 * one Poller per cluster (so one unreachable host backs off alone). Polling runs while the view
 * is visible or while something (a followed job, an open log) asks to keep it running.
 */
import * as vscode from 'vscode';
import { createCluster, isQueueError, Poller, QueueError, type ClusterConfig, type Job, type SlurmCluster } from '../api';

/** Longest wait between refreshes after failures in a row. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** One cluster as the panel knows it. */
export interface ClusterEntry {
  readonly name: string;
  readonly config: ClusterConfig;
  /** Undefined when the configuration was refused (then `error` says why). */
  readonly cluster?: SlurmCluster;
  /** The last successful listing (kept while a later refresh fails). */
  jobs?: Job[];
  /** The last refresh's failure; cleared by a success. */
  error?: QueueError;
  updatedAt?: Date;
  /** Milliseconds until the next try after a failure. */
  retryInMs?: number;
  /** Bumped on every change (tree caches key on it). */
  revision: number;
  poller?: Poller;
}

/** Any rejection as a QueueError (a bug's exception keeps its message). */
export function asQueueError(error: unknown): QueueError {
  if (isQueueError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new QueueError('failed', message, 'Try again; if it keeps failing, see the extension host log.');
}

/** The clusters, their listings and their refresh schedule. */
export class QueueModel implements vscode.Disposable {
  private entries: ClusterEntry[] = [];
  private visible = false;
  private keepAlive = 0;
  private allUsersValue: boolean;
  private intervalMs: number;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly clusterUpdated = new vscode.EventEmitter<ClusterEntry>();
  /** Fired after any change that the tree should show. */
  readonly onDidChange = this.changed.event;
  /** Fired after each refresh of one cluster (success or failure). */
  readonly onDidUpdateCluster = this.clusterUpdated.event;

  constructor(options: { intervalMs: number; allUsers: boolean }) {
    this.intervalMs = options.intervalMs;
    this.allUsersValue = options.allUsers;
  }

  /** The clusters in display order. */
  get clusters(): readonly ClusterEntry[] {
    return this.entries;
  }

  get allUsers(): boolean {
    return this.allUsersValue;
  }

  /** Lists every user's jobs (true) or only the user's own; refreshes at once. */
  setAllUsers(value: boolean): Promise<void> {
    if (value === this.allUsersValue) return Promise.resolve();
    this.allUsersValue = value;
    return this.refreshNow();
  }

  /** The cluster entry of a name, if configured. */
  find(name: string): ClusterEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /**
   * Replaces the configured clusters. Entries whose config is unchanged are kept (with their
   * data and connection); removed ones are disposed; new ones get one refresh at once.
   */
  setClusters(configs: ClusterConfig[]): void {
    const keep = new Map(this.entries.map((e) => [JSON.stringify(e.config), e]));
    const next: ClusterEntry[] = [];
    for (const config of configs) {
      const key = JSON.stringify(config);
      const existing = keep.get(key);
      if (existing) {
        keep.delete(key);
        next.push(existing);
      } else {
        next.push(this.createEntry(config));
      }
    }
    for (const gone of keep.values()) disposeEntry(gone);
    this.entries = next;
    this.changed.fire();
  }

  /** Called with the view's visibility: polling pauses while hidden (unless kept alive). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.updateActivity();
  }

  /** Keeps polling while the view is hidden until the returned disposable is disposed. */
  keepPolling(): vscode.Disposable {
    this.keepAlive++;
    this.updateActivity();
    let done = false;
    return new vscode.Disposable(() => {
      if (done) return;
      done = true;
      this.keepAlive--;
      this.updateActivity();
    });
  }

  /** New refresh interval (from settings). */
  setIntervalMs(ms: number): void {
    this.intervalMs = ms;
    for (const e of this.entries) e.poller?.setIntervalMs(ms);
  }

  /** Refreshes one cluster (by name) or all now; resolves when done, never rejects. */
  async refreshNow(name?: string): Promise<void> {
    const targets = name === undefined ? this.entries : this.entries.filter((e) => e.name === name);
    await Promise.all(targets.map((e) => e.poller?.refreshNow()));
  }

  dispose(): void {
    for (const e of this.entries) disposeEntry(e);
    this.entries = [];
    this.changed.dispose();
    this.clusterUpdated.dispose();
  }

  private get active(): boolean {
    return this.visible || this.keepAlive > 0;
  }

  private updateActivity(): void {
    for (const e of this.entries) {
      if (this.active) e.poller?.resume();
      else e.poller?.pause();
    }
  }

  private createEntry(config: ClusterConfig): ClusterEntry {
    let cluster: SlurmCluster;
    try {
      cluster = createCluster(config);
    } catch (error) {
      return { name: config.name, config, error: asQueueError(error), revision: 1 };
    }
    const entry: ClusterEntry = { name: config.name, config, cluster, revision: 0 };
    const poller = new Poller({
      intervalMs: this.intervalMs,
      maxBackoffMs: MAX_BACKOFF_MS,
      tick: () => this.list(entry, cluster),
      onError: (error, nextDelayMs) => {
        entry.error = asQueueError(error);
        entry.retryInMs = nextDelayMs;
        this.updated(entry);
      },
    });
    entry.poller = poller;
    // One refresh now even while hidden (the status bar count); then polling follows visibility.
    poller.start();
    if (!this.active) poller.pause();
    return entry;
  }

  private async list(entry: ClusterEntry, cluster: SlurmCluster): Promise<void> {
    const jobs = await cluster.list({ allUsers: this.allUsersValue });
    // NOTE: an unchanged listing does not redraw the tree (a redraw closes an open tooltip)
    const same = entry.error === undefined && entry.jobs !== undefined && sameListing(entry.jobs, jobs);
    entry.jobs = jobs;
    entry.error = undefined;
    entry.retryInMs = undefined;
    entry.updatedAt = new Date();
    this.updated(entry, !same);
  }

  private updated(entry: ClusterEntry, redraw = true): void {
    if (!this.entries.includes(entry)) return;
    if (redraw) {
      entry.revision++;
      this.changed.fire();
    }
    this.clusterUpdated.fire(entry);
  }
}

/** True when two listings hold the same records with the same values, in the same order. */
function sameListing(a: Job[], b: Job[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].raw;
    const y = b[i].raw;
    for (const key in x) if (x[key] !== y[key]) return false;
    for (const key in y) if (!(key in x)) return false;
  }
  return true;
}

function disposeEntry(entry: ClusterEntry): void {
  entry.poller?.dispose();
  entry.cluster?.dispose();
}
