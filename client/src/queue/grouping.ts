/**
 * groupJobs: squeue records → the tree's state groups, array tasks under their array.
 */
import { stateOrder } from './states';
import type { Job, JobGroup, JobNode } from './types';

/**
 * Groups jobs by state (in the order of {@link stateOrder}; unknown states after the known ones,
 * by name) and, inside a group, the records of one job array under one array node (its pending
 * rest "123_[5-9]" and its running tasks "123_4" alike). Job order inside a group is the input
 * order; an array node sits where its first record was. Every input job appears exactly once.
 */
export function groupJobs(jobs: Job[]): JobGroup[] {
  const byState = new Map<string, { nodes: JobNode[]; arrays: Map<string, JobNode & { kind: 'array' }> }>();
  for (const job of jobs) {
    let group = byState.get(job.state);
    if (!group) {
      group = { nodes: [], arrays: new Map() };
      byState.set(job.state, group);
    }
    if (job.arrayJobId !== undefined && job.arrayTaskId !== undefined) {
      let node = group.arrays.get(job.arrayJobId);
      if (!node) {
        node = { kind: 'array', arrayJobId: job.arrayJobId, name: job.name, tasks: [] };
        group.arrays.set(job.arrayJobId, node);
        group.nodes.push(node);
      }
      node.tasks.push(job);
    } else {
      group.nodes.push({ kind: 'job', job });
    }
  }
  return [...byState.entries()]
    .sort(([a], [b]) => stateOrder(a) - stateOrder(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([state, g]) => ({ state, jobs: g.nodes }));
}
