/**
 * Job ids accepted for actions, the argument checks, and the tree grouping.
 */
import * as assert from 'assert';
import { groupJobs } from '../../../client/src/queue/grouping';
import { isValidJobId } from '../../../client/src/queue/jobIds';
import { parseSqueue } from '../../../client/src/queue/squeue';
import type { Job } from '../../../client/src/queue/types';
import { actionId, checkDependency, checkExtraArgs, checkNameFilter, checkPartitions, checkStates } from '../../../client/src/queue/validate';
import { readFixture } from '../support/paths';

describe('queue/isValidJobId', () => {
  const valid = ['1', '123', '123_4', '123_[5-9]', '123_[5-9%2]', '123_[1,3,5-7]', '123_[0-100:2]', '123+0', '123+12', '4294967294'];
  const invalid = ['', ' 1', '1 ', '-1', '1;id', '$(id)', '`id`', '1_', '1_x', '1_[5-9', '1_[]', '1+', '1+a', '1.batch', '1,2', "1'", '1\n', '0x1', '12345678901', '1_[5-9]%2'];
  for (const id of valid) it(`accepts ${JSON.stringify(id)}`, () => assert.strictEqual(isValidJobId(id), true));
  for (const id of invalid) it(`refuses ${JSON.stringify(id)}`, () => assert.strictEqual(isValidJobId(id), false));
});

describe('queue/argument checks', () => {
  it('actionId drops the %throttle Slurm refuses in actions', () => {
    assert.strictEqual(actionId('123_[5-9%2]'), '123_[5-9]');
    assert.strictEqual(actionId('123_4'), '123_4');
  });
  const throwsInvalid = (fn: () => void): void => assert.throws(fn, (e: { kind?: string }) => e.kind === 'invalid-argument');
  it('states, partitions, names, dependencies and extra args are checked', () => {
    checkStates(['PENDING', 'R', 'OUT_OF_MEMORY']);
    throwsInvalid(() => checkStates(['PENDING,RUNNING']));
    throwsInvalid(() => checkStates(['$(id)']));
    checkPartitions(['gpu', 'long-1', 'a.b_c']);
    throwsInvalid(() => checkPartitions(['a b']));
    checkNameFilter("x'; touch /tmp/pwned #");
    throwsInvalid(() => checkNameFilter('a,b'));
    throwsInvalid(() => checkNameFilter(''));
    for (const dep of ['afterok:123', 'afterany:1:2', 'afterok:1_[1-3]', 'after:5+10', 'singleton', 'afterok:1,afterany:2', 'afterok:1?afternotok:2']) checkDependency(dep);
    for (const dep of ['', '--x', 'afterok:$(id)', 'afterok:1 2', 'afterok:1;id']) throwsInvalid(() => checkDependency(dep));
    checkExtraArgs(['--partition=gpu', '-N', '--time=1:00']);
    throwsInvalid(() => checkExtraArgs(['script.sh']));
    throwsInvalid(() => checkExtraArgs(['--x\0']));
  });
});

function job(id: string, state: string, extra: Partial<Job> = {}): Job {
  return { cluster: 'c', id, jobId: id, name: 'n', user: 'u', partition: 'p', state, reason: '', elapsed: '0:00', timeLimit: '1:00', nodes: '1', nodeList: '', raw: {}, ...extra };
}

describe('queue/groupJobs', () => {
  it('groups by state in group order, arrays under one node per state, nothing lost', () => {
    const jobs = [
      job('9', 'PENDING'),
      job('5_[2-9]', 'PENDING', { arrayJobId: '5', arrayTaskId: '[2-9]', name: 'arr' }),
      job('5_0', 'RUNNING', { arrayJobId: '5', arrayTaskId: '0', name: 'arr' }),
      job('7', 'WEIRD_NEW'),
      job('5_1', 'RUNNING', { arrayJobId: '5', arrayTaskId: '1', name: 'arr' }),
      job('8', 'RUNNING'),
      job('6', 'COMPLETING'),
    ];
    const groups = groupJobs(jobs);
    assert.deepStrictEqual(groups.map((g) => g.state), ['RUNNING', 'COMPLETING', 'PENDING', 'WEIRD_NEW']);
    const running = groups[0].jobs;
    assert.strictEqual(running.length, 2);
    assert.deepStrictEqual(running[0].kind === 'array' && running[0].tasks.map((t) => t.id), ['5_0', '5_1']);
    assert.strictEqual(running[0].kind === 'array' && running[0].name, 'arr');
    assert.deepStrictEqual(groups[2].jobs.map((n) => (n.kind === 'job' ? n.job.id : `array ${n.arrayJobId}`)), ['9', 'array 5']);
    const count = groups.reduce((s, g) => s + g.jobs.reduce((t, n) => t + (n.kind === 'job' ? 1 : n.tasks.length), 0), 0);
    assert.strictEqual(count, jobs.length);
  });

  it('groups the real 22.05 listing: the array is one node in RUNNING and one in PENDING', () => {
    const { jobs } = parseSqueue(readFixture('slurm-22.05', 'squeue-me.txt'), 'lab');
    const groups = groupJobs(jobs);
    assert.deepStrictEqual(groups.map((g) => g.state), ['RUNNING', 'PENDING']);
    const arrayNodes = groups.flatMap((g) => g.jobs.filter((n) => n.kind === 'array' && n.name === 'qfix-array'));
    assert.strictEqual(arrayNodes.length, 2);
    assert.ok(groups[1].jobs.some((n) => n.kind === 'job' && n.job.id.includes('+')), 'hetjob components stay jobs');
  });

  it('no jobs, no groups', () => assert.deepStrictEqual(groupJobs([]), []));
});
