/**
 * createCluster over a recording fake runner: the exact argv of every operation, id and
 * argument checks before anything runs, errors surfaced as QueueErrors, log reading through
 * stat/dd (run for real, locally) with UTF-8 boundaries.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createCluster } from '../../../client/src/queue/cluster';
import { decodeUtf8Prefix } from '../../../client/src/queue/remoteFile';
import { SQUEUE_FORMAT } from '../../../client/src/queue/squeue';
import { LocalRunner } from '../../../client/src/queue/transportLocal';
import type { CommandResult, CommandRunner, RunOptions } from '../../../client/src/queue/types';
import { record } from '../support/records';

/** Records every call; answers from a queue of results (default: success, no output). */
class FakeRunner implements CommandRunner {
  calls: { argv: string[]; options?: RunOptions }[] = [];
  answers: Partial<CommandResult>[] = [];
  disposed = false;
  async run(argv: string[], options?: RunOptions): Promise<CommandResult> {
    this.calls.push({ argv, options });
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...(this.answers.shift() ?? {}) };
  }
  dispose(): void {
    this.disposed = true;
  }
}

const kindOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { kind?: string }).kind;
  }
};

describe('queue/createCluster (fake runner)', () => {
  let runner: FakeRunner;
  let cluster: ReturnType<typeof createCluster>;
  beforeEach(() => {
    runner = new FakeRunner();
    cluster = createCluster({ kind: 'ssh', name: 'c', host: 'cluster' }, runner);
  });

  it('list: my jobs with --me, parsed', async () => {
    runner.answers.push({ stdout: record({ jobid: '42', name: 'x' }) });
    const jobs = await cluster.list();
    assert.deepStrictEqual(runner.calls[0].argv, ['squeue', '--noheader', `--format=${SQUEUE_FORMAT}`, '--me']);
    assert.deepStrictEqual(jobs.map((j) => [j.id, j.name, j.cluster]), [['42', 'x', 'c']]);
  });

  it('list: all users and filters; a name filter crafted as a command is one argv word', async () => {
    await cluster.list({ allUsers: true, states: ['PENDING'], partitions: ['gpu'], name: "x'; touch /tmp/pwned #" });
    assert.deepStrictEqual(runner.calls[0].argv.slice(3), ['--states=PENDING', '--partition=gpu', "--name=x'; touch /tmp/pwned #"]);
  });

  it('list: without --me (Slurm before 20.11) asks `id -un` once and uses --user', async () => {
    runner.answers.push({ exitCode: 1, stderr: "squeue: unrecognized option '--me'" }, { stdout: 'alice\n' }, { stdout: '' }, { stdout: '' });
    await cluster.list();
    await cluster.list();
    assert.deepStrictEqual(runner.calls.map((c) => c.argv.at(-1)), ['--me', '-un', '--user=alice', '--user=alice']);
  });

  it('list: failures become QueueErrors', async () => {
    runner.answers.push({ exitCode: 1, stderr: 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' });
    assert.strictEqual(await kindOf(cluster.list()), 'controller-down');
    assert.strictEqual(await kindOf(cluster.list({ states: ['PENDING;id'] })), 'invalid-argument');
  });

  it('history: sacct for the last hours, optional ids', async () => {
    runner.answers.push({ stdout: '' });
    await cluster.history(6, { jobIds: ['5_[1-3%1]'] });
    assert.ok(runner.calls[0].argv.includes('--starttime=now-6hours'));
    assert.strictEqual(runner.calls[0].argv.at(-1), '--jobs=5_[1-3]');
    assert.strictEqual(await kindOf(cluster.history(-1)), 'invalid-argument');
  });

  it('details: scontrol -o show job; a pending array rest is found among its array\'s lines', async () => {
    runner.answers.push({ stdout: 'JobId=7 ArrayJobId=7 ArrayTaskId=2-9%2 JobName=a StdOut=/o\nJobId=9 ArrayJobId=7 ArrayTaskId=0 JobName=a StdOut=/o0\n' });
    const d = await cluster.details('7_[2-9%2]');
    assert.deepStrictEqual(runner.calls[0].argv, ['scontrol', '-o', 'show', 'job', '7']);
    assert.strictEqual(d.id, '7_[2-9%2]');
    runner.answers.push({ stdout: 'JobId=7 ArrayJobId=7 ArrayTaskId=2-9%2 JobName=a StdOut=/o\nJobId=9 ArrayJobId=7 ArrayTaskId=0 JobName=a StdOut=/o0\n' });
    assert.strictEqual((await cluster.details('7_0')).stdout, '/o0');
    runner.answers.push({ exitCode: 1, stderr: 'slurm_load_jobs error: Invalid job id specified' });
    const error = await cluster.details('8').catch((e: Error) => e);
    assert.match(String(error), /no longer knows job 8/);
  });

  const actions: ['cancel' | 'hold' | 'release' | 'requeue', string[]][] = [
    ['cancel', ['scancel']], ['hold', ['scontrol', 'hold']], ['release', ['scontrol', 'release']], ['requeue', ['scontrol', 'requeue']],
  ];
  for (const [action, command] of actions) {
    it(`${action}: one command, each id one word, %throttle dropped; bad ids run nothing`, async () => {
      await cluster[action](['1', '2_3', '4_[5-9%2]', '6+1']);
      assert.deepStrictEqual(runner.calls[0].argv, [...command, '1', '2_3', '4_[5-9]', '6+1']);
      for (const bad of [[], ['1;id'], ['$(id)'], ['1', '-2']]) assert.strictEqual(await kindOf(cluster[action](bad)), 'invalid-argument');
      assert.strictEqual(runner.calls.length, 1);
    });
  }

  it('cancel of someone else\'s job: permission', async () => {
    runner.answers.push({ exitCode: 1, stderr: 'scancel: error: Kill job error on job id 5: Access/permission denied' });
    assert.strictEqual(await kindOf(cluster.cancel(['5'])), 'permission');
  });

  it('submitFile: sbatch --parsable [--dependency] [extra] -- path; returns the id', async () => {
    runner.answers.push({ stdout: '123;cluster\n' });
    const id = await cluster.submitFile('-odd name.sh', { dependency: 'afterok:7', extraArgs: ['--partition=gpu'] });
    assert.strictEqual(id, '123');
    assert.deepStrictEqual(runner.calls[0].argv, ['sbatch', '--parsable', '--dependency=afterok:7', '--partition=gpu', '--', '-odd name.sh']);
    assert.strictEqual(runner.calls[0].options, undefined, 'a relative path runs where the shell starts');
    runner.answers.push({ stdout: '124\n' });
    await cluster.submitFile('/home/a/run dir/job.sh');
    assert.strictEqual(runner.calls[1].options?.cwd, '/home/a/run dir', 'as if `cd` to the script directory');
    runner.answers.push({ stdout: '125\n' });
    await cluster.submitFile('/home/a/job.sh', { workDir: '/scratch' });
    assert.strictEqual(runner.calls[2].options?.cwd, '/scratch');
    assert.strictEqual(await kindOf(cluster.submitFile('x.sh', { dependency: 'afterok:1;id' })), 'invalid-argument');
    assert.strictEqual(runner.calls.length, 3);
    runner.answers.push({ stdout: 'Submitted batch job 5\n' });
    assert.strictEqual(await kindOf(cluster.submitFile('x.sh')), 'failed');
  });

  it('submitText: the script goes to stdin, --chdir names the work dir', async () => {
    runner.answers.push({ stdout: '77\n' });
    const id = await cluster.submitText('#!/bin/bash\necho hi\n', '/work dir');
    assert.strictEqual(id, '77');
    assert.deepStrictEqual(runner.calls[0].argv, ['sbatch', '--parsable', '--chdir=/work dir']);
    assert.strictEqual(runner.calls[0].options?.stdin, '#!/bin/bash\necho hi\n');
  });

  it('dispose disposes the runner', () => {
    cluster.dispose();
    assert.strictEqual(runner.disposed, true);
  });
});

describe('queue/readFile through stat and dd (run locally, as over ssh)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-q-log-'));
  const file = path.join(dir, "log 'with' $(odd) name.out");
  // a LocalRunner with a uid has no fs shortcut: it reads through stat/dd like the ssh runner
  const cluster = createCluster({ kind: 'local', name: 'l' }, new LocalRunner({ uid: process.getuid?.(), gid: process.getgid?.() }));
  before(() => fs.writeFileSync(file, 'abc✓def\n'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads from an offset, reports size and bytes used', async () => {
    const r = await cluster.readFile(file, 1, 100);
    assert.deepStrictEqual(r, { text: 'bc✓def\n', size: 10, bytesRead: 9 });
  });

  it('stops before a character cut in half, and the next read continues it', async () => {
    const first = await cluster.readFile(file, 0, 4);
    assert.deepStrictEqual(first, { text: 'abc', size: 10, bytesRead: 3 });
    const next = await cluster.readFile(file, first.bytesRead, 4);
    assert.strictEqual(next.text, '✓d');
  });

  it('at the end: nothing, and the size', async () => {
    assert.deepStrictEqual(await cluster.readFile(file, 10, 100), { text: '', size: 10, bytesRead: 0 });
  });

  it('a missing file is a clear failure', async () => {
    const error = await cluster.readFile(path.join(dir, 'none.out')).catch((e: Error) => e);
    assert.match(String(error), /No file/);
  });

  it('decodeUtf8Prefix keeps whole characters only', () => {
    const bytes = Buffer.from('a✓😀');
    assert.deepStrictEqual(decodeUtf8Prefix(bytes), { text: 'a✓😀', bytes: 8 });
    assert.deepStrictEqual(decodeUtf8Prefix(bytes.subarray(0, 6)), { text: 'a✓', bytes: 4 });
    assert.deepStrictEqual(decodeUtf8Prefix(bytes.subarray(0, 3)), { text: 'a', bytes: 1 });
    assert.deepStrictEqual(decodeUtf8Prefix(Buffer.from([0x61, 0xff])), { text: 'a\ufffd', bytes: 2 });
  });
});
