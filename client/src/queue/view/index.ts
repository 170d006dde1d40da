/**
 * The queue panel in VS Code: wires the model (clusters and their listings), the tree view, the
 * status bar, the job documents, the commands and submit-and-follow. extension.ts calls
 * {@link registerQueuePanel} once.
 */
import * as vscode from 'vscode';
import type { ClusterConfig } from '../api';
import { DETAILS_SCHEME, JobDetailsProvider } from './detailsDocument';
import { JobFollower } from './follow';
import { registerJobActions } from './jobActions';
import { hasLocalSlurm } from './localSlurm';
import { LOG_SCHEME, JobLogProvider } from './logDocument';
import { QueueModel } from './model';
import { readQueueSettings, SECTION, type QueueSettings } from './settings';
import { createQueueStatusBar } from './statusBar';
import { submitJobScript } from './submit';
import { QueueTreeProvider } from './treeProvider';
import { registerViewCommands, updateViewState, VIEW_ID } from './viewCommands';

type PanelStatus = 'untrusted' | 'detecting' | 'none' | 'ready';

function setStatus(status: PanelStatus): void {
  void vscode.commands.executeCommand('setContext', 'hpcWorkflows.queue.status', status);
}

/** The clusters the settings (and the local detection) ask for. Runs nothing in an untrusted workspace. */
async function configuredClusters(settings: QueueSettings): Promise<ClusterConfig[]> {
  if (!vscode.workspace.isTrusted) return [];
  const local = settings.localCluster === 'always' || (settings.localCluster === 'auto' && (await hasLocalSlurm()));
  return [...(local ? [{ kind: 'local', name: 'local' } as ClusterConfig] : []), ...settings.sshClusters];
}

/**
 * Registers the queue view, its commands, documents and status bar. Called once from activate();
 * returns at once (finding the local Slurm happens in the background). Everything is disposed
 * through context.subscriptions.
 */
export function registerQueuePanel(context: vscode.ExtensionContext): void {
  let settings = readQueueSettings();
  const model = new QueueModel({ intervalMs: settings.refreshIntervalMs, allUsers: settings.showAllUsers });
  const provider = new QueueTreeProvider(model);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const details = new JobDetailsProvider(model);
  const logs = new JobLogProvider(model);
  const follower = new JobFollower(model, logs);
  model.setVisible(view.visible);

  let generation = 0;
  const applyClusters = async (): Promise<void> => {
    const mine = ++generation;
    if (!vscode.workspace.isTrusted) {
      setStatus('untrusted');
      model.setClusters([]);
      return;
    }
    if (model.clusters.length === 0) setStatus('detecting');
    const clusters = await configuredClusters(settings);
    if (mine !== generation) return; // a newer settings change won
    model.setClusters(clusters);
    setStatus(clusters.length > 0 ? 'ready' : 'none');
    for (const problem of settings.sshProblems) void vscode.window.showWarningMessage(`hpcWorkflows.queue.sshHosts: ${problem}`);
  };

  context.subscriptions.push(
    model, provider, view, details, logs, follower,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, logs),
    view.onDidChangeVisibility((e) => model.setVisible(e.visible)),
    createQueueStatusBar(model),
    ...registerViewCommands(view, provider, model, follower),
    ...registerJobActions(model, details, logs, () => view.selection),
    vscode.commands.registerCommand('hpcWorkflows.queue.submit', (resource?: unknown, preset?: unknown) =>
      submitJobScript(context, model, follower, resource, preset)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void applyClusters()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const before = settings;
      settings = readQueueSettings();
      if (before.refreshIntervalMs !== settings.refreshIntervalMs) model.setIntervalMs(settings.refreshIntervalMs);
      if (JSON.stringify([before.sshClusters, before.localCluster]) !== JSON.stringify([settings.sshClusters, settings.localCluster])) void applyClusters();
    }),
  );
  updateViewState(view, provider, model);
  void applyClusters();
}
