import { runValueTable } from './table';

describe('values: gres', () => {
  runValueTable('gres', 'gres', [
    { value: 'gpu:2', expect: 'ok', note: 'oracle 18', describe: '2 GPUs per node' },
    { value: 'gpu:3', expect: 'ok', note: 'oracle 19: accepted by sbatch; the lab nodes have 2' },
    { value: 'gpu:1', expect: 'ok', note: 'oracle 29' },
    { value: 'fpga:1', expect: 'warning', siteDependent: true, note: 'oracle 20: not in the lab GresTypes, refused by sbatch' },
    { value: 'fpga:1', expect: 'error', gresTypes: ['gpu'], version: '22.05', note: 'refused when GresTypes is known' },
    { value: 'fpga:1', expect: 'ok', gresTypes: ['gpu', 'fpga'] },
    { value: 'gpu:a100:2', expect: 'ok', describe: '2 GPUs of type a100 per node' },
    { value: 'gpu', expect: 'ok', describe: '1 GPU per node' },
    { value: 'gpu:2,mps:50', expect: 'ok' },
    { value: 'gpu:0', expect: 'ok' },
    { value: 'gpu:1k', expect: 'ok' },
    { value: 'none', expect: 'ok' },
    { value: 'gpu:', expect: 'error' },
    { value: 'gpu:tesla:', expect: 'error' },
    { value: 'gpu:a:b:c', expect: 'error' },
    { value: 'gpu:a100:x', expect: 'error' },
    { value: 'gpu::1', expect: 'error', version: '22.05' },
    { value: 'help', expect: 'error' },
    { value: 'gpu=2', expect: 'ok', version: '24.05' },
  ]);
});

describe('values: gpus', () => {
  runValueTable('gpus', 'gpus', [
    { value: '2', expect: 'ok', describe: '2 GPUs for the whole job' },
    { value: 'a100:2', expect: 'ok' },
    { value: '1', expect: 'ok', option: 'gpus-per-task', describe: '1 GPU per task' },
    { value: 'a:b:c', expect: 'error' },
    { value: 'a100:', expect: 'error' },
    { value: '2', expect: 'error', gresTypes: [], siteDependent: true },
  ]);
});

describe('values: gres-flags', () => {
  runValueTable('gres-flags', 'gres-flags', [
    { value: 'enforce-binding', expect: 'ok' },
    { value: 'Disable-Binding', expect: 'ok' },
    { value: 'disable-binding,enforce-binding', expect: 'error' },
    { value: 'one-task-per-sharing', expect: 'warning', version: '24.05', siteDependent: true },
    { value: 'one-task-per-sharing', expect: 'error', version: '23.02' },
    { value: 'allow-task-sharing', expect: 'error' },
    { value: 'foo', expect: 'error' },
  ]);
});

describe('values: tres-per-task', () => {
  runValueTable('tres-per-task', 'tres-per-task', [
    { value: 'cpu=2', expect: 'ok' },
    { value: 'gres/gpu=1', expect: 'ok' },
    { value: 'cpu=2,gres/gpu:a100=1', expect: 'ok' },
    { value: 'mem=4G', expect: 'error' },
    { value: 'cpu=2,node=1', expect: 'error' },
    { value: 'cpu', expect: 'warning' },
  ]);
});

describe('values: licenses', () => {
  runValueTable('licenses', 'licenses', [
    { value: 'matlab:2', expect: 'ok', describe: '2 matlab licenses' },
    { value: 'matlab:2,ansys', expect: 'ok', describe: '2 matlab licenses and 1 ansys license' },
    { value: 'matlab:x', expect: 'error' },
    { value: 'matlab:-1', expect: 'error' },
    { value: 'a|b', expect: 'ok', version: '25.05' },
    { value: 'a|b,c', expect: 'error', version: '25.05' },
    { value: 'a|b', expect: 'warning', version: '24.11', siteDependent: true },
    { value: 'matlab=2', expect: 'ok', version: '25.05' },
  ]);
});
