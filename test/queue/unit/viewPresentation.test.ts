/**
 * The pure parts of the queue view (client/src/queue/view): how a job is shown (label,
 * description, actions, tooltip, counts), the filter, the details text, the sshHosts setting and
 * the end-of-job line. Jobs come from squeue records through the real parser.
 */
import * as assert from 'assert';
import { parseSqueue } from '../../../client/src/queue/squeue';
import type { FinishedJob, Job, JobDetails } from '../../../client/src/queue/types';
import { renderDetails } from '../../../client/src/queue/view/detailsText';
import { describeExitCode, summarizeEnd } from '../../../client/src/queue/view/endSummary';
import { applyFilter, describeFilter, isEmptyFilter, matchesFilter } from '../../../client/src/queue/view/filter';
import {
  arrayTaskSummary, countByState, escapeMarkdown, isHeld, jobActions, jobDescription, jobLabel, jobTooltipMarkdown, taskCount, unionActions,
} from '../../../client/src/queue/view/presentation';
import { parseSshHosts } from '../../../client/src/queue/view/sshHosts';
import { record } from '../support/records';

/** One Job parsed from a squeue record with these fields (defaults: a running job). */
function job(values: Partial<Record<string, string>>): Job {
  const jobs = parseSqueue(record(values), 'hpc').jobs;
  assert.strictEqual(jobs.length, 1);
  return jobs[0];
}

const running = job({ jobid: '10', jobid_raw: '10', name: 'align', time_used: '5:00', time_limit: '1:00:00', nodelist: 'n[01-02]' });
const pending = job({ jobid: '11', jobid_raw: '11', name: 'call', state: 'PENDING', reason: 'Dependency', nodelist: '', time_used: '0:00' });
const held = job({ jobid: '12', jobid_raw: '12', name: 'train', state: 'PENDING', reason: 'JobHeldUser', nodelist: '' });
const requeueHold = job({ jobid: '13', jobid_raw: '13', state: 'REQUEUE_HOLD', reason: 'launch failed requeued held', nodelist: '' });
const arrayRest = job({ jobid: '20_[3-11%3]', jobid_raw: '20', array_job_id: '20', array_task_id: '3-11%3', state: 'PENDING', reason: 'JobArrayTaskLimit', nodelist: '', name: 'sweep' });
const task0 = job({ jobid: '20_0', jobid_raw: '21', array_job_id: '20', array_task_id: '0', name: 'sweep' });
const task1 = job({ jobid: '20_1', jobid_raw: '22', array_job_id: '20', array_task_id: '1', name: 'sweep' });
const task2 = job({ jobid: '20_2', jobid_raw: '23', array_job_id: '20', array_task_id: '2', name: 'sweep' });
const task7 = job({ jobid: '20_7', jobid_raw: '28', array_job_id: '20', array_task_id: '7', name: 'sweep' });

describe('queue view/presentation', () => {
  const descriptions: [string, Job, string][] = [
    ['running: state · elapsed / limit · nodes', running, 'RUNNING · 5:00 / 1:00:00 · n[01-02]'],
    ['pending: state · reason', pending, 'PENDING · Dependency'],
    ['held', held, 'PENDING · JobHeldUser'],
    ['array rest', arrayRest, 'PENDING · JobArrayTaskLimit'],
  ];
  for (const [what, j, expected] of descriptions) it(`description, ${what}`, () => assert.strictEqual(jobDescription(j), expected));

  it('an unlimited time limit shows only the elapsed time', () => {
    assert.strictEqual(jobDescription(job({ time_limit: 'UNLIMITED', time_used: '2:00', nodelist: 'n1' })), 'RUNNING · 2:00 · n1');
  });

  it('label is id and name', () => assert.strictEqual(jobLabel(arrayRest), '20_[3-11%3]  sweep'));

  const actions: [string, Job, string[], boolean][] = [
    ['running', running, ['cancellable', 'requeueable'], false],
    ['pending', pending, ['cancellable', 'holdable'], false],
    ['held by its user', held, ['cancellable', 'releasable'], true],
    ['requeued and held', requeueHold, ['cancellable', 'releasable'], true],
    ['array rest', arrayRest, ['cancellable', 'holdable'], false],
  ];
  for (const [what, j, expected, heldExpected] of actions) {
    it(`actions, ${what}`, () => {
      assert.deepStrictEqual(jobActions(j), expected);
      assert.strictEqual(isHeld(j), heldExpected);
    });
  }
  it('an array node offers what any of its records allows', () => {
    assert.deepStrictEqual(unionActions([task0, arrayRest]), ['cancellable', 'holdable', 'requeueable']);
  });

  const counts: [string, number][] = [['[3-11%3]', 9], ['[5-9,12,20-30:5%2]', 9], ['[1]', 1], ['7', 1], ['[x]', 1]];
  for (const [task, expected] of counts) {
    it(`task count of ${task}`, () => assert.strictEqual(taskCount({ ...arrayRest, arrayTaskId: task }), expected));
  }
  it('status counts: array rests count their tasks; finished states are not counted', () => {
    const cancelled = job({ state: 'CANCELLED' });
    assert.deepStrictEqual(countByState([running, pending, held, arrayRest, task0, cancelled]), { running: 2, pending: 11 });
  });

  it('array labels summarise the task ids of the node', () => {
    assert.strictEqual(arrayTaskSummary([task2, task0, task1, task7]), '0-2,7');
    assert.strictEqual(arrayTaskSummary([arrayRest]), '3-11%3');
    assert.strictEqual(arrayTaskSummary([task7, arrayRest]), '7,3-11%3');
  });

  it('tooltip: reason explained, every column shown, job text escaped', () => {
    const crafted = job({ jobid: '12', jobid_raw: '12', state: 'PENDING', reason: 'JobHeldUser', nodelist: '', name: '[x](command:evil) *$(id)*' });
    const md = jobTooltipMarkdown(crafted);
    assert.match(md, /\*\*Why it waits:\*\* Held by its owner/);
    assert.ok(md.includes('\\[x\\]\\(command:evil\\) \\*$\\(id\\)\\*'), md);
    assert.ok(!md.includes('[x](command:evil)'), md);
    for (const label of ['| Partition | debug |', '| QOS | normal |', '| Priority | 1000 |', '| Working directory | /home/alice |']) {
      assert.ok(md.includes(label), `${label} in\n${md}`);
    }
  });

  it('escapeMarkdown leaves no markup character unescaped', () => {
    assert.strictEqual(escapeMarkdown('a_b*c`d|e<f>\nnext'), 'a\\_b\\*c\\`d\\|e\\<f\\> next');
  });
});

describe('queue view/filter', () => {
  const jobs = [running, pending, held, arrayRest];
  const cases: [string, Parameters<typeof matchesFilter>[1], string[]][] = [
    ['empty', {}, ['10', '11', '12', '20_[3-11%3]']],
    ['name, any case, part of it', { name: 'ALI' }, ['10']],
    ['state', { state: 'PENDING' }, ['11', '12', '20_[3-11%3]']],
    ['partition and name', { partition: 'debug', name: 'sw' }, ['20_[3-11%3]']],
    ['no match', { partition: 'gpu' }, []],
  ];
  for (const [what, filter, ids] of cases) {
    it(`filter: ${what}`, () => assert.deepStrictEqual(applyFilter(jobs, filter).map((j) => j.id), ids));
  }
  it('a job listed in several partitions matches any of them', () => {
    assert.strictEqual(matchesFilter(job({ partition: 'short,long' }), { partition: 'long' }), true);
  });
  it('describes itself', () => {
    assert.strictEqual(describeFilter({ name: 'a', partition: 'gpu', state: 'RUNNING' }), 'name~"a" · partition=gpu · state=RUNNING');
    assert.strictEqual(isEmptyFilter({ name: '' }), true);
  });
});

describe('queue view/details text', () => {
  const details: JobDetails = {
    id: '12', name: 'train', state: 'PENDING',
    fields: [['JobId', '12'], ['JobName', 'train'], ['JobState', 'PENDING'], ['Reason', 'JobHeldUser'], ['Account', '(null)'],
      ['RunTime', '00:00:00'], ['NumCPUs', '4'], ['StdOut', '/home/a/slurm-12.out'], ['FutureKey', 'x y']],
  };
  const text = renderDetails(details, 'hpc', new Date(0));
  it('sections in order, keys aligned, the reason explained, unset keys listed', () => {
    const lines = text.split('\n');
    assert.strictEqual(lines[0], 'Job 12 (train) on hpc');
    assert.ok(lines.includes('Why: Held by its owner: release it to let it be scheduled.'), text);
    const sections = lines.slice(1).filter((l) => /^[A-Z][a-z]+$/.test(l) && l !== 'Not set');
    assert.deepStrictEqual(sections, ['Job', 'State', 'Time', 'Resources', 'Files', 'Other']);
    assert.ok(lines.includes('  JobId:   12') && lines.includes('  JobName: train'), text);
    assert.ok(lines.includes('  FutureKey: x y'), text);
    assert.strictEqual(lines[lines.indexOf('Not set') + 1], '  Account');
  });
});

describe('queue view/sshHosts setting', () => {
  it('strings and objects become ssh clusters; bad and duplicate entries are reported', () => {
    const { clusters, problems } = parseSshHosts(['login1', { host: 'me@hpc.example.org', name: 'big', sshOptions: ['ConnectTimeout=5', 3] },
      '-oProxyCommand=x', 'two words', { name: 'nohost' }, 'login1', 'local', 42]);
    assert.deepStrictEqual(clusters, [
      { kind: 'ssh', name: 'login1', host: 'login1' },
      { kind: 'ssh', name: 'big', host: 'me@hpc.example.org', sshOptions: ['ConnectTimeout=5'] },
    ]);
    assert.strictEqual(problems.length, 6, problems.join('\n'));
  });
  it('anything but an array is no host', () => assert.deepStrictEqual(parseSshHosts('login1'), { clusters: [], problems: [] }));
});

describe('queue view/end of a followed job', () => {
  const rec = (id: string, state: string, exitCode: string): FinishedJob => ({ cluster: 'hpc', id, name: 'x', state, exitCode, elapsed: '0:01', raw: {} });
  const cases: [string, FinishedJob[], string, boolean][] = [
    ['success', [rec('5', 'COMPLETED', '0:0')], 'COMPLETED, exit code 0', true],
    ['exit 3', [rec('5', 'FAILED', '3:0')], 'FAILED, exit code 3', false],
    ['signal', [rec('5', 'CANCELLED by 1001', '0:15')], 'CANCELLED, exit code 0, signal 15', false],
    ['array', [rec('5_0', 'COMPLETED', '0:0'), rec('5_1', 'FAILED', '2:0'), rec('5_2', 'COMPLETED', '0:0')],
      '3 tasks: 2 COMPLETED, 1 FAILED (e.g. 5_1: exit code 2)', false],
  ];
  for (const [what, records, text, ok] of cases) it(what, () => assert.deepStrictEqual(summarizeEnd(records), { text, ok }));
  it('describes odd exit codes', () => assert.strictEqual(describeExitCode(''), 'exit code ?'));
});
