/**
 * The queue view's TreeDataProvider: turns the model's clusters into tree items (labels,
 * descriptions, tooltips, icons, context values for the menus in package.json).
 */
import * as vscode from 'vscode';
import { describeState, normalizeState, type Job } from '../api';
import type { JobFilter } from './filter';
import type { ClusterEntry, QueueModel } from './model';
import { arrayChildren, clusterChildren, GroupCache, groupChildren, jobsOf, nodeId, type QueueNode } from './nodes';
import { arrayTaskSummary, countByState, escapeMarkdown, jobDescription, jobIcon, jobLabel, jobTooltipMarkdown, stateIcon, taskCount, unionActions } from './presentation';

/** A group with more jobs than this starts collapsed (the tree stays quick with long queues). */
const EXPAND_GROUP_LIMIT = 200;

/** Plain data of one tree item (the test-only snapshot command returns these). */
export interface SnapshotItem {
  label: string;
  description?: string;
  contextValue?: string;
  /** The job a job/array node acts on: cluster and ids. */
  ref?: { cluster: string; ids: string[] };
  children: SnapshotItem[];
}

export class QueueTreeProvider implements vscode.TreeDataProvider<QueueNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<QueueNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new GroupCache();
  private filterValue: JobFilter = {};
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: QueueModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): JobFilter {
    return this.filterValue;
  }

  /** Sets the filter and redraws. */
  setFilter(filter: JobFilter): void {
    this.filterValue = { ...filter };
    this.changed.fire(undefined);
  }

  getChildren(node?: QueueNode): QueueNode[] {
    if (!node) return this.model.clusters.map((entry): QueueNode => ({ kind: 'cluster', entry }));
    switch (node.kind) {
      case 'cluster': return clusterChildren(node, this.cache, this.filterValue);
      case 'group': return groupChildren(node);
      case 'array': return arrayChildren(node);
      default: return [];
    }
  }

  getParent(node: QueueNode): QueueNode | undefined {
    return node.kind === 'cluster' ? undefined : node.parent;
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    const item = this.buildItem(node);
    item.id = nodeId(node);
    return item;
  }

  /** The whole tree as plain data (every node, collapsed ones too). For tests and diagnostics. */
  snapshot(nodes: QueueNode[] = this.getChildren()): SnapshotItem[] {
    return nodes.map((node) => {
      const item = this.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const jobs = jobsOf(node);
      const snap: SnapshotItem = { label, children: this.snapshot(this.getChildren(node)) };
      if (typeof item.description === 'string') snap.description = item.description;
      if (item.contextValue) snap.contextValue = item.contextValue;
      if (jobs.length > 0) snap.ref = { cluster: jobs[0].cluster, ids: jobs.map((j) => j.id) };
      return snap;
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private buildItem(node: QueueNode): vscode.TreeItem {
    switch (node.kind) {
      case 'cluster': return clusterItem(node.entry, this.model.allUsers);
      case 'error': {
        const item = new vscode.TreeItem(node.error.message, vscode.TreeItemCollapsibleState.None);
        item.description = node.entry.retryInMs ? `retrying in ${Math.round(node.entry.retryInMs / 1000)} s` : node.error.kind;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.tooltip = new vscode.MarkdownString([`**${escapeMarkdown(node.error.message)}**`, '', escapeMarkdown(node.error.hint),
          ...(node.error.detail ? ['', '```text', node.error.detail.replace(/```/g, "'''"), '```'] : []), '', `Kind: ${node.error.kind}. Click to retry now.`].join('\n'));
        item.contextValue = 'queueError retryable';
        item.command = { command: 'hpcWorkflows.queue.retry', title: 'Retry', arguments: [node] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.text;
        item.contextValue = 'message';
        return item;
      }
      case 'group': return groupItem(node.group.state, node.group.jobs.length, node.group.jobs.flatMap((j) => (j.kind === 'job' ? [j.job] : j.tasks)));
      case 'array': return arrayItem(node);
      case 'job': return jobItem(node.job, this.filterValue, node.parent.kind === 'array');
    }
  }
}

function clusterItem(entry: ClusterEntry, allUsers: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.name, vscode.TreeItemCollapsibleState.Expanded);
  const where = entry.config.kind === 'ssh' ? `ssh ${entry.config.host}` : 'Slurm on this machine';
  const parts: string[] = [];
  if (entry.jobs) {
    const { running, pending } = countByState(entry.jobs);
    parts.push(`${running} running · ${pending} pending`);
  }
  if (entry.error) parts.push(entry.error.kind);
  else if (!entry.jobs) parts.push('loading…');
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(entry.error ? 'warning' : entry.config.kind === 'ssh' ? 'remote' : 'server',
    entry.error ? new vscode.ThemeColor('list.warningForeground') : undefined);
  const updated = entry.updatedAt ? `Updated ${entry.updatedAt.toLocaleTimeString()}` : 'Not listed yet';
  item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(entry.name)}**: ${escapeMarkdown(where)}\n\n${updated}; ${allUsers ? "every user's jobs" : 'your jobs'}.`);
  item.contextValue = 'cluster retryable';
  return item;
}

function groupItem(state: string, nodeCount: number, jobs: Job[]): vscode.TreeItem {
  const count = jobs.reduce((n, j) => n + taskCount(j), 0);
  const item = new vscode.TreeItem(normalizeState(state),
    nodeCount > EXPAND_GROUP_LIMIT ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.description = `${count} job${count === 1 ? '' : 's'}`;
  const icon = stateIcon(state);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.tooltip = `${normalizeState(state)}: ${describeState(state)}`;
  item.contextValue = 'group';
  return item;
}

function arrayItem(node: QueueNode & { kind: 'array' }): vscode.TreeItem {
  const count = node.tasks.reduce((n, j) => n + taskCount(j), 0);
  const item = new vscode.TreeItem(`${node.arrayJobId}_[${arrayTaskSummary(node.tasks) || '…'}]  ${node.name}`, vscode.TreeItemCollapsibleState.Collapsed);
  const reasons = new Set(node.tasks.map((t) => t.reason.replace(/^\(|\)$/g, '')));
  const reason = reasons.size === 1 ? [...reasons][0] : '';
  item.description = [normalizeState(node.state), `array, ${count} task${count === 1 ? '' : 's'}`, reason].filter((p) => p !== '').join(' · ');
  const icon = stateIcon(node.state);
  item.iconPath = new vscode.ThemeIcon('layers', icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.tooltip = new vscode.MarkdownString(`**Job array ${escapeMarkdown(node.arrayJobId)}** ${escapeMarkdown(node.name)}\n\n` +
    `${count} task(s) ${escapeMarkdown(normalizeState(node.state))} in ${node.tasks.length} record(s): ${node.tasks.map((t) => escapeMarkdown(t.id)).join(', ')}`);
  item.contextValue = ['array', 'copyable', 'details', ...unionActions(node.tasks)].join(' ');
  return item;
}

function jobItem(job: Job, filter: JobFilter, isTask: boolean): vscode.TreeItem {
  const text = jobLabel(job);
  const label: vscode.TreeItemLabel = { label: text };
  if (filter.name) {
    const at = text.toLowerCase().indexOf(filter.name.toLowerCase(), text.length - job.name.length);
    if (at >= 0) label.highlights = [[at, at + filter.name.length]];
  }
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = jobDescription(job);
  const icon = jobIcon(job);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.tooltip = new vscode.MarkdownString(jobTooltipMarkdown(job));
  item.contextValue = [isTask ? 'task' : 'job', 'copyable', 'details', 'logs', ...unionActions([job])].join(' ');
  item.accessibilityInformation = { label: `Job ${job.id} ${job.name}, ${jobDescription(job)}` };
  return item;
}
