// The queue panel over SSH in a real workbench: the test cluster's sshd (scripts/test-cluster.sh,
// facts in /tmp/hpcw-slurm-lab/cluster.env) as a host of hpcWorkflows.queue.sshHosts, through an
// ssh config file the way a user's ~/.ssh/config names a host (host-key checks stay on). Also a
// host whose port is closed: the view shows its error and what to do, and keeps the other host.
// Skipped when the test cluster is not running.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SnapshotItem } from '../../../client/src/queue/view/treeProvider';
import { waitFor, workspaceFile } from './helpers';

interface Snapshot {
  clusters: SnapshotItem[];
  ended: { cluster: string; id: string; text: string; log?: string }[];
}

const DEADLINE_MS = 30_000;
const LAB_ENV = path.join(process.env.LAB_DIR || '/tmp/hpcw-slurm-lab', 'cluster.env');

function readEnv(): Record<string, string> | undefined {
  if (!fs.existsSync(LAB_ENV)) return undefined;
  const values: Record<string, string> = {};
  for (const line of fs.readFileSync(LAB_ENV, 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) values[m[1]] = m[2];
  }
  return values;
}

function snapshot(): Promise<Snapshot> {
  return Promise.resolve(vscode.commands.executeCommand<Snapshot>('hpcWorkflows.queue._snapshot', { refresh: true }));
}

function describeTree(snap: Snapshot | undefined): string {
  const lines = (items: SnapshotItem[], depth: number): string[] =>
    items.flatMap((i) => [`${'  '.repeat(depth)}${i.label} | ${i.description ?? ''} | ${i.contextValue ?? ''}`, ...lines(i.children, depth + 1)]);
  return snap ? lines(snap.clusters, 0).join('\n') : '';
}

suite('queue panel over ssh (real sshd)', () => {
  const env = readEnv();
  let dir = '';

  suiteSetup(async function () {
    if (!env) this.skip();
    this.timeout(DEADLINE_MS);
    // ssh refuses a config or key that others can read: a private folder, files 0600
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-e2e-ssh-'));
    fs.chmodSync(dir, 0o700);
    const key = path.join(dir, 'id_lab');
    fs.copyFileSync(env.SLURM_SSH_KEY, key);
    fs.chmodSync(key, 0o600);
    const host = (alias: string, port: string): string => [`Host ${alias}`, `  HostName ${env.SLURM_SSH_HOST}`, `  Port ${port}`,
      `  User ${env.SLURM_SSH_USER}`, `  IdentityFile ${key}`, `  UserKnownHostsFile ${env.SLURM_SSH_KNOWN_HOSTS}`,
      '  IdentitiesOnly yes', '  IdentityAgent none', '  ConnectTimeout 5', ''].join('\n');
    const config = path.join(dir, 'ssh_config');
    fs.writeFileSync(config, host('hpcw-e2e-lab', env.SLURM_SSH_PORT) + host('hpcw-e2e-down', '1'), { mode: 0o600 });
    await vscode.commands.executeCommand('hpcWorkflows.queue.show');
    // a machine setting: user settings (the workspace cannot set it)
    await vscode.workspace.getConfiguration('hpcWorkflows.queue').update('sshHosts', [
      { host: 'hpcw-e2e-lab', name: 'lab', sshConfigFile: config },
      { host: 'hpcw-e2e-down', name: 'down', sshConfigFile: config },
    ], vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    if (!env) return;
    await vscode.workspace.getConfiguration('hpcWorkflows.queue').update('sshHosts', undefined, vscode.ConfigurationTarget.Global);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the ssh host is listed beside the local one; the unreachable host shows its error, its hint and a retry action', async () => {
    let last: Snapshot | undefined;
    const [lab, down] = await waitFor('both ssh clusters refreshed', async () => {
      last = await snapshot();
      const l = last.clusters.find((c) => c.label === 'lab');
      const d = last.clusters.find((c) => c.label === 'down');
      return l && d && / running · \d+ pending/.test(l.description ?? '') && d.children.some((c) => c.contextValue?.startsWith('queueError')) ? [l, d] : undefined;
    }, () => describeTree(last), DEADLINE_MS);
    assert.deepStrictEqual(last?.clusters.map((c) => c.label), ['local', 'lab', 'down']);
    assert.ok(!lab.children.some((c) => c.contextValue?.startsWith('queueError')), describeTree(last));
    const [error, hint] = down.children;
    assert.strictEqual(error.contextValue, 'queueError retryable');
    assert.match(error.description ?? '', /^retrying in \d+ s$/);
    assert.match(down.description ?? '', /ssh-unreachable/);
    assert.strictEqual(hint.contextValue, 'message');
    assert.ok(hint.label.length > 10, `a hint in words: ${hint.label}`);
  });

  test('a job script submitted to the ssh host runs there, is followed to its end, and its log is read over ssh', async function () {
    this.timeout(DEADLINE_MS * 3);
    const workDir = env?.SLURM_WORK_DIR ?? '/tmp';
    const result = await vscode.commands.executeCommand<{ cluster: string; id: string } | undefined>('hpcWorkflows.queue.submit',
      workspaceFile('queue-submit.sbatch'), { cluster: 'lab', dependency: '', workDir });
    assert.ok(result, 'the submit command returned no job');
    let last: Snapshot | undefined;
    const ended = await waitFor(`the end of job ${result.id} on lab`, async () => {
      last = await snapshot();
      return last.ended.find((e) => e.cluster === 'lab' && e.id === result.id);
    }, () => JSON.stringify(last?.ended), DEADLINE_MS * 2);
    assert.strictEqual(ended.text, `Job ${result.id} "hpcw-e2e-submit" on lab: FAILED, exit code 3.`);
    assert.strictEqual(ended.log, `${workDir}/queue-submit-${result.id}.out`);

    await vscode.commands.executeCommand('hpcWorkflows.queue.openStdout', { cluster: 'lab', id: result.id });
    const document = await waitFor('the log read over ssh', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.scheme === 'hpc-job-log' && d.getText() !== '' ? d : undefined;
    }, () => vscode.window.activeTextEditor?.document.getText() ?? '(no editor)', DEADLINE_MS);
    assert.strictEqual(document.uri.path, `/lab${workDir}/queue-submit-${result.id}.out`);
    assert.strictEqual(document.getText(), 'hello from the queue panel test\n');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(ended.log, { force: true });
  });
});
