/**
 * `scontrol -o show job`: one line per job of `Key=Value` words. Values may hold spaces (a job
 * name, a path, a comment, newer versions' SubmitLine), so a word starts a new field only when its
 * key is one Slurm prints; inside a free-text value only such a known key ends the value, and
 * elsewhere any `CamelCase=` word does (so keys of newer versions are kept, not glued on).
 */
import type { JobDetails } from './types';

/** Keys scontrol prints for a job (22.05 … master, src/api/job_info.c, src/scontrol/info_job.c). */
const KNOWN_KEYS = new Set(
  ('JobId ArrayJobId ArrayTaskId ArrayTaskThrottle HetJobId HetJobOffset HetJobIdSet JobName UserId GroupId MCS_label ' +
    'Priority Nice Account QOS WCKey JobState Reason Dependency Requeue Restarts BatchFlag Reboot ExitCode ' +
    'DerivedExitCode RunTime TimeLimit TimeMin SubmitTime EligibleTime AccrueTime StartTime EndTime Deadline ' +
    'SuspendTime SecsPreSuspend LastSchedEval Scheduler PreemptEligibleTime PreemptTime ResizeTime Partition ' +
    'AllocNode:Sid ReqNodeList ExcNodeList NodeList BatchHost SchedNodeList NumNodes NumCPUs NumTasks CPUs/Task ' +
    'ReqB:S:C:T TRES ReqTRES AllocTRES Socks/Node NtasksPerN:B:S:C CoreSpec ThreadSpec MinCPUsNode ' +
    'MinMemoryCPU MinMemoryNode MinTmpDiskNode Features Prefer ClusterFeatures BatchFeatures DelayBoot ' +
    'OverSubscribe Contiguous Licenses LicensesAlloc Network Command WorkDir AdminComment SystemComment Comment ' +
    'StdErr StdIn StdOut Power CpusPerTres MemPerTres TresBind TresFreq TresPerJob TresPerNode TresPerSocket ' +
    'TresPerTask NtasksPerTRES MailUser MailType BurstBuffer BurstBufferState CronJob CrontabSpec Container ' +
    'ContainerID SELinuxContext Reservation Switches FedOrigin FedViableSiblings FedActiveSiblings ' +
    'KillOInInvalidDependent KillOnInvalidDependent SpreadJob GresEnforceBind Extra SubmitLine Segment ' +
    'SegmentSize ExpeditedRequeue OOMKillStep JOB_GRES Nodes CPU_IDs Mem GRES ResvPorts StepMgrEnabled ' +
    'SLUID Exclusive').split(' '),
);

/** Keys whose values are free text (may contain spaces and `x=y` words). */
const FREE_TEXT = new Set(['JobName', 'Comment', 'AdminComment', 'SystemComment', 'WorkDir', 'Command', 'StdOut', 'StdErr',
  'StdIn', 'SubmitLine', 'Reason', 'Extra', 'Container', 'MailUser', 'Features', 'Prefer', 'Licenses', 'Dependency']);

const KEY_WORD = /^([A-Za-z][A-Za-z0-9_:/]*)=/;

/** The `[key, value]` pairs of one `scontrol -o show job` line, in order; never throws. */
export function parseScontrolLine(line: string): [string, string][] {
  const fields: [string, string][] = [];
  const words = line.replace(/\r?\n$/, '').split(' ');
  let current: [string, string] | undefined;
  for (const word of words) {
    const m = KEY_WORD.exec(word);
    const startsField = m !== null && (KNOWN_KEYS.has(m[1]) || (current !== undefined && !FREE_TEXT.has(current[0]) && /^[A-Z]/.test(m[1])));
    if (startsField && m) {
      current = [m[1], word.slice(m[0].length)];
      fields.push(current);
    } else if (current) {
      current[1] += ` ${word}`;
    } else if (word !== '') {
      current = ['', word];
      fields.push(current);
    }
  }
  // scontrol ends the line with a space (e.g. "Power= "): drop that one trailing space of the last value
  if (current && current[1].endsWith(' ') && line.endsWith(' ')) current[1] = current[1].slice(0, -1);
  return fields;
}

function firstValue(fields: [string, string][], key: string): string | undefined {
  const found = fields.find(([k]) => k === key);
  return found ? found[1] : undefined;
}

function orNone(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '(null)' || value === 'N/A' ? undefined : value;
}

/** JobDetails of one parsed line. */
export function detailsOf(fields: [string, string][]): JobDetails {
  const jobId = firstValue(fields, 'JobId') ?? '';
  const arrayJobId = firstValue(fields, 'ArrayJobId');
  const arrayTaskId = firstValue(fields, 'ArrayTaskId');
  const hetJobId = firstValue(fields, 'HetJobId');
  const hetOffset = firstValue(fields, 'HetJobOffset');
  let id = jobId;
  if (arrayJobId !== undefined && arrayTaskId !== undefined) id = /^\d+$/.test(arrayTaskId) ? `${arrayJobId}_${arrayTaskId}` : `${arrayJobId}_[${arrayTaskId}]`;
  else if (hetJobId !== undefined && hetOffset !== undefined) id = `${hetJobId}+${hetOffset}`;
  const details: JobDetails = { id, fields };
  const set = (k: 'stdout' | 'stderr' | 'workDir' | 'state' | 'name' | 'exitCode', key: string): void => {
    const v = key === 'JobName' ? firstValue(fields, key) : orNone(firstValue(fields, key));
    if (v !== undefined) details[k] = v;
  };
  set('stdout', 'StdOut');
  set('stderr', 'StdErr');
  set('workDir', 'WorkDir');
  set('state', 'JobState');
  set('name', 'JobName');
  set('exitCode', 'ExitCode');
  return details;
}

/** Every job of `scontrol -o show job` output (one per non-empty line). Never throws. */
export function parseScontrolJobs(stdout: string): JobDetails[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => detailsOf(parseScontrolLine(line)));
}
