/**
 * sacct (-P with our delimiter) and `scontrol -o show job`: real 22.05 output and odd values.
 */
import * as assert from 'assert';
import { parseSacct, sacctArgv } from '../../../client/src/queue/sacct';
import { parseScontrolJobs, parseScontrolLine } from '../../../client/src/queue/scontrol';
import { FIELD_SEP } from '../../../client/src/queue/squeue';
import { readFixture, readFixtureArgv } from '../support/paths';

describe('queue/sacct', () => {
  it('argv: parsable, allocations only, our delimiter, JobName last, a start time, optional ids', () => {
    const argv = sacctArgv({ sinceHours: 1.5, jobIds: ['12', '13_[1-2]'] });
    assert.deepStrictEqual(argv, ['sacct', '--parsable2', '--noheader', '--allocations', `--delimiter=${FIELD_SEP}`,
      '--format=JobID,State,ExitCode,Elapsed,End,WorkDir,JobName', '--starttime=now-2hours', '--jobs=12,13_[1-2]']);
    assert.deepStrictEqual(readFixtureArgv('slurm-22.05', 'sacct.txt').slice(0, 6), argv.slice(0, 6));
  });

  const real = parseSacct(readFixture('slurm-22.05', 'sacct.txt'), 'lab');

  it('real 22.05: the job that did `exit 3` has exit code 3:0 and state FAILED', () => {
    const failed = real.find((j) => j.name === 'qfix-exit3');
    assert.ok(failed);
    assert.strictEqual(failed.exitCode, '3:0');
    assert.strictEqual(failed.state, 'FAILED');
    assert.match(failed.end ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  it('real 22.05: running jobs have no end ("Unknown"), array records keep their ids', () => {
    const running = real.filter((j) => j.state === 'RUNNING');
    assert.ok(running.length >= 1 && running.every((j) => j.end === undefined && j.raw.End === 'Unknown'));
    assert.ok(real.some((j) => /^\d+_\[2-9%2\]$/.test(j.id)));
  });

  const odd: [string, string, Partial<Record<string, string>>][] = [
    ['a name with the delimiter', ['1', 'COMPLETED', '0:0', '00:00:01', '2025-01-01T00:00:00', '/w', `a${FIELD_SEP}b`].join(FIELD_SEP), { id: '1', name: `a${FIELD_SEP}b` }],
    ['CANCELLED by uid', ['2', 'CANCELLED by 1001', '0:15', '00:01:00', '2025-01-01T00:00:00', '/w', 'x'].join(FIELD_SEP), { state: 'CANCELLED by 1001', exitCode: '0:15' }],
    ['an empty name and work dir', ['3', 'OUT_OF_MEMORY', '0:125', '00:00:09', 'None', '', ''].join(FIELD_SEP), { name: '', state: 'OUT_OF_MEMORY' }],
    ['a name with a newline', ['4', 'TIMEOUT', '0:0', '01:00:00', '2025-01-01T00:00:00', '/w', 'two\nlines'].join(FIELD_SEP), { name: 'two\nlines' }],
    ['a hetjob component', ['5+1', 'FAILED', '2:0', '00:00:01', '2025-01-01T00:00:00', '/w', 'het'].join(FIELD_SEP), { id: '5+1', exitCode: '2:0' }],
  ];
  for (const [what, line, expected] of odd) {
    it(`odd value: ${what}`, () => {
      const jobs = parseSacct(`${line}\n`, 'c');
      assert.strictEqual(jobs.length, 1);
      for (const [k, v] of Object.entries(expected)) assert.strictEqual((jobs[0] as unknown as Record<string, string>)[k], v, k);
    });
  }

  it('empty output is no jobs; several records stay apart', () => {
    assert.deepStrictEqual(parseSacct('', 'c'), []);
    const two = parseSacct(`${odd[0][1]}\n${odd[3][1]}\n${odd[1][1]}\n`, 'c');
    assert.deepStrictEqual(two.map((j) => j.id), ['1', '4', '2']);
  });
});

describe('queue/scontrol show job -o', () => {
  it('real 22.05 running job: paths resolved, state, fields in order, unknown keys kept', () => {
    const [job] = parseScontrolJobs(readFixture('slurm-22.05', 'scontrol-running.txt'));
    assert.strictEqual(job.state, 'RUNNING');
    assert.strictEqual(job.name, 'qfix-running');
    assert.strictEqual(job.workDir, '/tmp/hpcw-slurm-lab/work');
    assert.match(job.stdout ?? '', /^\/tmp\/hpcw-slurm-lab\/work\/slurm-\d+\.out$/);
    assert.strictEqual(job.fields[0][0], 'JobId');
    assert.ok(job.fields.some(([k]) => k === 'AllocNode:Sid'));
    assert.strictEqual(job.fields.at(-1)?.[0], 'Power');
    assert.strictEqual(job.fields.at(-1)?.[1], '', 'the trailing space is not a value');
  });

  it('real 22.05 array: one line per record; task ids and their own log paths', () => {
    const all = parseScontrolJobs(readFixture('slurm-22.05', 'scontrol-array.txt'));
    assert.strictEqual(all.length, 3);
    const ids = all.map((d) => d.id);
    assert.ok(ids.some((id) => /^\d+_\[2-9%2\]$/.test(id)), ids.join(' '));
    const task0 = all.find((d) => /_0$/.test(d.id));
    assert.ok(task0);
    assert.match(task0.stdout ?? '', /qfix-\d+_0\.out$/);
  });

  it('real 22.05: a name with spaces, |, quotes, $(...) and backquotes is one value', () => {
    const [job] = parseScontrolJobs(readFixture('slurm-22.05', 'scontrol-weird-name.txt'));
    assert.strictEqual(job.name, "qfix weird|name ünï 'q' $(id) `x`");
    assert.strictEqual(job.fields[1][0], 'JobName');
    assert.strictEqual(job.fields[2][0], 'UserId');
  });

  it('real 22.05 hetjob: ids 123+0 and 123+1', () => {
    const ids = parseScontrolJobs(readFixture('slurm-22.05', 'scontrol-het.txt')).map((d) => d.id);
    assert.strictEqual(ids.length, 2);
    assert.match(ids[0], /^\d+\+0$/);
    assert.strictEqual(ids[1], ids[0].replace('+0', '+1'));
  });

  it('real 22.05: the dependency that can never be satisfied', () => {
    const [job] = parseScontrolJobs(readFixture('slurm-22.05', 'scontrol-dependency.txt'));
    assert.ok(job.fields.some(([k, v]) => k === 'Reason' && v === 'DependencyNeverSatisfied'));
    assert.ok(job.fields.some(([k, v]) => k === 'Dependency' && /^afterok:\d+\(failed\)$/.test(v)));
  });

  const lines: [string, string, [string, string][]][] = [
    ['a key newer Slurm prints is kept as its own field (after a plain value)', 'JobId=5 Priority=1 NewThing=x y Partition=p',
      [['JobId', '5'], ['Priority', '1'], ['NewThing', 'x y'], ['Partition', 'p']]],
    ['inside a name, only a known key ends it', 'JobId=5 JobName=a b=c UserId=u(1)',
      [['JobId', '5'], ['JobName', 'a b=c'], ['UserId', 'u(1)']]],
    ['a work dir with spaces and a=b words', 'JobId=5 WorkDir=/home/a b/c=d e StdErr=/x y',
      [['JobId', '5'], ['WorkDir', '/home/a b/c=d e'], ['StdErr', '/x y']]],
    ['a newer SubmitLine with options', 'JobId=5 SubmitLine=sbatch --wrap=a=b -J x y.sh WorkDir=/w',
      [['JobId', '5'], ['SubmitLine', 'sbatch --wrap=a=b -J x y.sh'], ['WorkDir', '/w']]],
    ['an empty value', 'JobId=5 NodeList= NumNodes=1', [['JobId', '5'], ['NodeList', ''], ['NumNodes', '1']]],
    ['text before any key is kept', 'odd JobId=5', [['', 'odd'], ['JobId', '5']]],
  ];
  for (const [what, line, expected] of lines) {
    it(what, () => assert.deepStrictEqual(parseScontrolLine(line), expected));
  }

  it('(null) and N/A are no paths; an empty listing is no jobs', () => {
    const [d] = parseScontrolJobs('JobId=9 JobName= StdOut=(null) StdErr=N/A WorkDir=/w\n');
    assert.strictEqual(d.stdout, undefined);
    assert.strictEqual(d.stderr, undefined);
    assert.strictEqual(d.name, '');
    assert.deepStrictEqual(parseScontrolJobs('\n'), []);
  });
});
