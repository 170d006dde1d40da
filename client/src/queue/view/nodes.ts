/**
 * The queue tree's nodes (plain data) and how the children of each are built: cluster → state
 * group → job or array → array tasks. Children are built when the tree asks for them, so a big
 * array or a long pending list costs nothing until it is expanded.
 */
import { groupJobs, type Job, type JobGroup, type QueueError } from '../api';
import { applyFilter, isEmptyFilter, type JobFilter } from './filter';
import type { ClusterEntry } from './model';

export type QueueNode =
  | { kind: 'cluster'; entry: ClusterEntry }
  | { kind: 'error'; entry: ClusterEntry; error: QueueError; parent: QueueNode }
  | { kind: 'message'; id: string; text: string; icon: string; parent: QueueNode }
  | { kind: 'group'; entry: ClusterEntry; group: JobGroup; parent: QueueNode }
  | { kind: 'array'; entry: ClusterEntry; arrayJobId: string; name: string; state: string; tasks: Job[]; parent: QueueNode }
  | { kind: 'job'; entry: ClusterEntry; job: Job; parent: QueueNode };

/** The jobs a node stands for (what an action on it acts on). */
export function jobsOf(node: QueueNode): Job[] {
  switch (node.kind) {
    case 'job': return [node.job];
    case 'array': return node.tasks;
    default: return [];
  }
}

/** Filtered and grouped jobs per cluster, recomputed only when the listing or the filter changed. */
export class GroupCache {
  private readonly cache = new WeakMap<ClusterEntry, { key: string; groups: JobGroup[]; hidden: number }>();

  /** The state groups of a cluster's listing after the filter, and how many jobs the filter hid. */
  groups(entry: ClusterEntry, filter: JobFilter): { groups: JobGroup[]; hidden: number } {
    const key = `${entry.revision}|${JSON.stringify(filter)}`;
    const cached = this.cache.get(entry);
    if (cached && cached.key === key) return cached;
    const jobs = entry.jobs ?? [];
    const shown = applyFilter(jobs, filter);
    const value = { key, groups: groupJobs(shown), hidden: jobs.length - shown.length };
    this.cache.set(entry, value);
    return value;
  }
}

/** The children of a cluster node: its error (with the hint) first, then its state groups. */
export function clusterChildren(node: QueueNode & { kind: 'cluster' }, cache: GroupCache, filter: JobFilter): QueueNode[] {
  const { entry } = node;
  const children: QueueNode[] = [];
  if (entry.error) {
    children.push({ kind: 'error', entry, error: entry.error, parent: node });
    if (entry.error.hint) children.push({ kind: 'message', id: `hint/${entry.name}`, text: entry.error.hint, icon: 'lightbulb', parent: node });
  }
  if (entry.jobs === undefined) {
    if (!entry.error) children.push({ kind: 'message', id: `loading/${entry.name}`, text: 'Loading…', icon: 'loading~spin', parent: node });
    return children;
  }
  const { groups, hidden } = cache.groups(entry, filter);
  for (const group of groups) children.push({ kind: 'group', entry, group, parent: node });
  if (groups.length === 0) {
    const text = hidden > 0 || !isEmptyFilter(filter) ? `No job matches the filter (${hidden} hidden)` : 'No jobs in the queue';
    children.push({ kind: 'message', id: `empty/${entry.name}`, text, icon: 'info', parent: node });
  }
  return children;
}

/** The children of a state group: single jobs and one node per job array. */
export function groupChildren(node: QueueNode & { kind: 'group' }): QueueNode[] {
  return node.group.jobs.map((j): QueueNode => j.kind === 'job'
    ? { kind: 'job', entry: node.entry, job: j.job, parent: node }
    : { kind: 'array', entry: node.entry, arrayJobId: j.arrayJobId, name: j.name, state: node.group.state, tasks: j.tasks, parent: node });
}

/** The children of an array node: its task records. */
export function arrayChildren(node: QueueNode & { kind: 'array' }): QueueNode[] {
  return node.tasks.map((job): QueueNode => ({ kind: 'job', entry: node.entry, job, parent: node }));
}

/** A stable id for a node (keeps expansion and selection across refreshes). */
export function nodeId(node: QueueNode): string {
  switch (node.kind) {
    case 'cluster': return `cluster/${node.entry.name}`;
    case 'error': return `error/${node.entry.name}`;
    case 'message': return `message/${node.id}`;
    case 'group': return `group/${node.entry.name}/${node.group.state}`;
    case 'array': return `array/${node.entry.name}/${node.state}/${node.arrayJobId}`;
    case 'job': return `job/${node.entry.name}/${node.job.id}`;
  }
}
