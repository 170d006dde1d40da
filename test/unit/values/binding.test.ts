import { runValueTable } from './table';

describe('values: cpu-freq', () => {
  runValueTable('cpu-freq', 'cpu-freq', [
    { value: '2400000', expect: 'ok', describe: /2\.4 GHz/ },
    { value: 'low', expect: 'ok' },
    { value: 'highm1', expect: 'ok' },
    { value: 'performance', expect: 'ok', describe: 'use the performance governor' },
    { value: 'low-high:ondemand', expect: 'ok', describe: 'CPU frequency between the lowest frequency and the highest frequency, ondemand governor' },
    { value: 'low-high', expect: 'ok', version: '22.05' },
    { value: 'low-high', expect: 'warning', version: '23.11', siteDependent: true },
    { value: 'powersave', expect: 'warning', siteDependent: true },
    { value: '2000000:userspace', expect: 'error', version: '22.05' },
    { value: '2000000:userspace', expect: 'ok', version: '23.11' },
    { value: '1000000-2000000:userspace', expect: 'error', version: '23.11' },
    { value: '1000000-2000000:userspace', expect: 'ok', version: '22.05' },
    { value: '2400MHz', expect: 'warning', version: '22.05' },
    { value: '2400MHz', expect: 'error', version: '23.11' },
    { value: 'high-low:performance', expect: 'error' },
    { value: 'performance:ondemand', expect: 'error' },
    { value: '0', expect: 'error' },
    { value: 'fast', expect: 'error' },
    { value: 'low-high:turbo', expect: 'error' },
  ]);
});

describe('values: gpu-freq', () => {
  runValueTable('gpu-freq', 'gpu-freq', [
    { value: 'high', expect: 'ok', describe: 'GPU clock at its highest' },
    { value: '1500,memory=5000,verbose', expect: 'ok' },
    { value: 'memory=high', expect: 'ok' },
    { value: 'High', expect: 'error' },
    { value: 'speed=5', expect: 'error' },
    { value: '-5', expect: 'error' },
    { value: '', expect: 'error' },
  ]);
});

describe('values: distribution', () => {
  runValueTable('distribution', 'distribution', [
    { value: 'block', expect: 'ok' },
    { value: 'cyclic:block', expect: 'ok', describe: /across sockets in blocks/ },
    { value: 'block:cyclic:fcyclic', expect: 'ok' },
    { value: '*:*:*', expect: 'ok' },
    { value: 'CYCLIC', expect: 'ok' },
    { value: 'plane=4', expect: 'ok', describe: 'tasks dealt to nodes in blocks of 4' },
    { value: 'arbitrary', expect: 'ok' },
    { value: 'block,nopack', expect: 'ok' },
    { value: 'pack', expect: 'ok' },
    { value: 'plane', expect: 'error' },
    { value: 'plane=0', expect: 'error' },
    { value: 'plane=4,pack', expect: 'error' },
    { value: 'fcyclic', expect: 'error' },
    { value: 'arbitrary:cyclic', expect: 'error' },
    { value: 'block:block:block:block', expect: 'error' },
    { value: 'block,fast', expect: 'error' },
    { value: 'spread', expect: 'error' },
    { value: ',pack', expect: 'error' },
  ]);
});

describe('values: hint', () => {
  runValueTable('hint', 'hint', [
    { value: 'compute_bound', expect: 'ok' },
    { value: 'nomultithread', expect: 'ok', describe: /no hyper-threads/ },
    { value: 'Memory_Bound', expect: 'ok' },
    { value: 'compute_bound,nomultithread', expect: 'ok' },
    { value: 'multithread,nomultithread', expect: 'warning' },
    { value: 'help', expect: 'error' },
    { value: 'fast', expect: 'error' },
    { value: 'compute_bound,', expect: 'error' },
    { value: 'constructor', expect: 'error' },
  ]);
});

describe('values: mem-bind', () => {
  runValueTable('mem-bind', 'mem-bind', [
    { value: 'local', expect: 'ok' },
    { value: 'verbose,rank', expect: 'ok' },
    { value: 'v,none', expect: 'ok' },
    { value: 'map_mem:0,1', expect: 'ok' },
    { value: 'mask_mem:0x1,0x2', expect: 'ok' },
    { value: 'map_mem:0*4,1*4', expect: 'ok' },
    { value: 'map_mem:', expect: 'error' },
    { value: 'map_mem:a', expect: 'error' },
    { value: 'mask_mem:0xg', expect: 'error' },
    { value: 'help', expect: 'error' },
    { value: 'fast', expect: 'error' },
    { value: 'constructor', expect: 'error' },
    { value: 'sort', expect: 'ok', version: '25.05' },
    { value: 'sort', expect: 'error', version: '25.11' },
  ]);
});

describe('values: gpu-bind', () => {
  runValueTable('gpu-bind', 'gpu-bind', [
    { value: 'closest', expect: 'ok', describe: 'bind each task to the GPUs closest to its CPUs' },
    { value: 'verbose,closest', expect: 'ok' },
    { value: 'none', expect: 'ok' },
    { value: 'map_gpu:0,1', expect: 'ok' },
    { value: 'mask_gpu:0x3,0xc', expect: 'ok' },
    { value: 'per_task:2', expect: 'ok' },
    { value: 'single:1', expect: 'ok' },
    { value: 'map_gpu:a', expect: 'error' },
    { value: 'foo', expect: 'error' },
    { value: 'c', expect: 'ok', version: '22.05', note: 'first letter was enough before 23.11' },
    { value: 'c', expect: 'error', version: '23.11' },
    { value: 'map:0,1', expect: 'error', version: '23.02' },
    { value: 'map:0,1', expect: 'warning', version: '24.05' },
    { value: 'map:0,1', expect: 'ok', version: '26.05' },
  ]);
});

describe('values: tres-bind', () => {
  runValueTable('tres-bind', 'tres-bind', [
    { value: 'gres/gpu:closest', expect: 'ok' },
    { value: 'gres/gpu:single:2+gres/nic:closest', expect: 'ok' },
    { value: 'gres/shard:per_task:1', expect: 'ok' },
    { value: 'gres/shard:closest', expect: 'error' },
    { value: 'gpu:closest', expect: 'error' },
    { value: 'gres/gpu', expect: 'error' },
  ]);
});

describe('values: acctg-freq', () => {
  runValueTable('acctg-freq', 'acctg-freq', [
    { value: '30', expect: 'ok', describe: 'task sampling every 30 s' },
    { value: 'task=30,energy=60', expect: 'ok', describe: 'task sampling every 30 s and energy sampling every 60 s' },
    { value: 'network=0', expect: 'ok' },
    { value: 'foo=10', expect: 'error' },
    { value: 'energy=x', expect: 'error' },
    { value: '10abc', expect: 'warning' },
  ]);
});

describe('values: profile', () => {
  runValueTable('profile', 'profile', [
    { value: 'none', expect: 'ok' },
    { value: 'all', expect: 'ok' },
    { value: 'task,energy', expect: 'ok', describe: 'profile energy and task data' },
    { value: 'gpu', expect: 'error' },
    { value: 'task,foo', expect: 'warning' },
    { value: 'none,task', expect: 'warning' },
  ]);
});
