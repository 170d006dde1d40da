// The queue panel in a real workbench against the real Slurm of the test cluster
// (scripts/test-cluster.sh): the `local` cluster is found on PATH, jobs submitted with sbatch
// show up in the view's tree, and the view's commands act on them. The tree is read through the
// internal command hpcWorkflows.queue._snapshot (plain data); commands get plain job references.
// The workspace's .vscode/settings.json turns the cancel confirmation off and refreshes every 2 s.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SnapshotItem } from '../../../client/src/queue/view/treeProvider';
import { waitFor, workspaceFile } from './helpers';

interface Snapshot {
  allUsers: boolean;
  visible: boolean;
  description?: string;
  clusters: SnapshotItem[];
  following: string[];
  ended: { cluster: string; id: string; text: string; log?: string }[];
}

interface ActionResult { done: string[]; failed: string[]; skipped: string[] }

/** Slurm's answers take a moment (a job starts, sacct learns of its end): deadlines for those waits. */
const SLURM_DEADLINE_MS = 30_000;
const RUN = `hpcw-e2e-${process.pid}-${Date.now().toString(36)}`;
const submitted: string[] = [];
/** Where sbatch runs and test logs go; made in suiteSetup (mocha loads this file even when grep skips it). */
let scratch = '';

/** Submits with sbatch (argv, no shell) and returns the job id; remembers it for the clean-up. */
function sbatch(...args: string[]): string {
  const id = execFileSync('sbatch', ['--parsable', '--time=00:02:00', ...args], { cwd: scratch, encoding: 'utf8' }).trim().split(';')[0];
  submitted.push(id);
  return id;
}

function snapshot(refresh = false): Promise<Snapshot> {
  return Promise.resolve(vscode.commands.executeCommand<Snapshot>('hpcWorkflows.queue._snapshot', { refresh }));
}

function walk(items: SnapshotItem[]): SnapshotItem[] {
  return items.flatMap((item) => [item, ...walk(item.children)]);
}

function localCluster(snap: Snapshot): SnapshotItem | undefined {
  return snap.clusters.find((c) => c.label === 'local');
}

/** The tree item of a job (or array record) of the local cluster whose label starts with the id. */
function findJob(snap: Snapshot, id: string): SnapshotItem | undefined {
  const local = localCluster(snap);
  return local && walk(local.children).find((item) => item.ref !== undefined && item.label.startsWith(`${id} `));
}

function describeTree(snap: Snapshot): string {
  const lines = (items: SnapshotItem[], depth: number): string[] =>
    items.flatMap((i) => [`${'  '.repeat(depth)}${i.label} | ${i.description ?? ''} | ${i.contextValue ?? ''}`, ...lines(i.children, depth + 1)]);
  return lines(snap.clusters, 0).join('\n');
}

/** Waits until the view (refreshed on each probe) shows a job matching `accept`; returns its item. */
async function waitForJob(id: string, accept: (item: SnapshotItem) => boolean = () => true): Promise<SnapshotItem> {
  let last: Snapshot | undefined;
  return waitFor(`job ${id} in the queue view`, async () => {
    last = await snapshot(true);
    const item = findJob(last, id);
    return item && accept(item) ? item : undefined;
  }, () => (last ? describeTree(last) : ''), SLURM_DEADLINE_MS);
}

async function waitForJobGone(id: string): Promise<void> {
  let last: Snapshot | undefined;
  await waitFor(`job ${id} to leave the queue view`, async () => {
    last = await snapshot(true);
    return findJob(last, id) ? undefined : true;
  }, () => (last ? describeTree(last) : ''), SLURM_DEADLINE_MS);
}

/** sacct's state of a job (allocation line), e.g. "CANCELLED by 0"; '' while sacct has no record. */
function sacctState(id: string): string {
  return execFileSync('sacct', ['-n', '-X', '-P', '-j', id, '-o', 'State'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
}

function command<T>(name: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(`hpcWorkflows.queue.${name}`, ...args));
}

suite('queue panel (real Slurm)', () => {
  suiteSetup(async function () {
    this.timeout(SLURM_DEADLINE_MS * 2);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-e2e-queue-'));
    // Running the view's own command activates the extension and makes the view visible.
    await vscode.commands.executeCommand('hpcWorkflows.queue.show');
  });

  suiteTeardown(() => {
    if (submitted.length > 0) {
      try {
        execFileSync('scancel', submitted);
      } catch {
        // jobs that already ended
      }
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('the local cluster is found on PATH and listed in the visible view', async () => {
    let last: Snapshot | undefined;
    const local = await waitFor('the local cluster listed', async () => {
      last = await snapshot();
      const c = localCluster(last);
      // the view's visibility reaches the extension host a moment after the focus command
      return c && / running · \d+ pending/.test(c.description ?? '') && last.visible ? c : undefined;
    }, () => JSON.stringify(last), SLURM_DEADLINE_MS);
    assert.strictEqual(last?.visible, true, 'the view is visible after hpcWorkflows.queue.show');
    assert.ok(!walk(local.children).some((i) => i.contextValue?.startsWith('queueError')), describeTree(last));
  });

  test('a held job appears with its reason; cancel through the command removes it and Slurm records CANCELLED', async function () {
    this.timeout(SLURM_DEADLINE_MS * 3);
    const name = `${RUN}-held`;
    const id = sbatch('--hold', `--job-name=${name}`, '--output=/dev/null', '--wrap', 'sleep 30');
    const item = await waitForJob(id);
    assert.strictEqual(item.label, `${id}  ${name}`);
    assert.match(item.description ?? '', /^PENDING · JobHeldUser$/);
    const tokens = (item.contextValue ?? '').split(' ');
    for (const token of ['job', 'cancellable', 'releasable', 'details', 'logs']) assert.ok(tokens.includes(token), `${token} in ${item.contextValue}`);
    assert.ok(!tokens.includes('holdable'), `a held job is not holdable: ${item.contextValue}`);

    const result = await command<ActionResult>('cancel', { cluster: 'local', id });
    assert.deepStrictEqual(result, { done: [id], failed: [], skipped: [] });
    await waitForJobGone(id);
    const state = await waitFor(`sacct record of ${id}`, () => sacctState(id) || undefined, () => '', SLURM_DEADLINE_MS);
    assert.match(state, /^CANCELLED/);
  });

  test('hold and release through the commands change the reason shown', async function () {
    this.timeout(SLURM_DEADLINE_MS * 3);
    const id = sbatch('--begin=now+1hour', `--job-name=${RUN}-later`, '--output=/dev/null', '--wrap', 'sleep 30');
    const waiting = await waitForJob(id, (i) => /BeginTime/.test(i.description ?? ''));
    assert.match(waiting.contextValue ?? '', /\bholdable\b/);
    assert.deepStrictEqual((await command<ActionResult>('hold', { cluster: 'local', id })).done, [id]);
    // root's hold is an administrator's hold (JobHeldAdmin); a user's is JobHeldUser
    const held = await waitForJob(id, (i) => /JobHeld(User|Admin)/.test(i.description ?? ''));
    assert.match(held.contextValue ?? '', /\breleasable\b/);
    assert.deepStrictEqual((await command<ActionResult>('release', { cluster: 'local', id })).done, [id]);
    await waitForJob(id, (i) => !/JobHeld/.test(i.description ?? ''));
    await command<ActionResult>('cancel', { cluster: 'local', id });
    await waitForJobGone(id);
  });

  test('a job array is one node with its records as children; a name filter shows only matching jobs', async function () {
    this.timeout(SLURM_DEADLINE_MS * 3);
    const name = `${RUN}-array`;
    const id = sbatch('--hold', '--array=0-3', `--job-name=${name}`, '--output=/dev/null', '--wrap', 'sleep 30');
    let last: Snapshot | undefined;
    const arrayNode = await waitFor(`array ${id} in the view`, async () => {
      last = await snapshot(true);
      const local = localCluster(last);
      return local && walk(local.children).find((i) => i.label === `${id}_[0-3]  ${name}` && i.children.length > 0);
    }, () => (last ? describeTree(last) : ''), SLURM_DEADLINE_MS);
    assert.match(arrayNode.description ?? '', /^PENDING · array, 4 tasks · JobHeldUser$/);
    assert.match(arrayNode.contextValue ?? '', /^array\b.*\breleasable\b/);
    assert.deepStrictEqual(arrayNode.children.map((c) => c.label), [`${id}_[0-3]  ${name}`]);
    assert.deepStrictEqual(arrayNode.ref, { cluster: 'local', ids: [`${id}_[0-3]`] });

    await command('filter', { name: `${RUN}-ARRAY` });
    try {
      const filtered = await snapshot();
      const jobs = walk(localCluster(filtered)?.children ?? []).filter((i) => i.ref !== undefined);
      assert.ok(jobs.length > 0 && jobs.every((j) => j.label.includes(name)), describeTree(filtered));
      assert.match(filtered.description ?? '', /name~"hpcw-e2e-.*-ARRAY"/);
    } finally {
      await command('clearFilter');
    }
    assert.deepStrictEqual((await command<ActionResult>('cancel', arrayNode.ref)).done, [`${id}_[0-3]`]);
    await waitForJobGone(`${id}_[0-3]`);
  });

  test('job details open as a read-only hpc-job document in sections, the hold reason explained', async function () {
    this.timeout(SLURM_DEADLINE_MS * 2);
    const id = sbatch('--hold', `--job-name=${RUN}-details`, '--output=/dev/null', '--wrap', 'sleep 30');
    await waitForJob(id);
    await command('showDetails', { cluster: 'local', id });
    const document = await waitFor('the details document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.scheme === 'hpc-job' && d.uri.path.endsWith(`Job ${id}`) ? d : undefined;
    });
    const text = document.getText();
    assert.match(text, new RegExp(`^Job ${id} \\(${RUN}-details\\) on local$`, 'm'));
    assert.match(text, /^Why: Held by its owner/m);
    for (const section of ['Job', 'State', 'Time', 'Resources', 'Files']) assert.match(text, new RegExp(`^${section}$`, 'm'), text);
    assert.match(text, /^ {2}JobState: +PENDING$/m);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await command('cancel', { cluster: 'local', id });
  });

  test('the stdout of a running job opens as a log document that follows the file', async function () {
    this.timeout(SLURM_DEADLINE_MS * 3);
    const out = path.join(scratch, 'follow-%j.out');
    const id = sbatch(`--job-name=${RUN}-log`, `--output=${out}`, '--wrap', 'echo first line; sleep 4; echo second line');
    await waitForJob(id, (i) => /^RUNNING/.test(i.description ?? ''));
    await command('openStdout', { cluster: 'local', id });
    const document = await waitFor('the log document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.scheme === 'hpc-job-log' && d.getText().includes('first line') ? d : undefined;
    }, () => vscode.window.activeTextEditor?.document.uri.toString() ?? '(no editor)', SLURM_DEADLINE_MS);
    assert.strictEqual(document.uri.path, `/local${out.replace('%j', id)}`);
    await waitFor('the second line to arrive in the open log', () => (document.getText().includes('second line') ? true : undefined),
      () => JSON.stringify(document.getText()), SLURM_DEADLINE_MS);
    assert.strictEqual(document.getText(), 'first line\nsecond line\n');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('submitting the open job script lists the job at once and reports its exit code when it ends', async function () {
    this.timeout(SLURM_DEADLINE_MS * 3);
    const uri = workspaceFile('queue-submit.sbatch');
    const result = await command<{ cluster: string; id: string } | undefined>('submit', uri, { cluster: 'local', dependency: '' });
    assert.ok(result, 'the submit command returned no job');
    submitted.push(result.id);
    assert.strictEqual(result.cluster, 'local');
    assert.ok((await snapshot()).following.includes(`local/${result.id}`));
    let last: Snapshot | undefined;
    const ended = await waitFor(`the end of job ${result.id}`, async () => {
      last = await snapshot();
      return last.ended.find((e) => e.id === result.id);
    }, () => JSON.stringify(last?.ended), SLURM_DEADLINE_MS * 2);
    assert.strictEqual(ended.text, `Job ${result.id} "hpcw-e2e-submit" on local: FAILED, exit code 3.`);
    assert.strictEqual(ended.log, path.join(path.dirname(uri.fsPath), `queue-submit-${result.id}.out`));
    assert.strictEqual(fs.readFileSync(ended.log, 'utf8'), 'hello from the queue panel test\n');
    fs.rmSync(ended.log, { force: true });
  });
});
