/**
 * "Submit Job Script": sends the open job script to a cluster picked by the user, optionally
 * depending on a listed job, shows the new job at once and follows it (follow.ts).
 * Local cluster: `sbatch --parsable <file>` in the file's folder (the file is saved first).
 * SSH cluster: the text goes through sbatch's stdin, run in a remote folder asked once per host.
 */
import * as os from 'os';
import * as vscode from 'vscode';
import type { Job } from '../api';
import type { JobFollower } from './follow';
import { asQueueError, type ClusterEntry, type QueueModel } from './model';

const REMOTE_DIR_KEY = 'hpcWorkflows.queue.remoteWorkDir.';

/** The document to submit: the one the command was run on (editor title/context menu) or the active one. */
async function documentToSubmit(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString()) ?? vscode.workspace.openTextDocument(resource);
  }
  return vscode.window.activeTextEditor?.document;
}

async function pickCluster(model: QueueModel): Promise<ClusterEntry | undefined> {
  const usable = model.clusters.filter((c) => c.cluster !== undefined);
  if (usable.length === 0) {
    const configure = 'Configure Clusters';
    const answer = await vscode.window.showWarningMessage('No Slurm cluster to submit to: squeue is not on PATH here and no SSH host is configured.', configure);
    if (answer === configure) void vscode.commands.executeCommand('hpcWorkflows.queue.openSettings');
    return undefined;
  }
  if (usable.length === 1) return usable[0];
  const picked = await vscode.window.showQuickPick(usable.map((entry) => ({
    label: entry.name,
    description: entry.config.kind === 'ssh' ? `ssh ${entry.config.host}` : 'this machine',
    detail: entry.error ? `$(warning) ${entry.error.message}` : undefined,
    entry,
  })), { title: 'Submit to which cluster?' });
  return picked?.entry;
}

/** The id another job can depend on: an array's pending rest is named by the array's id. */
function dependencyTarget(job: Job): string {
  return job.id.includes('[') && job.arrayJobId ? job.arrayJobId : job.id;
}

/** Asks for an optional dependency; resolves '' for none, undefined when dismissed. */
async function pickDependency(entry: ClusterEntry): Promise<string | undefined> {
  const jobs = entry.jobs ?? [];
  if (jobs.length === 0) return '';
  const none = { label: '$(circle-slash) No dependency', target: '' };
  const picked = await vscode.window.showQuickPick([none, ...jobs.map((job) => ({
    label: `${job.id}  ${job.name}`, description: job.state, target: dependencyTarget(job),
  }))], { title: 'Start after another job?', placeHolder: 'Pick the job it should wait for, or none' });
  if (!picked) return undefined;
  if (picked.target === '') return '';
  const kinds = [
    { label: 'afterok', description: 'after it ends successfully (exit code 0)' },
    { label: 'afterany', description: 'after it ends, however it ends' },
    { label: 'afternotok', description: 'after it fails, times out or is cancelled' },
    { label: 'after', description: 'once it has started (or was cancelled)' },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: `Start when job ${picked.target}…` });
  return kind ? `${kind.label}:${picked.target}` : undefined;
}

/** Asks for the remote folder to submit in (remembered per host); undefined when dismissed. */
async function remoteWorkDir(context: vscode.ExtensionContext, entry: ClusterEntry): Promise<string | undefined> {
  const host = entry.config.kind === 'ssh' ? entry.config.host : entry.name;
  const key = REMOTE_DIR_KEY + host;
  const dir = await vscode.window.showInputBox({
    title: `Folder on ${host} to run the job in`,
    prompt: 'An absolute path on the cluster; the job starts there and its output lands there unless the script says otherwise.',
    value: context.globalState.get<string>(key, ''),
    placeHolder: '/home/you/project',
    validateInput: (v) => (v.trim().startsWith('/') ? undefined : 'Give an absolute path (starting with /).'),
  });
  if (dir === undefined) return undefined;
  await context.globalState.update(key, dir.trim());
  return dir.trim();
}

/** Answers given up front (scripts, tests): the questions they answer are not asked. */
export interface SubmitPreset {
  cluster?: string;
  /** '' for none. */
  dependency?: string;
  /** SSH clusters: the remote folder. */
  workDir?: string;
}

/** True for a preset (menus pass other objects as the second argument, e.g. { groupId }). */
function isPreset(value: unknown): value is SubmitPreset {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) return false;
  const v = value as Record<string, unknown>;
  return ['cluster', 'dependency', 'workDir'].some((k) => typeof v[k] === 'string');
}

/**
 * The submit command. Resolves with the new job's id (and its cluster), or undefined when
 * dismissed or failed (failures are shown as notifications). `preset` skips the questions it answers.
 */
export async function submitJobScript(context: vscode.ExtensionContext, model: QueueModel, follower: JobFollower,
  resource?: unknown, preset?: unknown): Promise<{ cluster: string; id: string } | undefined> {
  const given = isPreset(preset) ? preset : {};
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Submitting runs sbatch, which needs a trusted workspace.');
    return undefined;
  }
  const document = await documentToSubmit(resource);
  if (!document) {
    void vscode.window.showInformationMessage('Open a job script to submit it.');
    return undefined;
  }
  const entry = given.cluster !== undefined ? model.find(given.cluster) : await pickCluster(model);
  const cluster = entry?.cluster;
  if (!entry || !cluster) return undefined;
  const dependency = given.dependency ?? (await pickDependency(entry));
  if (dependency === undefined) return undefined;
  const options = dependency ? { dependency } : {};
  const name = document.uri.path.split('/').pop() ?? 'job';
  try {
    let id: string;
    if (entry.config.kind === 'local' && document.uri.scheme === 'file') {
      if (document.isDirty && !(await document.save())) return undefined;
      id = await cluster.submitFile(document.uri.fsPath, options);
    } else {
      const dir = entry.config.kind === 'local'
        ? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir()
        : given.workDir ?? (await remoteWorkDir(context, entry));
      if (dir === undefined) return undefined;
      id = await cluster.submitText(document.getText(), dir, options);
    }
    follower.follow(entry.name, id, name);
    void model.refreshNow(entry.name);
    void vscode.window.showInformationMessage(`Submitted ${name} to ${entry.name}: job ${id}${dependency ? ` (${dependency})` : ''}. You will be told when it ends.`, 'Show Queue')
      .then((choice) => choice && vscode.commands.executeCommand('hpcWorkflows.queue.show'));
    return { cluster: entry.name, id };
  } catch (error) {
    const failure = asQueueError(error);
    void vscode.window.showErrorMessage(`sbatch refused ${name} on ${entry.name}: ${failure.message} ${failure.hint}${failure.detail ? `\n${failure.detail}` : ''}`);
    return undefined;
  }
}
