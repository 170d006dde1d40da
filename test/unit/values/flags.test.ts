import { runValueTable } from './table';

describe('values: exclusive', () => {
  runValueTable('exclusive', 'exclusive', [
    { value: 'user', expect: 'ok' },
    { value: 'MCS', expect: 'ok' },
    { value: 'oversubscribe', expect: 'ok' },
    { value: 'topo', expect: 'error', version: '23.11' },
    { value: 'topo', expect: 'ok', version: '24.05' },
    { value: 'allocation', expect: 'ok', version: '26.05' },
    { value: 'allocation', expect: 'error', version: '25.11' },
    { value: '', expect: 'error' },
    { value: 'yes', expect: 'error' },
  ]);
});

describe('values: no-kill, yes-no, open-mode', () => {
  runValueTable('no-kill', 'no-kill', [
    { value: 'set', expect: 'ok' },
    { value: 'OFF', expect: 'ok' },
    { value: 'no', expect: 'ok' },
    { value: 'yes', expect: 'error' },
  ]);
  runValueTable('yes-no', 'kill-on-invalid-dep', [
    { value: 'yes', expect: 'ok', describe: /cancel the job/ },
    { value: 'NO', expect: 'ok' },
    { value: 'true', expect: 'error' },
  ]);
  runValueTable('open-mode', 'open-mode', [
    { value: 'append', expect: 'ok' },
    { value: 'truncate', expect: 'ok' },
    { value: 'apple', expect: 'warning', describe: 'append to existing output and error files' },
    { value: 'A', expect: 'warning' },
    { value: 'overwrite', expect: 'error' },
    { value: '', expect: 'error' },
  ]);
});

describe('values: requeue, get-user-env, oom-kill-step, power', () => {
  runValueTable('requeue', 'requeue', [
    { value: 'expedite', expect: 'ok' },
    { value: '', expect: 'ok' },
    { value: 'later', expect: 'warning', version: '25.11' },
    { value: 'later', expect: 'error', version: '26.05' },
  ]);
  runValueTable('get-user-env', 'get-user-env', [
    { value: '10', expect: 'ok', version: '24.11' },
    { value: '10L', expect: 'ok', version: '22.05' },
    { value: '10S', expect: 'ok', version: '22.05' },
    { value: '10x', expect: 'error', version: '22.05' },
    { value: '10Lx', expect: 'warning', version: '22.05' },
  ]);
  runValueTable('oom-kill-step', 'oom-kill-step', [
    { value: '0', expect: 'ok' },
    { value: '1', expect: 'ok' },
    { value: '2', expect: 'error' },
    { value: 'yes', expect: 'error' },
  ]);
  runValueTable('power', 'power', [
    { value: 'level', expect: 'ok' },
    { value: 'level,turbo', expect: 'warning' },
  ]);
});

describe('values: export, propagate', () => {
  runValueTable('export', 'export', [
    { value: 'ALL', expect: 'ok', describe: 'pass your whole submission environment to the job' },
    { value: 'none', expect: 'ok' },
    { value: 'NIL', expect: 'ok', version: '23.02' },
    { value: 'NIL', expect: 'warning', version: '22.05' },
    { value: 'FOO,BAR=1', expect: 'ok', describe: /only FOO and BAR \(set to 1\)/ },
    { value: 'ALL,OMP_NUM_THREADS=4', expect: 'ok' },
    { value: 'NONE,FOO', expect: 'ok', note: 'NONE is read as a variable name (info only)' },
    { value: 'A="x,y",B', expect: 'ok' },
    { value: 'MY-VAR=1', expect: 'warning' },
  ]);
  runValueTable('propagate', 'propagate', [
    { value: 'ALL', expect: 'ok' },
    { value: 'NONE', expect: 'ok' },
    { value: 'CORE,STACK', expect: 'ok', describe: 'carry only the CORE and STACK limits over to the job' },
    { value: 'RLIMIT_NOFILE', expect: 'ok' },
    { value: 'core', expect: 'error' },
    { value: 'all', expect: 'error' },
    { value: '', expect: 'warning' },
  ]);
});

describe('values: names, paths, patterns, node lists, constraints', () => {
  runValueTable('name', 'partition', [
    { value: 'nosuch', expect: 'ok', note: 'oracle 28: the name is the site\'s (a rule checks it against the cluster)' },
    { value: 'gpu', expect: 'ok', note: 'oracle 29' },
  ]);
  runValueTable('name', 'qos', [{ value: 'nosuchqos', expect: 'ok', note: 'oracle 33' }]);
  runValueTable('name', 'account', [{ value: 'nosuchacct', expect: 'ok', note: 'oracle 34' }]);
  runValueTable('string', 'job-name', [{ value: 'my job', expect: 'ok', note: 'oracle 42' }]);
  runValueTable('string', 'comment', [{ value: 'x # y', expect: 'ok', note: 'oracle 44' }]);
  runValueTable('path', 'chdir', [
    { value: '/scratch/me', expect: 'ok' },
    { value: '~/work', expect: 'warning' },
  ]);
  runValueTable('filename-pattern', 'output', [
    { value: '$HOME/out-%j.txt', expect: 'ok', note: 'oracle 45 (the unexpanded $HOME is a rule\'s concern)' },
    { value: '/nonexistent/dir/out.txt', expect: 'ok', note: 'oracle 40' },
    { value: 'slurm-%j.out', expect: 'ok', describe: "slurm-<job ID>.out (relative to the job's working directory)" },
    { value: '/logs/%x-%A_%a.out', expect: 'ok', describe: '/logs/<job name>-<array job ID>_<array task ID>.out' },
    { value: '%5j.out', expect: 'ok' },
    { value: '100%%.log', expect: 'ok' },
    { value: 'none', expect: 'ok', describe: 'discarded (/dev/null)' },
    { value: 'out-%q.txt', expect: 'warning' },
    { value: 'out-%b.txt', expect: 'warning', version: '24.05' },
    { value: 'out-%b.txt', expect: 'ok', version: '24.11' },
    { value: 'out-%r.txt', expect: 'ok', version: '25.11' },
    { value: 'out\\-%j.txt', expect: 'warning' },
    { value: 'out-%', expect: 'warning' },
    { value: '~/out.txt', expect: 'warning' },
  ]);
  runValueTable('hostlist', 'nodelist', [
    { value: 'node[01-04,07],gpu1', expect: 'ok', describe: 'include 6 nodes' },
    { value: 'rack[1-2]-n[1-4]', expect: 'ok', describe: 'include 8 nodes' },
    { value: 'n1 n2', expect: 'ok' },
    { value: 'n[3-1]', expect: 'error' },
    { value: 'n[a-b]', expect: 'error' },
    { value: 'n[1-2]x', expect: 'error' },
    { value: 'n[1--2]', expect: 'error' },
    { value: 'n[1-70000]', expect: 'error' },
    { value: './hosts.txt', expect: 'ok' },
  ]);
  runValueTable('constraint', 'constraint', [
    { value: 'avx512', expect: 'ok', note: 'oracle 30: the feature name is the site\'s' },
    { value: 'intel&gpu', expect: 'ok' },
    { value: 'intel,gpu', expect: 'ok' },
    { value: 'intel|amd', expect: 'ok', describe: 'nodes with the features intel or amd' },
    { value: '[rack1|rack2]', expect: 'ok' },
    { value: '[rack1*2&rack2*4]', expect: 'ok' },
    { value: '(a|b)&c', expect: 'ok' },
    { value: 'a&&b', expect: 'error' },
    { value: '&a', expect: 'error' },
    { value: 'a|', expect: 'ok', note: 'a trailing operator is ignored' },
    { value: '(a|b', expect: 'error' },
    { value: '[a|b]&[c|d]', expect: 'error' },
    { value: 'a*0', expect: 'error' },
    { value: 'a*2&b', expect: 'error', version: '23.02' },
    { value: 'a*2&b', expect: 'ok', version: '22.05' },
    { value: '(a)b', expect: 'error', version: '23.11' },
  ]);
  runValueTable('user', 'uid', [
    { value: 'alice', expect: 'warning' },
    { value: 'nobody', expect: 'error', version: '25.05' },
  ]);
});
