import * as assert from 'node:assert/strict';
import { parseNodeRange } from '../../../server/src/slurm/values/counts';
import { runValueTable } from './table';

describe('values: count (> 0)', () => {
  runValueTable('count', 'cpus-per-task', [
    { value: '0', expect: 'error', note: 'oracle 21' },
    { value: '3', expect: 'ok', note: 'oracle 22: accepted by sbatch' },
    { value: '0', expect: 'error', option: 'ntasks', note: 'oracle 35' },
    { value: '2', expect: 'ok', option: 'ntasks', note: 'oracle 36 (-n 2)' },
    { value: '-1', expect: 'error' },
    { value: '4x', expect: 'error' },
    { value: 'four', expect: 'error' },
    { value: '', expect: 'error' },
    { value: ' 4', expect: 'ok' },
    { value: '+4', expect: 'ok' },
    { value: '2147483647', expect: 'error', version: '23.02' },
    { value: '2147483647', expect: 'warning', version: '22.05' },
    { value: '99999999999999999999', expect: 'error' },
  ]);
});

describe('values: count-or-zero (>= 0)', () => {
  runValueTable('count-or-zero', 'core-spec', [
    { value: '0', expect: 'ok' },
    { value: '3', expect: 'ok' },
    { value: '-1', expect: 'error' },
    { value: '1.5', expect: 'error' },
  ]);
});

describe('values: zero-or-one (--wait-all-nodes)', () => {
  runValueTable('zero-or-one', 'wait-all-nodes', [
    { value: '0', expect: 'ok' },
    { value: '1', expect: 'ok', describe: /every allocated node is ready/ },
    { value: '2', expect: 'error' },
    { value: '65537', expect: 'warning' },
    { value: 'yes', expect: 'error' },
  ]);
});

describe('values: uint16 (--segment)', () => {
  runValueTable('uint16', 'segment', [
    { value: '0', expect: 'ok' },
    { value: '65533', expect: 'ok' },
    { value: '65534', expect: 'error' },
    { value: '-1', expect: 'error' },
    { value: '4a', expect: 'error' },
  ]);
});

describe('values: nodes', () => {
  runValueTable('nodes', 'nodes', [
    { value: '2-1', expect: 'error', note: 'oracle 23' },
    { value: '2', expect: 'ok', note: 'oracle 24: accepted by sbatch', describe: 'exactly 2 nodes' },
    { value: '1', expect: 'ok', note: 'oracle 36 (-N 1)', describe: 'exactly 1 node' },
    { value: '2-4', expect: 'ok', describe: 'at least 2, at most 4 nodes' },
    { value: '-4', expect: 'ok', describe: 'at least 1, at most 4 nodes' },
    { value: '2-', expect: 'error' },
    { value: '2-0', expect: 'ok', describe: 'at least 2 nodes' },
    { value: '2k', expect: 'ok', describe: 'exactly 2048 nodes' },
    { value: 'a', expect: 'error' },
    { value: '2x', expect: 'error' },
    { value: '1,4,8', expect: 'ok', version: '23.02', describe: '1, 4 or 8 nodes' },
    { value: '1,4,8', expect: 'error', version: '22.05' },
    { value: '2-10:2', expect: 'warning', version: '24.11', note: 'Slurm leaves the end of a stepped range out' },
    { value: '2-9:2', expect: 'ok', version: '24.11', describe: '2, 4, 6 or 8 nodes' },
    { value: '1,20000', expect: 'error', version: '24.11' },
    { value: '1,20000', expect: 'ok', version: '24.05' },
    { value: '1,2k', expect: 'error', version: '24.11' },
    { value: '1,2-10:2', expect: 'error', version: '24.11' },
  ]);
  it('parseNodeRange reads min and max', () => {
    assert.deepEqual(parseNodeRange('2-4'), { min: 2, max: 4 });
    assert.equal(parseNodeRange('2-1'), undefined);
  });
});

describe('values: socket-core-thread (-B)', () => {
  runValueTable('socket-core-thread', 'extra-node-info', [
    { value: '2:8:1', expect: 'ok', describe: /at least 2 sockets per node/ },
    { value: '*:*:2', expect: 'ok' },
    { value: '2-4', expect: 'ok' },
    { value: ':4', expect: 'ok' },
    { value: 'a', expect: 'error' },
    { value: '2:x', expect: 'error' },
    { value: '1-0', expect: 'error' },
    { value: '2:8:1:9', expect: 'warning' },
  ]);
});

describe('values: switches', () => {
  runValueTable('switches', 'switches', [
    { value: '1', expect: 'ok', describe: 'at most 1 leaf switch' },
    { value: '2@1:00:00', expect: 'ok', describe: 'at most 2 leaf switches, waiting up to 1 hour for that' },
    { value: '0', expect: 'error' },
    { value: '1@soon', expect: 'warning' },
  ]);
});

describe('values: nice', () => {
  runValueTable('nice', 'nice', [
    { value: '100', expect: 'ok', describe: "lower the job's priority by 100" },
    { value: '0', expect: 'ok' },
    { value: '-5', expect: 'warning', siteDependent: true },
    { value: '10abc', expect: 'warning', note: 'trailing text ignored' },
    { value: 'abc', expect: 'warning' },
    { value: '2147483646', expect: 'error' },
  ]);
});

describe('values: priority', () => {
  runValueTable('priority', 'priority', [
    { value: 'TOP', expect: 'warning', siteDependent: true },
    { value: 'top', expect: 'warning', siteDependent: true },
    { value: '100', expect: 'warning', siteDependent: true },
    { value: '-1', expect: 'error' },
    { value: '4294967294', expect: 'error' },
  ]);
});
