/**
 * squeue: the argv we run, and the parser against real 22.05 output (captured from the test
 * cluster with that exact argv), hand-written records with the values newer Slurm prints, odd
 * values, and a 10,000-job listing.
 */
import * as assert from 'assert';
import { FIELD_SEP, RECORD_SEP, SQUEUE_FIELDS, SQUEUE_FORMAT, parseSqueue, rawOf, squeueArgv } from '../../../client/src/queue/squeue';
import type { Job } from '../../../client/src/queue/types';
import { readFixture, readFixtureArgv } from '../support/paths';
import { record } from '../support/records';

describe('queue/squeue argv', () => {
  it('uses an explicit format: RS first, US between fields, no widths, no % in separators', () => {
    assert.ok(SQUEUE_FORMAT.startsWith(`${RECORD_SEP}%i${FIELD_SEP}`));
    assert.strictEqual(SQUEUE_FORMAT.split('%').length - 1, SQUEUE_FIELDS.length);
    assert.ok(!/%[.\d]/.test(SQUEUE_FORMAT), 'no field width (a width cuts values)');
  });

  const table: { query: Parameters<typeof squeueArgv>[0]; expected: string[] }[] = [
    { query: { me: true }, expected: ['--me'] },
    { query: { me: false }, expected: [] },
    { query: { me: true, user: 'bob' }, expected: ['--user=bob'] },
    { query: { me: true, states: ['PENDING', 'R'], partitions: ['gpu'], names: ['a b'] }, expected: ['--me', '--states=PENDING,R', '--partition=gpu', '--name=a b'] },
  ];
  for (const { query, expected } of table) {
    it(`filters ${JSON.stringify(query)} → ${JSON.stringify(expected)} (one word each)`, () => {
      const argv = squeueArgv(query);
      assert.deepStrictEqual(argv.slice(0, 3), ['squeue', '--noheader', `--format=${SQUEUE_FORMAT}`]);
      assert.deepStrictEqual(argv.slice(3), expected);
    });
  }

  it('Job.raw has exactly one key per requested field, in order', () => {
    const values = SQUEUE_FIELDS.map((_, i) => `v${i}`);
    assert.deepStrictEqual(Object.entries(rawOf(values)), SQUEUE_FIELDS.map((f, i) => [f.key, `v${i}`]));
  });

  it('is the argv the 22.05 fixtures were captured with', () => {
    assert.deepStrictEqual(readFixtureArgv('slurm-22.05', 'squeue-me.txt'), squeueArgv({ me: true }));
    assert.deepStrictEqual(readFixtureArgv('slurm-22.05', 'squeue-pending.txt'), squeueArgv({ me: false, states: ['PENDING'] }));
  });
});

describe('queue/squeue parser: real Slurm 22.05 output', () => {
  const { jobs, problems } = parseSqueue(readFixture('slurm-22.05', 'squeue-me.txt'), 'lab');

  it('reads every record, with no problems', () => {
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(jobs.length, readFixture('slurm-22.05', 'squeue-me.txt').split(RECORD_SEP).length - 1);
    assert.ok(jobs.every((j) => j.cluster === 'lab' && j.user === 'slurmtest'));
  });

  it('a running job: times, node list, no reason', () => {
    const job = jobs.find((j) => j.name === 'qfix-running');
    assert.ok(job);
    assert.strictEqual(job.state, 'RUNNING');
    assert.strictEqual(job.reason, '');
    assert.strictEqual(job.nodeList, 'localhost');
    assert.strictEqual(job.timeLimit, '10:00');
    assert.strictEqual(job.timeLimitSeconds, 600);
    assert.strictEqual(job.arrayJobId, undefined);
    assert.strictEqual(job.account, undefined, '(null) account is no account');
    assert.strictEqual(job.raw.account, '(null)', 'but kept in raw');
  });

  it('a throttled array: the pending rest is one record, running tasks one each', () => {
    const arrays = jobs.filter((j) => j.name === 'qfix-array');
    assert.strictEqual(arrays.length, 3);
    const rest = arrays.find((j) => j.state === 'PENDING');
    assert.ok(rest);
    assert.match(rest.id, /^\d+_\[2-9%2\]$/);
    assert.strictEqual(rest.arrayTaskId, '[2-9%2]');
    assert.strictEqual(rest.reason, 'JobArrayTaskLimit');
    const tasks = arrays.filter((j) => j.state === 'RUNNING');
    assert.deepStrictEqual(tasks.map((t) => t.arrayTaskId).sort(), ['0', '1']);
    for (const t of tasks) {
      assert.strictEqual(t.arrayJobId, rest.jobId);
      assert.notStrictEqual(t.jobId, t.arrayJobId, 'a task has its own job id');
      assert.strictEqual(t.id, `${rest.jobId}_${t.arrayTaskId}`);
    }
  });

  const reasons: [string, string][] = [
    ['qfix-held', 'JobHeldUser'],
    ['qfix-timelimit', 'PartitionTimeLimit'],
    ['qfix-never', 'DependencyNeverSatisfied'],
    ['qfix-gpu', 'JobHeldUser'],
    ["qfix weird|name ünï 'q' $(id) `x`", 'BeginTime'],
  ];
  for (const [name, reason] of reasons) {
    it(`pending "${name}" waits for ${reason}`, () => {
      const job = jobs.find((j) => j.name === name);
      assert.ok(job, `job named ${name} kept exactly`);
      assert.strictEqual(job.state, 'PENDING');
      assert.strictEqual(job.reason, reason);
    });
  }

  it('odd names are kept exactly: empty, with the field separator in it', () => {
    assert.ok(jobs.some((j) => j.name === ''), 'empty name');
    assert.ok(jobs.some((j) => j.name === `qfix-sep${FIELD_SEP}in-name` && j.workDir === '/tmp/hpcw-slurm-lab/work'));
  });

  it('the GPU job shows its GRES, the dependency job its dependency', () => {
    assert.strictEqual(jobs.find((j) => j.name === 'qfix-gpu')?.gres, 'gres:gpu:1');
    assert.match(jobs.find((j) => j.name === 'qfix-never')?.raw.dependency ?? '', /^afterok:\d+\(failed\)$/);
  });

  it('a heterogeneous job: one record per component, ids 123+0 / 123+1', () => {
    const het = jobs.filter((j) => j.name === 'qfix-het').map((j) => j.id).sort();
    assert.strictEqual(het.length, 2);
    assert.match(het[0], /^\d+\+0$/);
    assert.strictEqual(het[1], het[0].replace('+0', '+1'));
  });

  it('the all-users pending listing parses too', () => {
    const pending = parseSqueue(readFixture('slurm-22.05', 'squeue-pending.txt'), 'lab');
    assert.deepStrictEqual(pending.problems, []);
    assert.ok(pending.jobs.length > 0 && pending.jobs.every((j) => j.state === 'PENDING'));
  });
});

describe('queue/squeue parser: values newer Slurm prints (hand-written from master source)', () => {
  const cases: { what: string; values: Partial<Record<string, string>>; check: (j: Job) => void }[] = [
    { what: 'tres-per-node in TRES form (23.02+)', values: { tres_per_node: 'gres/gpu:a100:2' }, check: (j) => assert.strictEqual(j.gres, 'gres/gpu:a100:2') },
    { what: 'a state 22.05 does not have', values: { state: 'EXPEDITING' }, check: (j) => assert.strictEqual(j.state, 'EXPEDITING') },
    { what: 'an unknown future state is kept', values: { state: 'HIBERNATING' }, check: (j) => assert.strictEqual(j.state, 'HIBERNATING') },
    { what: 'time limit UNLIMITED', values: { time_limit: 'UNLIMITED' }, check: (j) => { assert.strictEqual(j.timeLimit, 'UNLIMITED'); assert.strictEqual(j.timeLimitSeconds, undefined); } },
    { what: 'time limit NOT_SET', values: { time_limit: 'NOT_SET' }, check: (j) => assert.strictEqual(j.timeLimit, 'NOT_SET') },
    { what: 'days in times', values: { time_used: '2-03:04:05', time_limit: '7-00:00:00' }, check: (j) => { assert.strictEqual(j.elapsedSeconds, 2 * 86400 + 3 * 3600 + 4 * 60 + 5); assert.strictEqual(j.timeLimitSeconds, 7 * 86400); } },
    { what: 'a reason with details', values: { state: 'PENDING', reason: 'ReqNodeNotAvail, UnavailableNodes:n[01-03]' }, check: (j) => assert.strictEqual(j.reason, 'ReqNodeNotAvail, UnavailableNodes:n[01-03]') },
    { what: 'a reason sentence (state_desc)', values: { state: 'PENDING', reason: 'Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions' }, check: (j) => assert.match(j.reason, /^Nodes required/) },
    { what: 'N/A start time and (null) account', values: { start_time: 'N/A', account: '(null)' }, check: (j) => { assert.strictEqual(j.startTime, undefined); assert.strictEqual(j.account, undefined); assert.strictEqual(j.raw.start_time, 'N/A'); } },
    { what: 'a name with spaces, pipes, quotes and unicode', values: { name: "a b|c 'd' \"e\" $(id) ✓ 名前" }, check: (j) => assert.strictEqual(j.name, "a b|c 'd' \"e\" $(id) ✓ 名前") },
    { what: 'a name with a newline stays in its record', values: { name: 'two\nlines' }, check: (j) => assert.strictEqual(j.name, 'two\nlines') },
    { what: 'a large array task id', values: { jobid: '7_4000000', jobid_raw: '9', array_job_id: '7', array_task_id: '4000000' }, check: (j) => { assert.strictEqual(j.arrayJobId, '7'); assert.strictEqual(j.arrayTaskId, '4000000'); } },
    { what: 'a pending rest with one task left', values: { jobid: '7_[9]', jobid_raw: '7', array_job_id: '7', array_task_id: '9', state: 'PENDING' }, check: (j) => assert.strictEqual(j.arrayTaskId, '[9]') },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const { jobs, problems } = parseSqueue(record(c.values), 'c');
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(jobs.length, 1);
      c.check(jobs[0]);
    });
  }

  it('a cut-off last record is kept (missing fields empty) and noted', () => {
    const text = record({ jobid: '1' }) + record({ jobid: '2' }).slice(0, 12);
    const { jobs, problems } = parseSqueue(text, 'c');
    assert.deepStrictEqual(jobs.map((j) => j.id), ['1', '2']);
    assert.strictEqual(problems.length, 1);
  });

  it('text before the first record is noted, not taken for a job', () => {
    const { jobs, problems } = parseSqueue('squeue: warning: something\n' + record({}), 'c');
    assert.strictEqual(jobs.length, 1);
    assert.strictEqual(problems.length, 1);
  });

  it('empty output is no jobs', () => {
    assert.deepStrictEqual(parseSqueue('', 'c'), { jobs: [], problems: [] });
  });
});

describe('queue/squeue parser: 10,000 jobs', () => {
  it('reads all of them, in order, arrays and odd names included', () => {
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const array = i % 10 === 0;
      parts.push(record({
        jobid: array ? `${500000 + i}_${i % 7}` : String(500000 + i), jobid_raw: String(500000 + i),
        array_job_id: String(array ? 500000 : 500000 + i), array_task_id: array ? String(i % 7) : 'N/A',
        name: i % 97 === 0 ? `odd ${FIELD_SEP} |name ${i}` : `job-${i}`, state: i % 3 === 0 ? 'PENDING' : 'RUNNING',
      }));
    }
    const { jobs, problems } = parseSqueue(parts.join(''), 'big');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(jobs.length, 10_000);
    assert.strictEqual(jobs[9999].jobId, String(509999));
    assert.strictEqual(jobs[97].name, `odd ${FIELD_SEP} |name 97`);
    assert.strictEqual(jobs.filter((j) => j.arrayJobId === '500000').length, 1000);
  });
});
