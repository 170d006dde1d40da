/**
 * squeue: the argv we run and the parser of its output.
 *
 * NOTE on the format: `squeue -o` (short format letters) with NO field widths prints every field
 * in full (width 0 = no cut), and copies any text between fields verbatim. We put ASCII RS
 * (0x1e) before each record and US (0x1f) between fields: characters no job name, path or
 * reason contains in practice, and which squeue does not alter (checked with 22.05). A record
 * still ends with squeue's newline, so a name with a newline in it stays in its record. `%` cannot
 * be part of a separator (squeue splits the format at '%'). `--json` is not used: in 22.05 it
 * ignores the filters and is ~30x larger. `--array` is not passed: a pending array rest stays
 * one record ("123_[5-9%2]"), so 2,000 queued tasks cost one line, not 2,000.
 */
import { durationSeconds } from './durations';
import type { Job } from './types';

/** Record separator (before each record) and field separator. */
export const RECORD_SEP = '\x1e';
export const FIELD_SEP = '\x1f';

/** One field we ask for: the squeue letter and the key it gets in Job.raw. */
export interface SqueueField {
  letter: string;
  key: string;
}

/** The fields, in output order. `name` is the one free-text field (see the parser). */
export const SQUEUE_FIELDS: readonly SqueueField[] = [
  { letter: 'i', key: 'jobid' },            // 123, 123_4, 123_[5-9%2], 123+0
  { letter: 'A', key: 'jobid_raw' },        // this record's own job id (SLURM_JOB_ID)
  { letter: 'F', key: 'array_job_id' },     // the array's id (= own id when not an array)
  { letter: 'K', key: 'array_task_id' },    // 4, 5-9%2, or N/A
  { letter: 'u', key: 'user' },
  { letter: 'a', key: 'account' },
  { letter: 'P', key: 'partition' },
  { letter: 'T', key: 'state' },
  { letter: 'r', key: 'reason' },
  { letter: 'M', key: 'time_used' },
  { letter: 'l', key: 'time_limit' },
  { letter: 'D', key: 'nodes' },
  { letter: 'C', key: 'cpus' },
  { letter: 'b', key: 'tres_per_node' },
  { letter: 'V', key: 'submit_time' },
  { letter: 'S', key: 'start_time' },
  { letter: 'q', key: 'qos' },
  { letter: 'Q', key: 'priority' },
  { letter: 'E', key: 'dependency' },
  { letter: 'N', key: 'nodelist' },
  { letter: 'Z', key: 'work_dir' },
  { letter: 'j', key: 'name' },
];

const NAME_INDEX = SQUEUE_FIELDS.findIndex((f) => f.key === 'name');

/** The --format value: RS, then the letters joined by US. */
export const SQUEUE_FORMAT = RECORD_SEP + SQUEUE_FIELDS.map((f) => `%${f.letter}`).join(FIELD_SEP);

/** Filters of a listing, already validated by the caller. */
export interface SqueueQuery {
  /** `--me` when true and no user given; nothing (all users) when false. */
  me: boolean;
  user?: string;
  states?: string[];
  partitions?: string[];
  names?: string[];
  jobIds?: string[];
}

/** The squeue argv for a query: every filter one `--opt=value` word. */
export function squeueArgv(q: SqueueQuery): string[] {
  const argv = ['squeue', '--noheader', `--format=${SQUEUE_FORMAT}`];
  if (q.user !== undefined) argv.push(`--user=${q.user}`);
  else if (q.me) argv.push('--me');
  if (q.states?.length) argv.push(`--states=${q.states.join(',')}`);
  if (q.partitions?.length) argv.push(`--partition=${q.partitions.join(',')}`);
  if (q.names?.length) argv.push(`--name=${q.names.join(',')}`);
  if (q.jobIds?.length) argv.push(`--jobs=${q.jobIds.join(',')}`);
  return argv;
}

/** What the parser gives back: every record as a Job, plus notes about odd records. */
export interface SqueueParseResult {
  jobs: Job[];
  problems: string[];
}

/** Values Slurm prints for "nothing". */
function orNone(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return v === '' || v === 'N/A' || v === '(null)' || v === 'None' ? undefined : value;
}

/**
 * Splits one record into the field values. With more separators than fields (a name holding
 * US), the fields before the name are taken from the left, those after it from the right, and
 * the rest is the name. With fewer (output cut off), the missing fields are '' and a problem is
 * noted. Never drops text.
 */
function splitRecord(record: string, problems: string[]): string[] {
  const parts = record.split(FIELD_SEP);
  const n = SQUEUE_FIELDS.length;
  if (parts.length === n) return parts;
  if (parts.length > n) {
    const after = n - 1 - NAME_INDEX;
    const head = parts.slice(0, NAME_INDEX);
    const tail = after > 0 ? parts.slice(parts.length - after) : [];
    const name = parts.slice(NAME_INDEX, parts.length - after).join(FIELD_SEP);
    return [...head, name, ...tail];
  }
  problems.push(`record with ${parts.length} of ${n} fields: ${JSON.stringify(record.slice(0, 200))}`);
  return [...parts, ...new Array<string>(n - parts.length).fill('')];
}

/** Position of each field by key. */
const IX: Record<string, number> = Object.fromEntries(SQUEUE_FIELDS.map((f, i) => [f.key, i]));

/**
 * Job.raw of one record's values. NOTE: an object literal of fixed shape, not keys added in a
 * loop: ~2x faster for 10,000 records (V8 keeps one hidden class). A unit test checks that its
 * keys are exactly SQUEUE_FIELDS'.
 */
export function rawOf(v: string[]): Record<string, string> {
  return {
    jobid: v[IX.jobid], jobid_raw: v[IX.jobid_raw], array_job_id: v[IX.array_job_id], array_task_id: v[IX.array_task_id],
    user: v[IX.user], account: v[IX.account], partition: v[IX.partition], state: v[IX.state], reason: v[IX.reason],
    time_used: v[IX.time_used], time_limit: v[IX.time_limit], nodes: v[IX.nodes], cpus: v[IX.cpus],
    tres_per_node: v[IX.tres_per_node], submit_time: v[IX.submit_time], start_time: v[IX.start_time], qos: v[IX.qos],
    priority: v[IX.priority], dependency: v[IX.dependency], nodelist: v[IX.nodelist], work_dir: v[IX.work_dir], name: v[IX.name],
  };
}

/** Builds the Job of one record's field values. */
function toJob(values: string[], cluster: string): Job {
  const raw = rawOf(values);
  const taskId = orNone(raw.array_task_id);
  const elapsedSeconds = durationSeconds(raw.time_used);
  const timeLimitSeconds = durationSeconds(raw.time_limit);
  const job: Job = {
    cluster,
    id: raw.jobid,
    jobId: raw.jobid_raw !== '' ? raw.jobid_raw : raw.jobid,
    name: raw.name,
    user: raw.user,
    partition: raw.partition,
    state: raw.state,
    reason: orNone(raw.reason) === undefined ? '' : raw.reason,
    elapsed: raw.time_used,
    timeLimit: raw.time_limit,
    nodes: raw.nodes,
    nodeList: raw.nodelist,
    raw,
  };
  if (taskId !== undefined) {
    // the task part as squeue shows it in the id ("4", "[5-9%2]", "[9]"); %K lacks the brackets
    const fromId = /^[^_]+_(.+)$/.exec(raw.jobid);
    job.arrayTaskId = fromId ? fromId[1] : /[-,%]/.test(taskId) ? `[${taskId}]` : taskId;
    job.arrayJobId = raw.array_job_id;
  }
  const account = orNone(raw.account);
  if (account !== undefined) job.account = account;
  if (elapsedSeconds !== undefined) job.elapsedSeconds = elapsedSeconds;
  if (timeLimitSeconds !== undefined) job.timeLimitSeconds = timeLimitSeconds;
  if (orNone(raw.cpus) !== undefined) job.cpus = raw.cpus;
  if (orNone(raw.tres_per_node) !== undefined) job.gres = raw.tres_per_node;
  if (orNone(raw.submit_time) !== undefined) job.submitTime = raw.submit_time;
  if (orNone(raw.start_time) !== undefined) job.startTime = raw.start_time;
  if (orNone(raw.work_dir) !== undefined) job.workDir = raw.work_dir;
  return job;
}

/**
 * Parses the output of {@link squeueArgv}. Called with squeue's stdout; returns one Job per
 * record in output order and notes about anything odd. Never throws. Text before the first
 * record (not expected) is noted as a problem.
 */
export function parseSqueue(stdout: string, cluster: string): SqueueParseResult {
  const problems: string[] = [];
  const jobs: Job[] = [];
  const chunks = stdout.split(RECORD_SEP);
  if (chunks[0].trim() !== '') problems.push(`text before the first record: ${JSON.stringify(chunks[0].slice(0, 200))}`);
  for (let i = 1; i < chunks.length; i++) {
    let record = chunks[i];
    if (record.endsWith('\r\n')) record = record.slice(0, -2);
    else if (record.endsWith('\n')) record = record.slice(0, -1);
    jobs.push(toJob(splitRecord(record, problems), cluster));
  }
  return { jobs, problems };
}
