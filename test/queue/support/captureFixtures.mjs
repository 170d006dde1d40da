#!/usr/bin/env node
// Captures real squeue / sacct / scontrol output of the running test cluster (Slurm 22.05) into
// test/queue/fixtures/slurm-22.05/, using EXACTLY the argv the queue model runs (built by the
// compiled out/client/src/queue/*.js; run `npx tsc -b` first). Run as root: it submits a small
// mix of jobs as the test user (running, held, begin-time, throttled array, a failed job, odd
// names, an unsatisfiable dependency, a GPU job, a heterogeneous job), waits until they are in
// the wanted states, captures, and cancels them again.
//
//   node test/queue/support/captureFixtures.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const { squeueArgv } = await import(path.join(root, 'out/client/src/queue/squeue.js'));
const { sacctArgv } = await import(path.join(root, 'out/client/src/queue/sacct.js'));
const env = Object.fromEntries(fs.readFileSync('/tmp/hpcw-slurm-lab/cluster.env', 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const user = env.SLURM_TEST_USER;
const work = env.SLURM_WORK_DIR;
const out = path.join(root, 'test/queue/fixtures/slurm-22.05');
fs.mkdirSync(out, { recursive: true });

const asUser = (argv, input) => {
  const r = spawnSync('runuser', ['-u', user, '--', ...argv], { cwd: work, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.status} ${r.stderr}`);
  return r.stdout;
};
const sbatch = (...args) => asUser(['sbatch', '--parsable', ...args]).trim().split(';')[0];
const script = path.join(work, 'qfix-job.sh');
fs.writeFileSync(script, '#!/bin/bash\necho "started $SLURM_JOB_ID"\nsleep ${1:-600}\n');
execFileSync('chown', [user, script]);

const ids = [];
ids.push(sbatch('-J', 'qfix-running', '-t', '10', script));
ids.push(sbatch('-J', 'qfix-held', '--hold', '-t', '10', script));
ids.push(sbatch('-J', "qfix weird|name ünï 'q' $(id) `x`", '-t', '10', '--begin=now+1hour', script));
ids.push(sbatch('-J', 'qfix-array', '--array=0-9%2', '-t', '10', '-o', 'qfix-%A_%a.out', script));
const failed = sbatch('-J', 'qfix-exit3', '-t', '5', '--wrap', 'echo bye; exit 3');
ids.push(sbatch('-J', '', '-t', '5', '--hold', '--wrap', 'true'));
ids.push(sbatch('-J', 'qfix-sep\x1fin-name', '-t', '5', '--hold', '--wrap', 'true'));
ids.push(sbatch('-J', 'qfix-timelimit', '-p', 'debug', '-t', '3:00:00', '--wrap', 'true'));
ids.push(sbatch('-J', 'qfix-gpu', '-p', 'gpu', '--gres=gpu:1', '-t', '10', '--hold', script));
ids.push(asUser(['sbatch', '--parsable', '-J', 'qfix-het', '-t', '10', '--hold', '-n1', ':', '-n1', script]).trim());

const until = (what, test) => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (test()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    spawnSync('sleep', ['0.5']);
  }
};
const stateOf = (id) => asUser(['squeue', '--noheader', '-j', id, '-o', '%T']).trim();
until('exit-3 job to end', () => asUser(['squeue', '--noheader', '-j', failed, '-o', '%T']).trim() === '');
ids.push(sbatch('-J', 'qfix-never', '-t', '5', `--dependency=afterok:${failed}`, '--wrap', 'true'));
until('running job', () => stateOf(ids[0]) === 'RUNNING');
until('two array tasks running', () => asUser(['squeue', '--noheader', '-j', ids[3], '-o', '%T']).split('\n').filter((s) => s === 'RUNNING').length === 2);
until('dependency never satisfied', () => asUser(['squeue', '--noheader', '-j', ids.at(-1), '-o', '%r']).trim() === 'DependencyNeverSatisfied');

const save = (file, text, argv) => {
  fs.writeFileSync(path.join(out, file), text);
  if (argv) fs.writeFileSync(path.join(out, `${file}.argv.json`), JSON.stringify(argv, null, 2) + '\n');
};
try {
  const sq = squeueArgv({ me: true });
  save('squeue-me.txt', asUser(sq), sq);
  const sqAll = squeueArgv({ me: false, states: ['PENDING'] });
  save('squeue-pending.txt', asUser(sqAll), sqAll);
  const sa = sacctArgv({ sinceHours: 1, jobIds: [failed, ids[0], ids[3]] });
  save('sacct.txt', asUser(sa), sa);
  const sc = (id) => ['scontrol', '-o', 'show', 'job', id];
  save('scontrol-running.txt', asUser(sc(ids[0])), sc(ids[0]));
  save('scontrol-array.txt', asUser(sc(ids[3])), sc(ids[3]));
  save('scontrol-weird-name.txt', asUser(sc(ids[2])), sc(ids[2]));
  save('scontrol-het.txt', asUser(sc(ids.at(-2))), sc(ids.at(-2)));
  save('scontrol-dependency.txt', asUser(sc(ids.at(-1))), sc(ids.at(-1)));
  save('README.md', `Captured from the project's test cluster (Slurm ${env.SLURM_VERSION}) by test/queue/support/captureFixtures.mjs\n` +
    `on ${new Date().toISOString().slice(0, 10)}. Each *.txt is the exact stdout of the argv in the matching *.argv.json,\n` +
    'run as the unprivileged test user. Separators: 0x1e before each squeue record, 0x1f between fields.\n');
  console.log(`captured into ${path.relative(root, out)}: jobs ${ids.join(' ')} ${failed}`);
} finally {
  asUser(['scancel', ...ids.map((id) => id.split(';')[0])]);
}
