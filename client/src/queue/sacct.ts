/**
 * sacct: recent finished jobs. `-P` output with our own delimiter; not `--json` (in 22.05 its
 * exit codes are wrong: a job that did `exit 2` shows return_code 0).
 *
 * NOTE: JobName is the last field, so a name holding the delimiter keeps the extra text (the
 * remainder of the line is the name), and a line that does not start with a job id continues
 * the previous record's name (a name with a newline).
 */
import { FIELD_SEP } from './squeue';
import type { FinishedJob } from './types';

/** The fields, in output order; the last one is free text. */
export const SACCT_FIELDS = ['JobID', 'State', 'ExitCode', 'Elapsed', 'End', 'WorkDir', 'JobName'] as const;

/** Filters of a history query, already validated. */
export interface SacctQuery {
  sinceHours: number;
  jobIds?: string[];
}

/** The sacct argv: allocations only (-X), parsable, no header, our delimiter. */
export function sacctArgv(q: SacctQuery): string[] {
  const argv = ['sacct', '--parsable2', '--noheader', '--allocations', `--delimiter=${FIELD_SEP}`,
    `--format=${SACCT_FIELDS.join(',')}`, `--starttime=now-${Math.max(1, Math.ceil(q.sinceHours))}hours`];
  if (q.jobIds?.length) argv.push(`--jobs=${q.jobIds.join(',')}`);
  return argv;
}

/** A line that starts a record: a job id (123, 123_4, 123_[1-3], 123+0, 123.batch). */
const RECORD_START = new RegExp(`^\\d+(?:[_+.][^${FIELD_SEP}]*)?${FIELD_SEP}`);

/**
 * Parses sacct output of {@link sacctArgv}. Called with sacct's stdout; returns one FinishedJob
 * per record in output order (state as printed, e.g. "CANCELLED by 1001"). Never throws.
 */
export function parseSacct(stdout: string, cluster: string): FinishedJob[] {
  const records: string[] = [];
  // sacct's own final line end; a name's trailing newline is indistinguishable from it (dropped)
  const body = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
  if (body.trim() === '') return [];
  for (const line of body.split('\n')) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (RECORD_START.test(l) || records.length === 0) records.push(l);
    else records[records.length - 1] += `\n${l}`;
  }
  return records.map((record) => {
    const parts = record.split(FIELD_SEP);
    const n = SACCT_FIELDS.length;
    const values = parts.length >= n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(FIELD_SEP)] : [...parts, ...new Array<string>(n - parts.length).fill('')];
    const raw: Record<string, string> = {};
    SACCT_FIELDS.forEach((f, i) => (raw[f] = values[i]));
    const job: FinishedJob = { cluster, id: raw.JobID, name: raw.JobName, state: raw.State, exitCode: raw.ExitCode, elapsed: raw.Elapsed, raw };
    if (raw.End !== '' && raw.End !== 'Unknown' && raw.End !== 'None') job.end = raw.End;
    if (raw.WorkDir !== '') job.workDir = raw.WorkDir;
    return job;
  });
}
