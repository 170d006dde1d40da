import * as assert from 'node:assert/strict';
import { parseMemoryToMiB } from '../../../server/src/slurm/values/memory';
import { runValueTable } from './table';

describe('values: memory', () => {
  runValueTable('memory', 'mem', [
    { value: '4GB', expect: 'ok', note: 'oracle 08', describe: '4 GiB (4096 MiB); Slurm reads GB as GiB (1024-based)' },
    { value: '4G', expect: 'ok', note: 'oracle 09', describe: '4 GiB (4096 MiB)' },
    { value: '4000', expect: 'ok', note: 'oracle 10', describe: /^4000 MiB \(about 3\.9 GiB\)/ },
    { value: '100T', expect: 'ok', note: 'oracle 11: accepted by sbatch; the controller refuses it for the lab nodes' },
    { value: '1G', expect: 'ok', note: 'oracle 12 (the clash with --mem-per-cpu is a rule)' },
    { value: '100M', expect: 'ok', option: 'mem-per-cpu', describe: '100 MiB' },
    { value: '4g', expect: 'ok' },
    { value: '4gb', expect: 'ok' },
    { value: '512K', expect: 'ok', describe: '512 KiB, rounded up to 1 MiB' },
    { value: '0', expect: 'ok', describe: "0: all of each node's memory" },
    { value: ' 4G', expect: 'ok' },
    { value: '+4G', expect: 'ok' },
    { value: '1.5G', expect: 'error' },
    { value: '4GiB', expect: 'error' },
    { value: '4 G', expect: 'error' },
    { value: '4P', expect: 'error' },
    { value: '-1', expect: 'error' },
    { value: 'abc', expect: 'error' },
    { value: '', expect: 'error' },
    { value: '4Gx', expect: 'error' },
  ]);
});

describe('parseMemoryToMiB', () => {
  const rows: [string, number | undefined][] = [['4G', 4096], ['4000', 4000], ['1K', 1], ['2T', 2097152], ['4GB', 4096], ['1.5G', undefined], ['0', 0]];
  for (const [value, mib] of rows) it(`${value} -> ${mib}`, () => assert.equal(parseMemoryToMiB(value), mib));
});

describe('values: mem-update (26.05+)', () => {
  runValueTable('mem-update', 'mem-update', [
    { value: '20@1:00:00', expect: 'ok', describe: /^1 hour after the job starts/ },
    { value: '10@30', expect: 'ok' },
    { value: '20', expect: 'error' },
    { value: '0@10', expect: 'error' },
    { value: '70000@10', expect: 'error' },
    { value: '20@0', expect: 'error' },
    { value: '20@UNLIMITED', expect: 'error' },
    { value: '20x@10', expect: 'error' },
  ]);
});
