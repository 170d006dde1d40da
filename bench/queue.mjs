// Queue panel benchmark (issue 5): how long the queue model takes to
//   1. parse a 10,000-job squeue listing (and group it for the tree), in process;
//   2. refresh 2,000 jobs over SSH with a warm multiplexed connection, against the real test
//      cluster (scripts/test-cluster.sh): one array of 2,000 held tasks is submitted, measured,
//      and cancelled again.
// Targets from the issue: parse 10k < 100 ms; 2k refresh over SSH < 300 ms warm.
// Needs `npx tsc -b` first (uses out/client/src/queue). Part 2 is skipped without a cluster.
//
//   node bench/queue.mjs            BENCH_QUEUE_RUNS=15 (timed runs per measurement, median shown)

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const q = (file) => import(join(root, 'out/client/src/queue', file));
const { parseSqueue, squeueArgv, SQUEUE_FIELDS, RECORD_SEP, FIELD_SEP } = await q('squeue.js');
const { groupJobs } = await q('grouping.js');
const { createCluster } = await q('cluster.js');
const { SshRunner } = await q('transportSsh.js');

const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 15);
const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median ms of `runs` timed calls of fn after 3 untimed ones; fn may be async. */
async function time(fn, runs = RUNS) {
  for (let i = 0; i < 3; i++) await fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

/** A squeue listing of n jobs in our format: a mix of running, pending, arrays and odd names. */
function listing(n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    const id = 700000 + i;
    const array = i % 5 === 0;
    const running = i % 3 !== 0;
    const v = {
      jobid: array ? `700000_${i}` : String(id), jobid_raw: String(id), array_job_id: array ? '700000' : String(id),
      array_task_id: array ? String(i) : 'N/A', user: `user${i % 40}`, account: 'proj', partition: i % 4 ? 'batch' : 'gpu',
      state: running ? 'RUNNING' : 'PENDING', reason: running ? 'None' : 'Priority', time_used: running ? '1:02:03' : '0:00',
      time_limit: '1-00:00:00', nodes: '1', cpus: '8', tres_per_node: i % 4 ? 'N/A' : 'gres:gpu:1', submit_time: '2026-01-01T00:00:00',
      start_time: running ? '2026-01-01T00:01:00' : 'N/A', qos: 'normal', priority: '4294901000', dependency: '(null)',
      nodelist: running ? `node${String(i % 500).padStart(3, '0')}` : '', work_dir: `/home/user${i % 40}/project/run-${i}`,
      name: i % 97 === 0 ? `odd | name ${i} ✓` : `train-model-${i}`,
    };
    parts.push(RECORD_SEP + SQUEUE_FIELDS.map((f) => v[f.key]).join(FIELD_SEP) + '\n');
  }
  return parts.join('');
}

const rows = [];
const row = (what, t, target, note = '') =>
  rows.push(`| ${what} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)}–${t.max.toFixed(1)} | ${target} | ${note} |`);

// ---------- 1. parsing ----------
const text10k = listing(10_000);
let parsed;
row('parse 10,000-job listing', await time(() => (parsed = parseSqueue(text10k, 'bench'))), '< 100', `${(text10k.length / 1e6).toFixed(2)} MB, ${parsed.jobs.length} jobs`);
row('group 10,000 jobs for the tree', await time(() => groupJobs(parsed.jobs)), '', `${groupJobs(parsed.jobs).length} state groups`);

// ---------- 2. a 2,000-job refresh over ssh ----------
const envFile = process.env.HPCW_CLUSTER_ENV ?? join(process.env.LAB_DIR ?? '/tmp/hpcw-slurm-lab', 'cluster.env');
if (!existsSync(envFile)) {
  log(`no test cluster (${envFile}): skipping the ssh refresh`);
} else {
  const env = Object.fromEntries(readFileSync(envFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const dir = mkdtempSync(join(tmpdir(), 'hpcwq-bench-'));
  chmodSync(dir, 0o700);
  copyFileSync(env.SLURM_SSH_KEY, join(dir, 'key'));
  chmodSync(join(dir, 'key'), 0o600);
  const config = join(dir, 'ssh_config');
  writeFileSync(config, `Host lab\n  HostName ${env.SLURM_SSH_HOST}\n  Port ${env.SLURM_SSH_PORT}\n  User ${env.SLURM_SSH_USER}\n  IdentityFile ${join(dir, 'key')}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${env.SLURM_SSH_KNOWN_HOSTS}\n`, { mode: 0o600 });
  const runner = new SshRunner({ host: 'lab', configFile: config, controlDir: dir });
  const cluster = createCluster({ kind: 'ssh', name: 'lab', host: 'lab' }, runner);
  let arrayId;
  try {
    arrayId = await cluster.submitText('#!/bin/bash\ntrue\n', env.SLURM_WORK_DIR, { extraArgs: ['--array=0-1999', '--hold', '--job-name=hpcwq-bench', '--time=1'] });
    log(`submitted held array ${arrayId}_[0-1999]`);
    const collapsed = await cluster.list();
    const expandedArgv = [...squeueArgv({ me: true }), '--array'];
    const expanded = async () => {
      const r = await runner.run(expandedArgv);
      return parseSqueue(r.stdout, 'lab');
    };
    const n = (await expanded()).jobs.filter((j) => j.arrayJobId === arrayId).length;
    const bytes = (await runner.run(expandedArgv)).stdout.length;

    // cold: a new master connection each time (what every refresh would cost without multiplexing)
    const cold = new SshRunner({ host: 'lab', configFile: config, multiplex: false });
    row('refresh, no multiplexing (handshake each time)', await time(() => createCluster({ kind: 'ssh', name: 'c', host: 'lab' }, cold).list(), 5), '', 'for comparison');
    row('refresh over warm ssh, default listing', await time(() => cluster.list()), '< 300', `${collapsed.length} records (pending array rest collapsed: ${arrayId}_[0-1999])`);
    row('refresh over warm ssh, 2,000 records (squeue --array)', await time(expanded), '< 300', `${n} task records, ${(bytes / 1024).toFixed(0)} KiB`);
    row('round trip over warm ssh (`true`)', await time(() => runner.run(['true'])), '', 'connection floor');
  } finally {
    if (arrayId) await cluster.cancel([arrayId]).catch((e) => log(`cleanup failed: ${e.message}`));
    await runner.closeMaster();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Queue model, median of ${RUNS} runs (ms), Node ${process.version}\n`);
console.log('| measurement | median ms | min–max | target ms | notes |');
console.log('|---|---:|---|---:|---|');
for (const r of rows) console.log(r);
