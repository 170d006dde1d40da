/**
 * Following submitted jobs: while a followed job is in the queue, polling goes on even with the
 * view hidden; when it has left the queue, its accounting record (sacct) says how it ended and a
 * notification shows the state and exit code with a button to open its log.
 */
import * as vscode from 'vscode';
import { isFinishedState, type FinishedJob, type Job } from '../api';
import { summarizeEnd } from './endSummary';
import type { JobLogProvider } from './logDocument';
import type { ClusterEntry, QueueModel } from './model';

/** How many refreshes to wait for sacct to know an ended job before giving up on the exit code. */
const MAX_ACCOUNTING_MISSES = 6;

interface Followed {
  cluster: string;
  id: string;
  name: string;
  stdout?: string;
  misses: number;
  checking: boolean;
  keepAlive: vscode.Disposable;
}

/** True when a listed record belongs to the job with this (numeric) id. */
function belongsTo(job: Job, id: string): boolean {
  return job.id === id || job.jobId === id || job.arrayJobId === id || job.id.startsWith(`${id}+`);
}

/** Follows submitted jobs until they end. */
export class JobFollower implements vscode.Disposable {
  private readonly followed = new Map<string, Followed>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: QueueModel, private readonly logs: JobLogProvider) {
    this.subscription = model.onDidUpdateCluster((entry) => this.check(entry));
  }

  /** Starts following a job just submitted (`id` is sbatch's numeric id). */
  follow(cluster: string, id: string, name: string): void {
    const key = `${cluster}/${id}`;
    if (this.followed.has(key)) return;
    const item: Followed = { cluster, id, name, misses: 0, checking: false, keepAlive: this.model.keepPolling() };
    this.followed.set(key, item);
    // The resolved stdout path, read while the controller still knows the job.
    void this.model.find(cluster)?.cluster?.details(id).then((d) => {
      item.stdout = d.stdout;
      if (d.name) item.name = d.name;
    }, () => undefined);
  }

  /** Ids followed now, as "cluster/id" (tests, diagnostics). */
  get following(): string[] {
    return [...this.followed.keys()];
  }

  /** The last notifications about ended jobs, newest last (tests, diagnostics). */
  readonly ended: { cluster: string; id: string; text: string; log?: string }[] = [];

  dispose(): void {
    for (const f of this.followed.values()) f.keepAlive.dispose();
    this.followed.clear();
    this.subscription.dispose();
  }

  private check(entry: ClusterEntry): void {
    if (entry.error || !entry.jobs || !entry.cluster) return;
    for (const [key, f] of this.followed) {
      if (f.cluster !== entry.name || f.checking) continue;
      const listed = entry.jobs.find((j) => belongsTo(j, f.id));
      if (listed) {
        f.name = listed.name;
        continue;
      }
      f.checking = true;
      void entry.cluster.history(24, { jobIds: [f.id] }).then(
        (records) => this.finish(key, f, records.filter((r) => r.id === f.id || r.id.startsWith(`${f.id}_`) || r.id.startsWith(`${f.id}+`))),
        () => this.finish(key, f, []),
      ).finally(() => (f.checking = false));
    }
  }

  private finish(key: string, f: Followed, records: FinishedJob[]): void {
    const finished = records.length > 0 && records.every((r) => isFinishedState(r.state));
    if (!finished && ++f.misses < MAX_ACCOUNTING_MISSES) return;
    this.followed.delete(key);
    f.keepAlive.dispose();
    const summary = finished ? summarizeEnd(records) : { text: 'ended (its accounting record was not found)', ok: true };
    const stdout = f.stdout ?? (records[0]?.workDir ? `${records[0].workDir}/slurm-${f.id}.out` : undefined);
    const message = `Job ${f.id} "${f.name}" on ${f.cluster}: ${summary.text}.`;
    this.ended.push({ cluster: f.cluster, id: f.id, text: message, log: stdout });
    if (this.ended.length > 20) this.ended.shift();
    const buttons = stdout ? ['Open Log'] : [];
    const shown = summary.ok ? vscode.window.showInformationMessage(message, ...buttons) : vscode.window.showWarningMessage(message, ...buttons);
    void shown.then((choice) => {
      if (choice === 'Open Log' && stdout) void this.logs.open({ cluster: f.cluster, id: f.id }, stdout);
    });
  }
}
