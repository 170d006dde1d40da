/**
 * `scontrol show job` as a readable text document: the fields in sections (job, state, time,
 * resources, files, other), keys aligned, state and pending reason explained in words, and the
 * unset fields named at the end (so nothing Slurm printed is dropped). Pure.
 */
import { describeState, explainReason, normalizeState, type FinishedJob, type JobDetails } from '../api';

const SECTIONS: [string, string[]][] = [
  ['Job', ['JobId', 'JobName', 'ArrayJobId', 'ArrayTaskId', 'ArrayTaskThrottle', 'HetJobId', 'HetJobOffset', 'HetJobIdSet',
    'UserId', 'GroupId', 'Account', 'QOS', 'WCKey', 'Partition', 'Reservation', 'Priority', 'Nice', 'Comment', 'AdminComment',
    'SystemComment', 'MCS_label', 'MailUser', 'MailType']],
  ['State', ['JobState', 'Reason', 'Dependency', 'ExitCode', 'DerivedExitCode', 'Requeue', 'Restarts', 'BatchFlag', 'Reboot',
    'KillOInInvalidDependent', 'KillOnInvalidDependent']],
  ['Time', ['RunTime', 'TimeLimit', 'TimeMin', 'SubmitTime', 'EligibleTime', 'AccrueTime', 'StartTime', 'EndTime', 'Deadline',
    'SuspendTime', 'SecsPreSuspend', 'LastSchedEval', 'Scheduler', 'PreemptEligibleTime', 'PreemptTime', 'ResizeTime']],
  ['Resources', ['NodeList', 'BatchHost', 'SchedNodeList', 'ReqNodeList', 'ExcNodeList', 'NumNodes', 'NumCPUs', 'NumTasks',
    'CPUs/Task', 'TRES', 'ReqTRES', 'AllocTRES', 'TresPerJob', 'TresPerNode', 'TresPerSocket', 'TresPerTask', 'CpusPerTres',
    'MemPerTres', 'TresBind', 'TresFreq', 'MinCPUsNode', 'MinMemoryCPU', 'MinMemoryNode', 'MinTmpDiskNode', 'Features', 'Prefer',
    'ClusterFeatures', 'BatchFeatures', 'Licenses', 'LicensesAlloc', 'OverSubscribe', 'Exclusive', 'Contiguous', 'Socks/Node',
    'ReqB:S:C:T', 'NtasksPerN:B:S:C', 'NtasksPerTRES', 'CoreSpec', 'ThreadSpec', 'Network', 'Switches', 'Power', 'DelayBoot']],
  ['Files', ['Command', 'SubmitLine', 'WorkDir', 'StdIn', 'StdOut', 'StdErr', 'Container', 'ContainerID']],
];

const SECTION_OF = new Map(SECTIONS.flatMap(([section, keys]) => keys.map((k) => [k, section] as const)));

/** Values that mean "not set". */
function isUnset(value: string): boolean {
  const v = value.trim();
  return v === '' || v === '(null)' || v === 'N/A' || v === 'None' || v === 'Unknown';
}

function aligned(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${`${k}:`.padEnd(width + 2)}${v.replace(/\r?\n/g, ' ')}`);
}

/**
 * The text of the details document of a job. Called with what `details()` returned (and when it
 * was read); returns lines of `Key: value` grouped in sections, keys aligned in each section.
 */
export function renderDetails(details: JobDetails, cluster: string, readAt: Date): string {
  const out: string[] = [];
  const name = details.name ?? '';
  out.push(`Job ${details.id}${name ? ` (${name})` : ''} on ${cluster}`);
  out.push(`scontrol show job, read ${readAt.toLocaleString()}`);
  out.push('');
  if (details.state) {
    const state = normalizeState(details.state);
    out.push(`${state}: ${describeState(state)}.`);
  }
  const reason = details.fields.find(([k]) => k === 'Reason')?.[1] ?? '';
  const why = explainReason(reason);
  if (why) out.push(`Why: ${why}`);
  const bySection = new Map<string, [string, string][]>();
  const unset: string[] = [];
  for (const [key, value] of details.fields) {
    if (isUnset(value)) {
      unset.push(key || '(no key)');
      continue;
    }
    const section = SECTION_OF.get(key) ?? 'Other';
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section)?.push([key || '(no key)', value]);
  }
  for (const section of [...SECTIONS.map(([s]) => s), 'Other']) {
    const rows = bySection.get(section);
    if (!rows?.length) continue;
    out.push('', section, ...aligned(rows));
  }
  if (unset.length) out.push('', 'Not set', `  ${unset.join(', ')}`);
  return out.join('\n') + '\n';
}

/**
 * The details text of a job the controller no longer knows: its accounting record (sacct).
 * Called when details() said the job is gone; returns the same layout with the sacct fields.
 */
export function renderFinished(job: FinishedJob, readAt: Date): string {
  const state = normalizeState(job.state);
  const rows = Object.entries(job.raw).filter(([, v]) => !isUnset(v));
  return [
    `Job ${job.id} (${job.name}) on ${job.cluster}`,
    `sacct (the controller no longer knows this job), read ${readAt.toLocaleString()}`,
    '',
    `${state}: ${describeState(state)}. Exit code ${job.exitCode}.`,
    '',
    'Accounting',
    ...aligned(rows.length ? rows : [['JobID', job.id]]),
  ].join('\n') + '\n';
}
