/**
 * The status-bar count of the user's jobs ("$(server) 3 running · 5 pending") over all clusters;
 * a click reveals the queue view. Hidden while no cluster is configured.
 */
import * as vscode from 'vscode';
import { countByState } from './presentation';
import type { QueueModel } from './model';

export const SHOW_QUEUE_COMMAND = 'hpcWorkflows.queue.show';

/** Creates the item and keeps it up to date with the model; dispose it with the extension. */
export function createQueueStatusBar(model: QueueModel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hpcWorkflows.queue.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Slurm Queue';
  item.command = SHOW_QUEUE_COMMAND;
  const update = (): void => {
    const clusters = model.clusters;
    if (clusters.length === 0) {
      item.hide();
      return;
    }
    const listed = clusters.filter((c) => c.jobs !== undefined);
    const failing = clusters.filter((c) => c.error !== undefined);
    const { running, pending } = countByState(listed.flatMap((c) => c.jobs ?? []));
    item.text = `$(server) ${running} running · ${pending} pending${failing.length ? ' $(warning)' : ''}`;
    const who = model.allUsers ? "every user's jobs" : 'your jobs';
    const lines = [`Slurm queue (${who}): ${running} running, ${pending} pending`];
    for (const c of clusters) {
      const counts = c.jobs ? countByState(c.jobs) : undefined;
      lines.push(`${c.name}: ${c.error ? `${c.error.message}` : counts ? `${counts.running} running, ${counts.pending} pending` : 'loading…'}`);
    }
    item.tooltip = lines.join('\n');
    item.backgroundColor = failing.length === clusters.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const subscription = model.onDidChange(update);
  update();
  return vscode.Disposable.from(subscription, item);
}
