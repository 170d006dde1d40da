/**
 * Commands of the view as a whole: refresh, retry a cluster, filter, all users / my jobs,
 * reveal the view, open the settings, and the internal snapshot used by the editor tests.
 */
import * as vscode from 'vscode';
import { knownStates, normalizeState } from '../api';
import { describeFilter, isEmptyFilter, type JobFilter } from './filter';
import type { JobFollower } from './follow';
import type { QueueModel } from './model';
import type { QueueNode } from './nodes';
import { SECTION } from './settings';
import { SHOW_QUEUE_COMMAND } from './statusBar';
import type { QueueTreeProvider } from './treeProvider';

export const VIEW_ID = 'hpcWorkflows.queue';

/** Shows the filter and the user scope in the view's title bar and in context keys for the menus. */
export function updateViewState(view: vscode.TreeView<QueueNode>, provider: QueueTreeProvider, model: QueueModel): void {
  const filter = describeFilter(provider.filter);
  view.description = [model.allUsers ? 'all users' : '', filter].filter((s) => s !== '').join(' · ') || undefined;
  view.message = filter ? `Filter: ${filter}` : undefined;
  void vscode.commands.executeCommand('setContext', 'hpcWorkflows.queue.filtered', !isEmptyFilter(provider.filter));
  void vscode.commands.executeCommand('setContext', 'hpcWorkflows.queue.allUsers', model.allUsers);
}

/** Asks which condition to set and its value; resolves with the new filter, or undefined if dismissed. */
async function pickFilter(current: JobFilter, model: QueueModel): Promise<JobFilter | undefined> {
  type Choice = vscode.QuickPickItem & { key: keyof JobFilter | 'clear' };
  const choices: Choice[] = [
    { key: 'name', label: '$(symbol-text) Name contains…', description: current.name ?? '' },
    { key: 'partition', label: '$(server-process) Partition…', description: current.partition ?? '' },
    { key: 'state', label: '$(pulse) State…', description: current.state ?? '' },
    { key: 'clear', label: '$(clear-all) Clear filter' },
  ];
  const choice = await vscode.window.showQuickPick(choices, { title: 'Filter the queue', placeHolder: describeFilter(current) || 'No filter' });
  if (!choice) return undefined;
  if (choice.key === 'clear') return {};
  const jobs = model.clusters.flatMap((c) => c.jobs ?? []);
  if (choice.key === 'name') {
    const name = await vscode.window.showInputBox({ title: 'Show jobs whose name contains', value: current.name ?? '', prompt: 'Case-insensitive; empty shows every name.' });
    return name === undefined ? undefined : { ...current, name: name.trim() || undefined };
  }
  const values = choice.key === 'partition'
    ? [...new Set(jobs.flatMap((j) => j.partition.split(',')).filter((p) => p !== ''))].sort()
    : [...new Set([...jobs.map((j) => normalizeState(j.state)), ...knownStates().map((s) => s.name)])];
  const items = [{ label: '(any)' }, ...values.map((label) => ({ label }))];
  const picked = await vscode.window.showQuickPick(items, { title: choice.key === 'partition' ? 'Show jobs of partition' : 'Show jobs in state' });
  if (!picked) return undefined;
  return { ...current, [choice.key]: picked.label === '(any)' ? undefined : picked.label };
}

/** Registers the view-level commands. */
export function registerViewCommands(view: vscode.TreeView<QueueNode>, provider: QueueTreeProvider, model: QueueModel,
  follower: JobFollower): vscode.Disposable[] {
  const setAllUsers = async (value: boolean): Promise<void> => {
    const done = model.setAllUsers(value);
    updateViewState(view, provider, model);
    await done;
  };
  return [
    vscode.commands.registerCommand('hpcWorkflows.queue.refresh', () => model.refreshNow()),
    vscode.commands.registerCommand('hpcWorkflows.queue.retry', (node?: QueueNode | { cluster: string }) => {
      const name = node && 'entry' in node ? node.entry.name : node && 'cluster' in node ? node.cluster : undefined;
      return model.refreshNow(name);
    }),
    vscode.commands.registerCommand('hpcWorkflows.queue.filter', async (given?: JobFilter) => {
      const next = given ?? (await pickFilter(provider.filter, model));
      if (!next) return;
      provider.setFilter(next);
      updateViewState(view, provider, model);
    }),
    vscode.commands.registerCommand('hpcWorkflows.queue.clearFilter', () => {
      provider.setFilter({});
      updateViewState(view, provider, model);
    }),
    vscode.commands.registerCommand('hpcWorkflows.queue.showAllUsers', () => setAllUsers(true)),
    vscode.commands.registerCommand('hpcWorkflows.queue.showMyJobs', () => setAllUsers(false)),
    vscode.commands.registerCommand(SHOW_QUEUE_COMMAND, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    vscode.commands.registerCommand('hpcWorkflows.queue.openSettings', () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.`)),
    // NOTE: internal, for the editor tests (test/e2e/suite/queue.test.ts): the tree as plain data,
    // after an optional refresh. Hidden from the command palette in package.json.
    vscode.commands.registerCommand('hpcWorkflows.queue._snapshot', async (options?: { refresh?: boolean }) => {
      if (options?.refresh) await model.refreshNow();
      return {
        allUsers: model.allUsers, filter: provider.filter, visible: view.visible, description: view.description,
        clusters: provider.snapshot(), following: follower.following, ended: [...follower.ended],
      };
    }),
  ];
}
