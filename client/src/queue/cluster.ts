/**
 * createCluster: the SlurmCluster of one configured cluster. Builds argv words, runs them through
 * a CommandRunner (local or ssh), classifies failures and parses the output. Everything Slurm-
 * specific about commands lives here and in squeue.ts / sacct.ts / scontrol.ts.
 */
import { classifyResult, type CommandContext } from './classify';
import { QueueError } from './errors';
import { readFileThroughCommands, decodeUtf8Prefix } from './remoteFile';
import { sacctArgv, parseSacct } from './sacct';
import { parseScontrolJobs } from './scontrol';
import { parseSqueue, squeueArgv } from './squeue';
import { LocalRunner } from './transportLocal';
import { SshRunner } from './transportSsh';
import type { ClusterConfig, CommandResult, CommandRunner, FinishedJob, HistoryOptions, Job, JobDetails, ListOptions, RunOptions, SlurmCluster, SubmitOptions } from './types';
import { actionId, checkDependency, checkExtraArgs, checkJobIds, checkNameFilter, checkPartitions, checkPath, checkStates } from './validate';

/** Default size of one log read. */
export const DEFAULT_READ_BYTES = 1024 * 1024;

/** The runner a config asks for: LocalRunner, or SshRunner with the config's host and options. */
export function createRunner(config: ClusterConfig): CommandRunner {
  if (config.kind === 'local') return new LocalRunner();
  return new SshRunner({ host: config.host, configFile: config.sshConfigFile, sshOptions: config.sshOptions });
}

/**
 * The SlurmCluster for a config. Called once per configured cluster (dispose() when it goes);
 * `runner` replaces the default transport (tests, the benchmark). Throws QueueError
 * ('invalid-argument') for an unusable ssh host or option.
 */
export function createCluster(config: ClusterConfig, runner?: CommandRunner): SlurmCluster {
  return new CommandCluster(config, runner ?? createRunner(config));
}

/** How the listing names "my jobs": `--me` until squeue says it does not know it. */
type UserSelection = { kind: 'me' } | { kind: 'user'; user: string };

class CommandCluster implements SlurmCluster {
  private userSelection: UserSelection = { kind: 'me' };

  constructor(readonly config: ClusterConfig, private readonly runner: CommandRunner) {}

  private context(program: string): CommandContext {
    return this.config.kind === 'ssh'
      ? { transport: 'ssh', where: this.config.host, program }
      : { transport: 'local', where: this.config.name, program };
  }

  /** Runs argv; resolves with the result when it succeeded, else rejects with the classified QueueError. */
  private async exec(argv: string[], options?: RunOptions): Promise<CommandResult> {
    const result = await this.runner.run(argv, options);
    const error = classifyResult(result, this.context(argv[0]));
    if (error) throw error;
    return result;
  }

  async list(options: ListOptions = {}): Promise<Job[]> {
    if (options.states?.length) checkStates(options.states);
    if (options.partitions?.length) checkPartitions(options.partitions);
    if (options.name !== undefined && options.name !== '') checkNameFilter(options.name);
    const query = (sel: UserSelection | undefined) =>
      squeueArgv({
        me: sel?.kind === 'me',
        user: sel?.kind === 'user' ? sel.user : undefined,
        states: options.states,
        partitions: options.partitions,
        names: options.name ? [options.name] : undefined,
      });
    const selection = options.allUsers ? undefined : this.userSelection;
    let result = await this.runner.run(query(selection));
    if (selection?.kind === 'me' && result.exitCode !== 0 && /unrecognized option|invalid option|--me/.test(result.stderr)) {
      // NOTE: squeue before 20.11 has no --me; ask the remote side who we are, once.
      const who = await this.exec(['id', '-un']);
      this.userSelection = { kind: 'user', user: who.stdout.trim() };
      result = await this.runner.run(query(this.userSelection));
    }
    const error = classifyResult(result, this.context('squeue'));
    if (error) throw error;
    return parseSqueue(result.stdout, this.config.name).jobs;
  }

  async history(sinceHours = 24, options: HistoryOptions = {}): Promise<FinishedJob[]> {
    if (!(sinceHours > 0) || !Number.isFinite(sinceHours)) {
      throw new QueueError('invalid-argument', `not a number of hours: ${sinceHours}`, 'Give a positive number of hours.');
    }
    if (options.jobIds?.length) checkJobIds(options.jobIds);
    const result = await this.exec(sacctArgv({ sinceHours, jobIds: options.jobIds?.map(actionId) }));
    return parseSacct(result.stdout, this.config.name);
  }

  async details(jobId: string): Promise<JobDetails> {
    checkJobIds([jobId]);
    // a pending array rest ("123_[5-9%2]") is asked for by its array id; its line is picked below
    const query = jobId.includes('[') ? jobId.slice(0, jobId.indexOf('_')) : jobId;
    const result = await this.runner.run(['scontrol', '-o', 'show', 'job', query]);
    if (result.exitCode !== 0 && /Invalid job id/i.test(result.stderr)) {
      throw new QueueError('failed', `Slurm no longer knows job ${jobId}.`,
        'The controller forgets finished jobs after a few minutes; see the recent jobs (sacct) instead.', result.stderr.trim());
    }
    const error = classifyResult(result, this.context('scontrol'));
    if (error) throw error;
    const all = parseScontrolJobs(result.stdout);
    const bare = actionId(jobId);
    const match = all.find((d) => d.id === jobId || d.id === bare || actionId(d.id) === bare)
      ?? all.find((d) => d.fields.some(([k, v]) => k === 'JobId' && v === jobId))
      ?? all[0];
    if (!match) throw new QueueError('failed', `scontrol printed nothing for job ${jobId}.`, 'Try again; the job may just have ended.');
    return match;
  }

  cancel(ids: string[]): Promise<void> {
    return this.act(['scancel'], ids);
  }

  hold(ids: string[]): Promise<void> {
    return this.act(['scontrol', 'hold'], ids);
  }

  release(ids: string[]): Promise<void> {
    return this.act(['scontrol', 'release'], ids);
  }

  requeue(ids: string[]): Promise<void> {
    return this.act(['scontrol', 'requeue'], ids);
  }

  /** One command for all ids (each its own argv word). */
  private async act(command: string[], ids: string[]): Promise<void> {
    checkJobIds(ids);
    await this.exec([...command, ...ids.map(actionId)]);
  }

  async submitFile(remotePath: string, options: SubmitOptions = {}): Promise<string> {
    checkPath(remotePath, 'job script path');
    const cwd = options.workDir ?? scriptDirectory(remotePath);
    if (cwd !== undefined) checkPath(cwd, 'working directory');
    const result = await this.exec(['sbatch', '--parsable', ...this.submitOptions(options), '--', remotePath], cwd !== undefined ? { cwd } : undefined);
    return parsableJobId(result.stdout);
  }

  async submitText(scriptText: string, workDir: string, options: SubmitOptions = {}): Promise<string> {
    checkPath(workDir, 'working directory');
    const result = await this.exec(['sbatch', '--parsable', `--chdir=${workDir}`, ...this.submitOptions(options)], { stdin: scriptText });
    return parsableJobId(result.stdout);
  }

  private submitOptions(options: SubmitOptions): string[] {
    const argv: string[] = [];
    if (options.dependency !== undefined && options.dependency !== '') {
      checkDependency(options.dependency);
      argv.push(`--dependency=${options.dependency}`);
    }
    if (options.extraArgs?.length) {
      checkExtraArgs(options.extraArgs);
      argv.push(...options.extraArgs);
    }
    return argv;
  }

  async readFile(path: string, offset = 0, maxBytes = DEFAULT_READ_BYTES): Promise<{ text: string; size: number; bytesRead: number }> {
    checkPath(path, 'file path');
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(maxBytes) || maxBytes <= 0) {
      throw new QueueError('invalid-argument', `bad read range ${offset}+${maxBytes}`, 'Offsets and sizes are whole, non-negative numbers.');
    }
    const read = this.runner.readFile
      ? await readLocally(this.runner.readFile.bind(this.runner), path, offset, maxBytes)
      : await readFileThroughCommands((argv, opts) => this.exec(argv, opts), path, offset, maxBytes);
    const { text, bytes } = decodeUtf8Prefix(read.bytes);
    return { text, size: read.size, bytesRead: bytes };
  }

  dispose(): void {
    this.runner.dispose();
  }
}

/** Reads through the runner's fs access, turning fs errors into QueueErrors. */
async function readLocally(
  read: (path: string, offset: number, maxBytes: number) => Promise<{ bytes: Buffer; size: number }>,
  path: string, offset: number, maxBytes: number,
): Promise<{ bytes: Buffer; size: number }> {
  try {
    return await read(path, offset, maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new QueueError('failed', `No file ${path}.`, 'The job may not have started yet, or writes its output elsewhere.');
    if (code === 'EACCES' || code === 'EPERM') throw new QueueError('permission', `Not allowed to read ${path}.`, 'The file belongs to someone else.');
    throw new QueueError('failed', `Cannot read ${path}: ${(error as Error).message}`, 'Try again.');
  }
}

/** The directory of an absolute script path ("/a/b/x.sh" → "/a/b"); undefined for a relative one. */
function scriptDirectory(scriptPath: string): string | undefined {
  if (!scriptPath.startsWith('/')) return undefined;
  const dir = scriptPath.slice(0, scriptPath.lastIndexOf('/'));
  return dir === '' ? '/' : dir;
}

/** The job id of `sbatch --parsable` output ("123" or "123;cluster"). */
export function parsableJobId(stdout: string): string {
  const line = stdout.trim().split('\n').pop() ?? '';
  const id = line.split(';')[0].trim();
  if (!/^\d+$/.test(id)) throw new QueueError('failed', `sbatch printed no job id: ${JSON.stringify(stdout.slice(0, 200))}`, 'See the details for what sbatch said.');
  return id;
}
