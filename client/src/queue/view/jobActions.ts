/**
 * The job commands of the queue view: cancel, hold, release, requeue (each on every selected
 * job at once, one Slurm command per cluster), show details, open stdout/stderr, copy id.
 * Cancel and requeue ask first unless `hpcWorkflows.queue.confirmDestructiveActions` is off.
 * Failures are notifications with the error's hint, never modal.
 */
import * as vscode from 'vscode';
import type { SlurmCluster } from '../api';
import type { JobDetailsProvider } from './detailsDocument';
import type { JobLogProvider } from './logDocument';
import { asQueueError, type QueueModel } from './model';
import type { QueueNode } from './nodes';
import { jobActions, type JobAction } from './presentation';
import { readQueueSettings } from './settings';
import { resolveTargets, type ClusterTargets } from './targets';

type Action = 'cancel' | 'hold' | 'release' | 'requeue';

const ACTIONS: Record<Action, { capability: JobAction; verb: string; past: string; destructive: boolean;
  run: (c: SlurmCluster, ids: string[]) => Promise<void> }> = {
  cancel: { capability: 'cancellable', verb: 'cancel', past: 'cancelled', destructive: true, run: (c, ids) => c.cancel(ids) },
  hold: { capability: 'holdable', verb: 'hold', past: 'held', destructive: false, run: (c, ids) => c.hold(ids) },
  release: { capability: 'releasable', verb: 'release', past: 'released', destructive: false, run: (c, ids) => c.release(ids) },
  requeue: { capability: 'requeueable', verb: 'requeue', past: 'requeued', destructive: true, run: (c, ids) => c.requeue(ids) },
};

/** What a job action did, per id (returned by the commands; the editor tests read it). */
export interface ActionResult {
  done: string[];
  failed: string[];
  skipped: string[];
}

/** Keeps the ids whose listed record allows the action (ids not in the listing are kept: Slurm decides). */
function applicable(t: ClusterTargets, capability: JobAction): { ids: string[]; skipped: string[] } {
  const ids: string[] = [];
  const skipped: string[] = [];
  for (const id of t.ids) {
    const job = t.jobs.find((j) => j.id === id);
    if (!job || jobActions(job).includes(capability)) ids.push(id);
    else skipped.push(id);
  }
  return { ids, skipped };
}

/** Up to 15 lines, then how many more. */
function listed(lines: string[]): string {
  return lines.length <= 15 ? lines.join('\n') : `${lines.slice(0, 15).join('\n')}\n… and ${lines.length - 15} more`;
}

async function confirm(action: Action, targets: ClusterTargets[], count: number): Promise<boolean> {
  if (!ACTIONS[action].destructive || !readQueueSettings().confirmDestructiveActions) return true;
  const verb = action === 'cancel' ? 'Cancel' : 'Requeue';
  const names = targets.flatMap((t) => t.ids.map((id) => {
    const job = t.jobs.find((j) => j.id === id);
    return `${id}${job ? ` "${job.name}"` : ''} on ${t.entry.name}`;
  }));
  const what = count === 1 ? `job ${names[0]}` : `${count} jobs`;
  const consequence = action === 'cancel' ? 'Slurm stops them and they do not run again.' : 'Running jobs are stopped and queued to start again from the beginning.';
  const go: vscode.MessageItem = { title: `${verb} ${count === 1 ? 'Job' : `${count} Jobs`}` };
  const keep: vscode.MessageItem = { title: 'Keep', isCloseAffordance: true };
  const answer = await vscode.window.showWarningMessage(`${verb} ${what}?`,
    { modal: true, detail: `${count > 1 ? `${listed(names)}\n\n` : ''}${consequence}` }, go, keep);
  return answer === go;
}

/** Runs one action on the targets; refreshes each touched cluster; reports failures. */
export async function runJobAction(model: QueueModel, action: Action, targets: ClusterTargets[]): Promise<ActionResult> {
  const spec = ACTIONS[action];
  const result: ActionResult = { done: [], failed: [], skipped: [] };
  const plan = targets.map((t) => ({ t, ...applicable(t, spec.capability) }));
  plan.forEach((p) => result.skipped.push(...p.skipped));
  const count = plan.reduce((n, p) => n + p.ids.length, 0);
  if (count === 0) {
    if (result.skipped.length) void vscode.window.showInformationMessage(`Nothing to ${spec.verb}: ${result.skipped.join(', ')} cannot be ${spec.past} in its state.`);
    return result;
  }
  if (!(await confirm(action, plan.map((p) => ({ ...p.t, ids: p.ids })), count))) return result;
  await Promise.all(plan.filter((p) => p.ids.length > 0).map(async ({ t, ids }) => {
    const cluster = t.entry.cluster;
    try {
      if (!cluster) throw t.entry.error ?? new Error(`cluster ${t.entry.name} is not usable`);
      await spec.run(cluster, ids);
      result.done.push(...ids);
    } catch (error) {
      result.failed.push(...ids);
      const failure = asQueueError(error);
      void vscode.window.showErrorMessage(`Could not ${spec.verb} ${ids.join(' ')} on ${t.entry.name}: ${failure.message} ${failure.hint}`);
    }
    await model.refreshNow(t.entry.name);
  }));
  if (result.done.length > 0) vscode.window.setStatusBarMessage(`$(check) ${spec.past} ${result.done.join(' ')}`, 5000);
  return result;
}

/** The stdout or stderr path of a job as Slurm resolved it (scontrol), or undefined with a message shown. */
async function logPath(cluster: SlurmCluster, clusterName: string, id: string, stream: 'stdout' | 'stderr'): Promise<string | undefined> {
  try {
    const details = await cluster.details(id);
    const path = details[stream];
    if (!path) void vscode.window.showInformationMessage(`Slurm names no ${stream} file for job ${id} on ${clusterName}.`);
    return path;
  } catch (error) {
    const failure = asQueueError(error);
    void vscode.window.showErrorMessage(`Could not find the ${stream} of job ${id} on ${clusterName}: ${failure.message} ${failure.hint}`);
    return undefined;
  }
}

/** Registers the job commands. `selection` gives the view's selection (key bindings, palette). */
export function registerJobActions(model: QueueModel, details: JobDetailsProvider, logs: JobLogProvider,
  selection: () => readonly QueueNode[]): vscode.Disposable[] {
  const targetsOf = (clicked: unknown, selected: unknown): ClusterTargets[] => resolveTargets(model, clicked, selected, selection());
  const action = (name: Action) => vscode.commands.registerCommand(`hpcWorkflows.queue.${name}`,
    (clicked?: unknown, selected?: unknown) => runJobAction(model, name, targetsOf(clicked, selected)));
  const openLog = (stream: 'stdout' | 'stderr') => async (clicked?: unknown, selected?: unknown): Promise<void> => {
    for (const t of targetsOf(clicked, selected)) {
      for (const id of t.ids) {
        if (!t.entry.cluster) continue;
        const path = await logPath(t.entry.cluster, t.entry.name, id, stream);
        if (path) await logs.open({ cluster: t.entry.name, id }, path);
      }
    }
  };
  return [
    action('cancel'), action('hold'), action('release'), action('requeue'),
    vscode.commands.registerCommand('hpcWorkflows.queue.showDetails', (clicked?: unknown, selected?: unknown) =>
      details.show(targetsOf(clicked, selected).flatMap((t) => t.ids.map((id) => ({ cluster: t.entry.name, id }))))),
    vscode.commands.registerCommand('hpcWorkflows.queue.openStdout', openLog('stdout')),
    vscode.commands.registerCommand('hpcWorkflows.queue.openStderr', openLog('stderr')),
    vscode.commands.registerCommand('hpcWorkflows.queue.copyId', async (clicked?: unknown, selected?: unknown) => {
      const ids = targetsOf(clicked, selected).flatMap((t) => t.ids);
      if (ids.length === 0) return;
      await vscode.env.clipboard.writeText(ids.join(' '));
      vscode.window.setStatusBarMessage(`$(copy) copied ${ids.join(' ')}`, 3000);
    }),
  ];
}
