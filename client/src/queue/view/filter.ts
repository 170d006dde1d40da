/**
 * The panel's job filter: name (substring, case-insensitive), partition and state. Applied in
 * the view to the listed jobs, so a filter never becomes part of a command line. Pure.
 */
import { normalizeState, type Job } from '../api';

export interface JobFilter {
  /** Part of the job name (case-insensitive). */
  name?: string;
  /** Exact partition name; a job listed in several ("a,b") matches any of them. */
  partition?: string;
  /** Long state name (PENDING, RUNNING, ...). */
  state?: string;
}

/** True when the filter has no condition. */
export function isEmptyFilter(filter: JobFilter): boolean {
  return !filter.name && !filter.partition && !filter.state;
}

/** True when a job passes every condition of the filter. */
export function matchesFilter(job: Job, filter: JobFilter): boolean {
  if (filter.name && !job.name.toLowerCase().includes(filter.name.toLowerCase())) return false;
  if (filter.partition && !job.partition.split(',').includes(filter.partition)) return false;
  if (filter.state && normalizeState(job.state) !== filter.state) return false;
  return true;
}

/** The jobs that pass the filter (the same array when the filter is empty). */
export function applyFilter(jobs: Job[], filter: JobFilter): Job[] {
  return isEmptyFilter(filter) ? jobs : jobs.filter((job) => matchesFilter(job, filter));
}

/** The filter in words for the view's description, e.g. `name~"train" · partition=gpu`; '' when empty. */
export function describeFilter(filter: JobFilter): string {
  const parts: string[] = [];
  if (filter.name) parts.push(`name~"${filter.name}"`);
  if (filter.partition) parts.push(`partition=${filter.partition}`);
  if (filter.state) parts.push(`state=${filter.state}`);
  return parts.join(' · ');
}
