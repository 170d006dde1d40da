/**
 * The submit-loop conversion, proved on the REAL Slurm 22.05 of the test cluster: for each kind
 * of loop, the original submit script and its converted version (our quick fix "Convert to one job
 * array", applied with the files it creates) are both run with bash and the real sbatch; every job
 * task records what it was given; both runs must produce the same set of records (same parameters,
 * same count), and the converted one must have submitted exactly one array.
 *
 * Skips when no cluster is running, unless REQUIRE_CLUSTER=1 (CI), where it fails instead.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { applyEdits } from '../../server/src/core/fixAll';
import type { Fix } from '../../server/src/core/types';
import { diskFileReader, resolveScriptPath } from '../../server/src/handlers/fileReader';
import { ruleById } from '../../server/src/rules';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { splitLines } from '../../server/src/slurm/lines';
import { clusterEnvOrSkip, type ClusterEnv } from '../support/cluster';

const RULE = 'array/submit-loop';

interface LoopCase {
  name: string;
  /** The submit script; `JOB` is replaced by the job script's name. */
  driver: string;
  /** Extra files next to the scripts (sample lists, inputs for a glob). */
  files?: Record<string, string>;
  /** How many tasks the loop submits. */
  tasks: number;
  /** The MaxArraySize the conversion is told (default: the test cluster's, 10001). */
  maxArraySize?: number;
  /** How many sbatch calls the converted script makes (default 1; more when split by MaxArraySize). */
  submissions?: number;
}

/**
 * The job script every case submits. Each task writes one record (its arguments and SAMPLE) into
 * its own file in RESULTS, which the test replaces with an absolute path.
 */
const JOB_SCRIPT = `#!/bin/bash
#SBATCH --job-name=NAME
#SBATCH --partition=debug
#SBATCH --time=00:02:00
#SBATCH --output=/dev/null
set -eu
printf 'args=%s sample=%s\\n' "$*" "\${SAMPLE:-}" > "RESULTS/$(hostname).$$.$RANDOM.txt"
`;

const CASES: LoopCase[] = [
  { name: 'seq with a step', driver: 'for i in $(seq 3 2 11); do\n  sbatch JOB "$i"\ndone\n', tasks: 5 },
  { name: 'brace range', driver: 'for n in {1..6}; do sbatch JOB "run-$n"; done\n', tasks: 6 },
  { name: 'C-style count', driver: 'for ((k = 0; k < 4; k++)); do\n  sbatch --export=ALL,SAMPLE=s$k JOB\ndone\n', tasks: 4 },
  { name: 'literal list with spaces', driver: "for s in alpha 'beta gamma' delta; do\n  sbatch JOB \"$s\" fixed\ndone\n", tasks: 3 },
  { name: 'glob', driver: 'for f in inputs/*.fastq; do\n  sbatch JOB "$f"\ndone\n', files: { 'inputs/a.fastq': '', 'inputs/b.fastq': '', 'inputs/c d.fastq': '' }, tasks: 3 },
  { name: 'options and arguments that use the loop variable', driver: 'for s in $(seq 1 4); do\n  sbatch -J "align_$s" --export=ALL,SAMPLE="S$s" task.sh "in/$s.fq" --threads 2\ndone\n', tasks: 4 },
  { name: 'more tasks than MaxArraySize: split into chunks', driver: 'for i in {1..10}; do sbatch JOB "$i"; done\n', tasks: 10, maxArraySize: 4, submissions: 3 },
  { name: 'while read from a sample sheet', driver: 'while read -r sample reads; do\n  sbatch --export=ALL,SAMPLE="$sample" JOB "$reads"\ndone < samples.tsv\n', files: { 'samples.tsv': 'S1 r1.fq\nS2 r2.fq\nS3 r3.fq\nS4 r4.fq\n' }, tasks: 4 },
];

/** Runs a command as the cluster's test user in a folder, with a clean environment. */
function runAs(cluster: ClusterEnv, cwd: string, argv: string[]): { status: number | null; out: string } {
  const user = cluster.values.SLURM_TEST_USER;
  const prefix = process.getuid?.() === 0 && user ? ['runuser', '-u', user, '--'] : [];
  const cmd = [...prefix, 'env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', ...argv];
  const run = spawnSync(cmd[0], cmd.slice(1), { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, out: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** Sorted records written by the tasks of one run. */
function records(resultsDir: string): string[] {
  return fs.readdirSync(resultsDir).map((f) => fs.readFileSync(path.join(resultsDir, f), 'utf8').trim()).sort();
}

/** The job ids sbatch printed ("Submitted batch job N"). */
function submittedIds(output: string): string[] {
  return [...output.matchAll(/Submitted batch job (\d+)/g)].map((m) => m[1]);
}

/** Waits until none of the submitted jobs (arrays included) is queued or running, then returns the records. */
async function waitForRun(cluster: ClusterEnv, dir: string, submitOutput: string): Promise<string[]> {
  const ids = submittedIds(submitOutput);
  const deadline = Date.now() + 120_000;
  while (ids.length > 0) {
    const q = runAs(cluster, dir, ['squeue', '-h', '-j', ids.join(','), '-o', '%i']);
    if (q.status === 0 && q.out.trim() === '') break;
    if (/Invalid job id/i.test(q.out)) break; // already purged by the controller: done long ago
    if (Date.now() > deadline) throw new Error(`jobs ${ids.join(',')} still queued after 120 s: ${q.out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return records(path.join(dir, 'results'));
}

/** Makes a fresh folder for one run: the job script, the submit script, the extra files. */
function prepare(cluster: ClusterEnv, root: string, label: string, c: LoopCase, jobName: string): string {
  const dir = path.join(root, label);
  fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'task.sh'), JOB_SCRIPT.replace('NAME', jobName).replace('RESULTS', path.join(dir, 'results')));
  fs.writeFileSync(path.join(dir, 'submit.sh'), `#!/bin/bash\nset -eu\n${c.driver.replace(/JOB/g, 'task.sh')}`);
  for (const [name, text] of Object.entries(c.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const user = cluster.values.SLURM_TEST_USER;
  if (process.getuid?.() === 0 && user) spawnSync('chown', ['-R', user, dir]);
  return dir;
}

/** Applies the preferred conversion to the folder: the submit script edited, new files created. */
function convert(dir: string, shell: ShellParser, maxArraySize: number): Fix {
  const file = path.join(dir, 'submit.sh');
  const text = fs.readFileSync(file, 'utf8');
  const analysis = analyzeJobScript(text, { version: '22.05', maxArraySize }, shell, 'submit-script');
  const finding = analysis.findings.find((f) => f.code === RULE);
  assert.ok(finding, `${RULE} does not fire on:\n${text}\nfindings: ${analysis.findings.map((f) => f.code).join(', ')}`);
  const rule = ruleById(RULE);
  assert.ok(rule?.fixesWithFiles, `${RULE} offers no fixes that read files`);
  const fixes = rule.fixesWithFiles({ script: analysis.script, settings: { version: '22.05', maxArraySize, maxArraySizeKnown: true, siteOptions: [], severity: {} }, kind: analysis.kind, shell: analysis.shell }, finding, diskFileReader(dir));
  const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  assert.ok(fix, `no conversion offered for:\n${text}`);
  fs.writeFileSync(file, applyEdits(text, splitLines(text).starts, fix.edits));
  for (const change of fix.files ?? []) {
    const target = resolveScriptPath(dir, change.path);
    assert.ok(target, `bad path ${change.path}`);
    if (change.kind === 'create') {
      assert.ok(!fs.existsSync(target), `the fix would overwrite ${change.path}`);
      fs.writeFileSync(target, change.text);
    } else {
      const old = fs.readFileSync(target, 'utf8');
      fs.writeFileSync(target, applyEdits(old, splitLines(old).starts, change.edits));
    }
  }
  return fix;
}

describe('submit loop vs its job-array conversion on a real Slurm 22.05', function () {
  this.timeout(10 * 60_000);
  let cluster: ClusterEnv;
  let shell: ShellParser;
  let root = '';

  before(async function () {
    cluster = clusterEnvOrSkip(this);
    shell = await sharedShellParser();
    const base = cluster.values.SLURM_WORK_DIR && fs.existsSync(cluster.values.SLURM_WORK_DIR) ? cluster.values.SLURM_WORK_DIR : '/tmp';
    root = fs.mkdtempSync(path.join(base, 'hpcw-loop-'));
    fs.chmodSync(root, 0o755);
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  for (const [k, c] of CASES.entries()) {
    it(`${c.name}: the same ${c.tasks} task records, from ${c.submissions ?? 1} array(s)`, async function () {
      const loopName = `hpcw-loop-${process.pid}-${k}`;
      const arrayName = `hpcw-array-${process.pid}-${k}`;
      const loopDir = prepare(cluster, root, `loop-${k}`, c, loopName);
      const ran = runAs(cluster, loopDir, ['bash', 'submit.sh']);
      assert.strictEqual(ran.status, 0, `the submit loop failed: ${ran.out}`);
      assert.strictEqual((ran.out.match(/Submitted batch job/g) ?? []).length, c.tasks, ran.out);
      const fromLoop = await waitForRun(cluster, loopDir, ran.out);

      const arrayDir = prepare(cluster, root, `array-${k}`, c, arrayName);
      const fix = convert(arrayDir, shell, c.maxArraySize ?? 10001);
      const user = cluster.values.SLURM_TEST_USER;
      if (process.getuid?.() === 0 && user) spawnSync('chown', ['-R', user, arrayDir]);
      const converted = runAs(cluster, arrayDir, ['bash', 'submit.sh']);
      const submitted = fs.readFileSync(path.join(arrayDir, 'submit.sh'), 'utf8');
      assert.strictEqual(converted.status, 0, `the converted script failed (${fix.title}):\n${submitted}\n${converted.out}`);
      const submissions = c.submissions ?? 1;
      assert.strictEqual((converted.out.match(/Submitted batch job/g) ?? []).length, submissions, `expected ${submissions} submission(s):\n${submitted}\n${converted.out}`);
      const fromArray = await waitForRun(cluster, arrayDir, converted.out);

      assert.strictEqual(fromLoop.length, c.tasks, `the loop produced ${fromLoop.length} records`);
      assert.deepStrictEqual(fromArray, fromLoop, `converted script:\n${submitted}`);
    });
  }
});
