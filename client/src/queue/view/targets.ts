/**
 * What a queue command acts on: the clicked node and the other selected nodes (multi-select),
 * the view's selection when run from a key binding, or plain references `{ cluster, id }` /
 * `{ cluster, ids }` (scripts, tests). Grouped by cluster; ids de-duplicated.
 */
import type { Job } from '../api';
import type { ClusterEntry, QueueModel } from './model';
import { jobsOf, type QueueNode } from './nodes';

/** A job reference given as plain data. */
export interface JobRef {
  cluster: string;
  id?: string;
  ids?: string[];
}

/** The jobs of one cluster a command acts on. `jobs` holds the listed records when known. */
export interface ClusterTargets {
  entry: ClusterEntry;
  ids: string[];
  jobs: Job[];
}

function isNode(value: unknown): value is QueueNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' &&
    'entry' in (value as object);
}

function isRef(value: unknown): value is JobRef {
  return typeof value === 'object' && value !== null && typeof (value as JobRef).cluster === 'string' &&
    (typeof (value as JobRef).id === 'string' || Array.isArray((value as JobRef).ids));
}

/**
 * The targets of a command invocation. `clicked` and `selected` are what VS Code passes to a
 * view/item/context command (selected includes clicked when several items are selected);
 * `viewSelection` is used when neither is given.
 */
export function resolveTargets(model: QueueModel, clicked: unknown, selected: unknown, viewSelection: readonly QueueNode[]): ClusterTargets[] {
  let items: unknown[];
  if (Array.isArray(selected) && selected.length > 0 && (clicked === undefined || selected.includes(clicked))) items = selected;
  else if (clicked !== undefined) items = [clicked];
  else items = [...viewSelection];
  const byCluster = new Map<string, ClusterTargets>();
  const add = (entry: ClusterEntry | undefined, id: string, job?: Job): void => {
    if (!entry) return;
    let t = byCluster.get(entry.name);
    if (!t) byCluster.set(entry.name, (t = { entry, ids: [], jobs: [] }));
    if (t.ids.includes(id)) return;
    t.ids.push(id);
    if (job) t.jobs.push(job);
  };
  for (const item of items) {
    if (isNode(item)) {
      for (const job of jobsOf(item)) add(model.find(job.cluster), job.id, job);
    } else if (isRef(item)) {
      const entry = model.find(item.cluster);
      for (const id of item.ids ?? (item.id !== undefined ? [item.id] : [])) {
        add(entry, id, entry?.jobs?.find((j) => j.id === id));
      }
    }
  }
  return [...byCluster.values()];
}

/** All target ids as "cluster: id id" for messages. */
export function describeTargets(targets: ClusterTargets[]): string {
  return targets.map((t) => `${t.entry.name}: ${t.ids.join(' ')}`).join('; ');
}
