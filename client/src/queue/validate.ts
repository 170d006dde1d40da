/**
 * Checks of everything that goes into a Slurm command line from outside (ids, filters, paths,
 * options). Every argument is one argv word anyway (never shell text); these checks make bad
 * input fail early with a clear message instead of as a confusing Slurm error.
 */
import { QueueError } from './errors';
import { isValidJobId } from './jobIds';

function invalid(message: string, hint: string): QueueError {
  return new QueueError('invalid-argument', message, hint);
}

/** Throws invalid-argument unless every id passes isValidJobId (and there is at least one). */
export function checkJobIds(ids: string[]): void {
  if (!Array.isArray(ids) || ids.length === 0) throw invalid('no job ids given', 'Select one or more jobs.');
  const bad = ids.filter((id) => !isValidJobId(id));
  if (bad.length > 0) throw invalid(`not a job id: ${bad.map((b) => JSON.stringify(b)).join(', ')}`, 'Job ids look like 123, 123_4, 123_[5-9] or 123+1.');
}

/**
 * The id as scancel/scontrol accept it: a pending array rest "123_[5-9%2]" loses its throttle
 * ("123_[5-9]"); the commands refuse the %-part.
 */
export function actionId(id: string): string {
  return id.replace(/%\d+\]$/, ']');
}

/** Throws unless each state is a state name or code (letters and _). */
export function checkStates(states: string[]): void {
  const bad = states.filter((s) => !/^[A-Za-z_]{1,32}$/.test(s));
  if (bad.length > 0) throw invalid(`not a job state: ${bad.join(', ')}`, 'Use state names such as PENDING, RUNNING (or codes PD, R).');
}

/** Throws unless each partition name is letters, digits, '_', '-', '.'. */
export function checkPartitions(partitions: string[]): void {
  const bad = partitions.filter((p) => !/^[A-Za-z0-9_.-]{1,128}$/.test(p));
  if (bad.length > 0) throw invalid(`not a partition name: ${bad.join(', ')}`, 'Partition names are letters, digits, _ - and .');
}

/** Throws unless a job-name filter is non-empty, without commas or control characters. */
export function checkNameFilter(name: string): void {
  if (name === '' || name.length > 1024 || /[,\x00-\x1f\x7f]/.test(name)) {
    throw invalid(`not usable as a job-name filter: ${JSON.stringify(name)}`, 'squeue matches whole job names; commas and control characters cannot be matched.');
  }
}

/** Throws unless a dependency looks like Slurm's (type:id[:id…][,|?]…, or singleton). */
export function checkDependency(dependency: string): void {
  if (!/^[a-z]+(?::[0-9][0-9_+*[\]%,-]*)*(?:[,?][a-z]+(?::[0-9][0-9_+*[\]%,-]*)*)*$/.test(dependency)) {
    throw invalid(`not a dependency: ${JSON.stringify(dependency)}`, 'Write it like afterok:123 or afterany:123:124.');
  }
}

/** Throws unless every extra argument is an option word ("--x", "--x=y", "-x"). */
export function checkExtraArgs(args: string[]): void {
  const bad = args.filter((a) => !/^--?[A-Za-z]/.test(a) || a.includes('\0'));
  if (bad.length > 0) throw invalid(`not an sbatch option: ${bad.join(' ')}`, 'Extra arguments must be options starting with - or --.');
}

/** Throws unless a path is non-empty and has no NUL byte. */
export function checkPath(path: string, what: string): void {
  if (typeof path !== 'string' || path === '' || path.includes('\0')) throw invalid(`not a usable ${what}: ${JSON.stringify(path)}`, `Give the ${what} as a path.`);
}
