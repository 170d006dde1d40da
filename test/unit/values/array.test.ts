import * as assert from 'node:assert/strict';
import { arrayLimitProblem, parseArraySpec } from '../../../server/src/slurm/values/array';
import { runValueTable } from './table';

describe('values: array', () => {
  runValueTable('array', 'array', [
    { value: '1-10:0', expect: 'error', note: 'oracle 14: step 0' },
    { value: '1-10%2', expect: 'ok', note: 'oracle 15', describe: '10 tasks (indices 1–10), at most 2 at once' },
    { value: '1-20000', expect: 'ok', siteDependent: false, note: 'oracle 16: MaxArraySize is the array/too-large rule\'s, not the grammar\'s' },
    { value: '0-10001', expect: 'ok', maxArraySize: 10001, maxArraySizeKnown: true, note: 'corpus 094: the limit is checked by array/too-large' },
    { value: 'a-b', expect: 'error', note: 'oracle 17' },
    { value: '0-99%8', expect: 'ok', describe: '100 tasks (indices 0–99), at most 8 at once' },
    { value: '1-10:2', expect: 'ok', describe: '5 tasks (1, 3, 5, 7, 9)' },
    { value: '1,3,5', expect: 'ok', describe: '3 tasks (1, 3, 5)' },
    { value: '7', expect: 'ok', describe: '1 task (index 7)' },
    { value: '0-999:3', expect: 'ok', describe: '334 tasks (indices 0–999 in steps of 3)' },
    { value: '[1-5]', expect: 'ok' },
    { value: '1-1000', expect: 'ok' },
    { value: '1-1001', expect: 'ok' },
    { value: '1-10', expect: 'ok', maxArraySize: 0 },
    { value: '1-5:2000', expect: 'ok' },
    { value: '5-1', expect: 'error' },
    { value: '-1', expect: 'error' },
    { value: '1-', expect: 'error' },
    { value: '1-5:', expect: 'error' },
    { value: '1-5x', expect: 'error' },
    { value: '1 - 5', expect: 'error' },
    { value: '1-10%abc', expect: 'warning' },
    { value: '1-10%0', expect: 'warning' },
    { value: '1-5%2,7-9%3', expect: 'warning' },
    { value: '%4', expect: 'warning' },
    { value: ',', expect: 'warning' },
    { value: '', expect: 'ok' },
  ]);
});

describe('parseArraySpec', () => {
  it('reads counts, bounds and throttle', () => {
    const spec = parseArraySpec('0-99%8');
    assert.ok(spec);
    assert.equal(spec.count, 100);
    assert.equal(spec.minIndex, 0);
    assert.equal(spec.maxIndex, 99);
    assert.equal(spec.throttle, 8);
  });
  it('uses the last index the step reaches', () => {
    assert.equal(parseArraySpec('1-10:4')?.maxIndex, 9);
    assert.deepEqual(parseArraySpec('1-10:4')?.indices, [1, 5, 9]);
  });
  it('counts overlapping items once', () => {
    assert.equal(parseArraySpec('1-5,3-7')?.count, 7);
    assert.equal(parseArraySpec('0-199999,100000-299999')?.count, 300000);
  });
  it('refuses what the controller refuses whatever the site', () => {
    assert.equal(parseArraySpec('a-b'), undefined);
    assert.equal(parseArraySpec('1-10:0'), undefined);
  });
  it('ignores MaxArraySize', () => assert.equal(parseArraySpec('1-20000')?.maxIndex, 20000));
});

describe('arrayLimitProblem (MaxArraySize, for array/too-large)', () => {
  const cases: { value: string; limit: number; known?: boolean; kind?: string; text?: string }[] = [
    { value: '1-20000', limit: 1001, kind: 'index', text: 'default 1001' },
    { value: '1-20000', limit: 20001 },
    { value: '0-10001', limit: 10001, known: true, kind: 'index', text: "the cluster's MaxArraySize (10001)" },
    { value: '0-10000', limit: 10001, known: true },
    { value: '1-1000', limit: 1001 },
    { value: '1-1001', limit: 1001, kind: 'index' },
    { value: '1-10', limit: 0, kind: 'disabled' },
    { value: '1-5:2000', limit: 1001, kind: 'step' },
    { value: ',', limit: 0 },
  ];
  for (const c of cases) {
    it(`${c.value} against ${c.limit}${c.known ? ' (known)' : ''} -> ${c.kind ?? 'fits'}`, () => {
      const spec = parseArraySpec(c.value);
      assert.ok(spec);
      const problem = arrayLimitProblem(spec, c.limit, c.known === true);
      assert.equal(problem?.kind, c.kind);
      if (c.text) assert.ok(problem?.message.includes(c.text), problem?.message);
    });
  }
});
