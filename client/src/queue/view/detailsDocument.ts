/**
 * Read-only `hpc-job:` documents: `scontrol show job` of one job rendered by detailsText.ts, or
 * its accounting record when the controller has forgotten it. URI: hpc-job:/<cluster>/Job <id>.
 */
import * as vscode from 'vscode';
import { renderDetails, renderFinished } from './detailsText';
import { asQueueError, type QueueModel } from './model';

export const DETAILS_SCHEME = 'hpc-job';

/** The URI of a job's details document. */
export function detailsUri(cluster: string, id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${encodeURIComponent(cluster)}/Job ${id}` });
}

function parseDetailsUri(uri: vscode.Uri): { cluster: string; id: string } | undefined {
  const m = /^\/([^/]+)\/Job (\S+)$/.exec(uri.path);
  return m ? { cluster: decodeURIComponent(m[1]), id: m[2] } : undefined;
}

export class JobDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly model: QueueModel) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseDetailsUri(uri);
    const entry = target && this.model.find(target.cluster);
    if (!target || !entry?.cluster) return `No configured cluster for ${uri.toString()}.\n`;
    const cluster = entry.cluster;
    try {
      return renderDetails(await cluster.details(target.id), entry.name, new Date());
    } catch (error) {
      const failure = asQueueError(error);
      if (failure.kind === 'failed') {
        // the controller forgot the job: its accounting record is the next best thing
        const finished = await cluster.history(24 * 7, { jobIds: [target.id] }).catch(() => []);
        const record = finished.find((f) => f.id === target.id) ?? finished[0];
        if (record) return renderFinished(record, new Date());
      }
      return `Could not read job ${target.id} on ${entry.name}: ${failure.message}\n\n${failure.hint}\n${failure.detail ? `\n${failure.detail}\n` : ''}`;
    }
  }

  /** Opens (or re-reads, when already open) the details of each job. */
  async show(jobs: { cluster: string; id: string }[]): Promise<void> {
    for (const job of jobs) {
      const uri = detailsUri(job.cluster, job.id);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: jobs.length === 1, preserveFocus: jobs.length > 1 });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
