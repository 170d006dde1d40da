import * as assert from 'assert';
import { analyzeJobScript } from '../../../server/src/analyze';
import { sharedShellParser } from '../../../server/src/shell/loader';
import type { ShellParser } from '../../../server/src/shell/model';
import { runRuleTable, script, type ExpectedFinding } from '../../support/ruleTable';

const ID = 'workflow/consider-engine';

/** A submit script: `#!/bin/bash`, strict mode, then the lines. */
function submit(...lines: string[]): string {
  return script('set -euo pipefail', ...lines);
}

const FOUR_STAGES = submit(
  'j1=$(sbatch --parsable download_sra.sh)',
  'j2=$(sbatch --parsable --dependency=afterok:$j1 fastqc.sh)',
  'j3=$(sbatch --parsable --dependency=afterok:$j2 star_align.sh)',
  'sbatch --dependency=afterok:${j3} featurecounts.sh',
);

const PER_SAMPLE_FAN_IN = submit(
  'deps=""',
  'for s in $(cat samples.txt); do',
  '  a=$(sbatch --parsable bwa_align.sh "$s")',
  '  b=$(sbatch --parsable --dependency=afterok:$a markdup.sh "$s")',
  '  deps="$deps:$b"',
  'done',
  'sbatch --dependency=afterok$deps joint_genotyping.sh',
);

const NESTED_LOOPS = submit(
  'for lr in 1e-3 1e-4; do',
  '  for seed in 1 2 3; do',
  '    t=$(sbatch --parsable train.sh "$lr" "$seed")',
  '    sbatch --dependency=afterok:$t evaluate.sh "$lr" "$seed"',
  '  done',
  'done',
);

const FAN_IN_THREE = submit('a=$(sbatch --parsable simulate_a.sh)', 'b=$(sbatch --parsable simulate_b.sh)', 'sbatch --dependency=afterok:$a:$b compare.sh');

/** Cases analysed as submit scripts (plain scripts that call sbatch). */
const SUBMIT_VALID: { name: string; code: string }[] = [
  { name: 'two chained stages', code: submit('jid=$(sbatch --parsable train.sh)', 'sbatch --dependency=afterok:$jid evaluate.sh') },
  { name: 'three chained stages, no fan-in', code: submit('a=$(sbatch --parsable prep.sh)', 'b=$(sbatch --parsable -d afterok:$a train.sh)', 'sbatch -d afterok:$b eval.sh') },
  { name: 'a restart loop of one script', code: submit('jid=$(sbatch --parsable md_segment.sh)', 'for i in $(seq 2 20); do', '  jid=$(sbatch --parsable --dependency=afterany:$jid md_segment.sh)', 'done') },
  { name: 'many independent submissions', code: submit('for s in a b c d e f; do sbatch align.sh "$s"; done') },
  { name: 'four calls with literal job ids (not a chain the script builds)', code: submit('sbatch -d afterok:101 a.sh', 'sbatch -d afterok:102 b.sh', 'sbatch -d afterok:103 c.sh', 'sbatch -d afterok:104 d.sh') },
  { name: 'two separate pairs', code: submit('a=$(sbatch --parsable x1.sh)', 'sbatch -d afterok:$a y1.sh', 'b=$(sbatch --parsable x2.sh)', 'sbatch -d afterok:$b y2.sh') },
  { name: 'nested loops without dependencies', code: submit('for lr in 1e-3 1e-4; do', '  for seed in 1 2 3; do', '    sbatch train.sh "$lr" "$seed"', '  done', 'done') },
];

const SUBMIT_INVALID: { name: string; code: string; errors: ExpectedFinding[] }[] = [
  { name: 'four stages chained by hand', code: FOUR_STAGES, errors: [{ line: 3, severity: 'hint', message: '4 sbatch calls chained by hand' }] },
  { name: 'per-sample chains with a fan-in', code: PER_SAMPLE_FAN_IN, errors: [{ line: 5, message: 'one job waits for several' }] },
  { name: 'nested loops with dependencies', code: NESTED_LOOPS, errors: [{ line: 5, message: 'nested loops' }] },
  { name: 'three stages with a fan-in afterok:$a:$b', code: FAN_IN_THREE, errors: [{ line: 3, message: 'Snakemake' }] },
];

describe(`${ID} (submit scripts)`, () => {
  let shell: ShellParser | undefined;
  before(async () => {
    shell = await sharedShellParser();
  });
  const found = (code: string) => analyzeJobScript(code, {}, shell, 'submit-script').findings.filter((f) => f.code === ID);
  for (const c of SUBMIT_VALID) {
    it(`valid: ${c.name}`, () => assert.deepStrictEqual(found(c.code).map((f) => f.message), []));
  }
  for (const c of SUBMIT_INVALID) {
    it(`invalid: ${c.name}`, () => {
      const f = found(c.code);
      assert.deepStrictEqual(f.map((x) => x.range.start.line + 1), c.errors.map((e) => e.line), f.map((x) => x.message).join(' | '));
      for (const [k, e] of c.errors.entries()) {
        if (e.severity) assert.strictEqual(f[k].severity, e.severity);
        if (e.message) assert.ok(f[k].message.includes(e.message), f[k].message);
        assert.deepStrictEqual(f[k].fixes, [], 'choosing an engine is not a text edit');
      }
    });
  }
  it('one variable given a new id line after line is a chain, not a fan-in', () => {
    const code = submit(
      "job_id=`sbatch --parsable bench_common.sh`",
      'job_id=`sbatch --parsable --dependency=afterany:$job_id bench_datawarp.sh`',
      'job_id=`sbatch --parsable --dependency=afterany:$job_id bench_project.sh`',
      'job_id=`sbatch --parsable --dependency=afterany:$job_id bench_scratch.sh`',
    );
    const [f] = found(code);
    assert.deepStrictEqual(f.data, { calls: 4, lines: [3, 4, 5, 6], fanIn: false, nested: false });
  });
  it('names the chain\'s lines and length in data', () => {
    const [f] = found(FOUR_STAGES);
    assert.deepStrictEqual(f.data, { calls: 4, lines: [3, 4, 5, 6], fanIn: false, nested: false });
  });
});

runRuleTable(ID, {
  shell: true,
  valid: [
    { name: 'a job that submits its own next segment', code: script('#SBATCH --time=24:00:00', 'srun gmx mdrun -cpi state.cpt', 'sbatch --dependency=afterany:$SLURM_JOB_ID md.sbatch') },
    { name: 'an ordinary GPU job', code: script('#SBATCH --gres=gpu:1', '#SBATCH --time=02:00:00', 'module load cuda', 'python train.py') },
  ],
  invalid: [
    { name: 'a driver job that chains four stages', code: script('#SBATCH --time=00:10:00', ...FOUR_STAGES.split('\n').slice(2, -1)), errors: [{ line: 3 }] },
  ],
});
