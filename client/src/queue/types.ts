/**
 * The plain data the queue panel's model deals in: clusters, commands, jobs, errors.
 * No behaviour here (see api.ts for the functions and classes that use these types).
 */

/** Where Slurm commands run: on this machine (login node, Remote-SSH) or through the system `ssh`. */
export type ClusterConfig =
  | { kind: 'local'; name: string }
  | {
      kind: 'ssh';
      name: string;
      /** Host alias as written in ~/.ssh/config (or user@host); passed to `ssh` as is. */
      host: string;
      /** Extra ssh config file used with `-F` instead of ~/.ssh/config (tests; rare setups). */
      sshConfigFile?: string;
      /** Extra `-o Key=Value` options, e.g. `ConnectTimeout=5`. Never host-key weakening ones (refused). */
      sshOptions?: string[];
    };

/** Per-command options of a runner. */
export interface RunOptions {
  /** Kill the command after this long (default: the runner's, 30 s). */
  timeoutMs?: number;
  /** Text written to the command's standard input (then closed). */
  stdin?: string;
  /** Keep the raw stdout bytes in {@link CommandResult.stdoutBytes} (for log reading). */
  binary?: boolean;
  /** Directory to run the command in (local: spawn's cwd; ssh: `env -C dir`, GNU coreutils). */
  cwd?: string;
}

/** What one command gave back. `exitCode` is null when it was killed (timeout, size cap, signal). */
export interface CommandResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when stdout went over the runner's size cap and the command was stopped. */
  truncated?: boolean;
  /** Raw stdout, when asked for with `binary: true`. */
  stdoutBytes?: Buffer;
}

/** Runs one command WITHOUT any shell interpretation of argv (ssh: every word quoted for the remote shell). */
export interface CommandRunner {
  run(argv: string[], options?: RunOptions): Promise<CommandResult>;
  /**
   * Optional direct file access (the local runner reads with fs). Without it, the cluster reads
   * files with `stat` and `dd` through {@link run}.
   */
  readFile?(path: string, offset: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }>;
  dispose(): void;
}

/** Slurm's long state name as printed (PENDING, RUNNING, ...); unknown names are kept as they are. */
export type JobState = string;

/** One line of `squeue` output. */
export interface Job {
  cluster: string;
  /** "123", "123_4" (array task), "123_[5-9%2]" (pending array rest), "123+1" (hetjob component). */
  id: string;
  /** Numeric job id of this record (for arrays: the array's id, squeue %A... see parser). */
  jobId: string;
  arrayJobId?: string;
  arrayTaskId?: string;
  name: string;
  user: string;
  account?: string;
  partition: string;
  state: JobState;
  /** Pending reason or the reason a job is in its state; Slurm's "None" becomes ''. */
  reason: string;
  elapsed: string;
  timeLimit: string;
  elapsedSeconds?: number;
  timeLimitSeconds?: number;
  nodes: string;
  nodeList: string;
  cpus?: string;
  gres?: string;
  submitTime?: string;
  startTime?: string;
  workDir?: string;
  stdout?: string;
  stderr?: string;
  /** Every field by its squeue field name, nothing dropped. */
  raw: Record<string, string>;
}

/** One line of `sacct -P` (allocation lines only, -X). */
export interface FinishedJob {
  cluster: string;
  id: string;
  name: string;
  state: string;
  /** "exit:signal", e.g. "2:0". */
  exitCode: string;
  elapsed: string;
  end?: string;
  workDir?: string;
  raw: Record<string, string>;
}

/** `scontrol show job -o` of one job, in Slurm's order. */
export interface JobDetails {
  id: string;
  fields: [string, string][];
  stdout?: string;
  stderr?: string;
  workDir?: string;
  state?: string;
  name?: string;
  exitCode?: string;
}

export type QueueErrorKind =
  | 'ssh-unreachable'
  | 'ssh-auth'
  | 'host-key'
  | 'controller-down'
  | 'command-missing'
  | 'timeout'
  | 'partial-output'
  | 'permission'
  | 'invalid-argument'
  | 'failed';

export interface ListOptions {
  allUsers?: boolean;
  states?: string[];
  partitions?: string[];
  name?: string;
}

export interface SubmitOptions {
  /** e.g. "afterok:123". */
  dependency?: string;
  /** More sbatch options, each one argv word (e.g. "--partition=debug"). Must start with '-'. */
  extraArgs?: string[];
  /**
   * submitFile only: the directory sbatch runs in, as in `cd dir && sbatch file` (the job's
   * working directory unless the script sets --chdir). Default: the script's directory.
   */
  workDir?: string;
}

export interface HistoryOptions {
  /** Only these jobs (sacct -j). */
  jobIds?: string[];
}

/** The queue of one cluster, as the panel sees it. Every method rejects with a QueueError. */
export interface SlurmCluster {
  readonly config: ClusterConfig;
  list(options?: ListOptions): Promise<Job[]>;
  history(sinceHours?: number, options?: HistoryOptions): Promise<FinishedJob[]>;
  details(jobId: string): Promise<JobDetails>;
  cancel(ids: string[]): Promise<void>;
  hold(ids: string[]): Promise<void>;
  release(ids: string[]): Promise<void>;
  requeue(ids: string[]): Promise<void>;
  submitFile(remotePath: string, options?: SubmitOptions): Promise<string>;
  submitText(scriptText: string, workDir: string, options?: SubmitOptions): Promise<string>;
  /**
   * Reads up to maxBytes of a file from byte offset on. `bytesRead` is how far to advance the
   * offset for the next read (an incomplete UTF-8 character at the end is left for the next read).
   */
  readFile(path: string, offset?: number, maxBytes?: number): Promise<{ text: string; size: number; bytesRead: number }>;
  dispose(): void;
}

/** Tree data: cluster → state group → jobs; array tasks grouped under their array. */
export interface JobGroup {
  state: string;
  jobs: JobNode[];
}

export type JobNode =
  | { kind: 'job'; job: Job }
  | { kind: 'array'; arrayJobId: string; name: string; tasks: Job[] };

/** Timer functions the Poller uses (injected in tests). */
export type SetTimer = (fn: () => void, ms: number) => unknown;
export type ClearTimer = (handle: unknown) => void;

export interface PollerOptions {
  intervalMs: number;
  maxBackoffMs: number;
  tick: () => Promise<void>;
  setTimer?: SetTimer;
  clearTimer?: ClearTimer;
  /** Told about every failed tick and how long until the next try. */
  onError?: (error: unknown, nextDelayMs: number) => void;
}
