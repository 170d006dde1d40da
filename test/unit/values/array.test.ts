import * as assert from 'node:assert/strict';
import { parseArraySpec } from '../../../server/src/slurm/values/array';
import { runValueTable } from './table';

describe('values: array', () => {
  runValueTable('array', 'array', [
    { value: '1-10:0', expect: 'error', note: 'oracle 14: step 0' },
    { value: '1-10%2', expect: 'ok', note: 'oracle 15', describe: '10 tasks (indices 1–10), at most 2 at once' },
    { value: '1-20000', expect: 'warning', siteDependent: true, note: 'oracle 16: over the default MaxArraySize' },
    { value: '1-20000', expect: 'ok', maxArraySize: 20001 },
    { value: '0-10001', expect: 'error', maxArraySize: 10001, maxArraySizeKnown: true, siteDependent: true, note: 'corpus 094: the site limit is known' },
    { value: '0-10000', expect: 'ok', maxArraySize: 10001, maxArraySizeKnown: true },
    { value: 'a-b', expect: 'error', note: 'oracle 17' },
    { value: '0-99%8', expect: 'ok', describe: '100 tasks (indices 0–99), at most 8 at once' },
    { value: '1-10:2', expect: 'ok', describe: '5 tasks (1, 3, 5, 7, 9)' },
    { value: '1,3,5', expect: 'ok', describe: '3 tasks (1, 3, 5)' },
    { value: '7', expect: 'ok', describe: '1 task (index 7)' },
    { value: '0-999:3', expect: 'ok', describe: '334 tasks (indices 0–999 in steps of 3)' },
    { value: '[1-5]', expect: 'ok' },
    { value: '1-1000', expect: 'ok' },
    { value: '1-1001', expect: 'warning', siteDependent: true },
    { value: '1-10', expect: 'warning', maxArraySize: 0, siteDependent: true },
    { value: '1-5:2000', expect: 'warning', siteDependent: true },
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
