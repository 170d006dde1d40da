import * as assert from 'assert';
import { analyzeJobScript } from '../../../server/src/analyze';
import { applyEdits } from '../../../server/src/core/fixAll';
import { sharedShellParser } from '../../../server/src/shell/loader';
import type { ShellParser } from '../../../server/src/shell/model';
import { splitLines } from '../../../server/src/slurm/lines';
import { runRuleTable, script, type RuleTable } from '../../support/ruleTable';

const ID = 'feedback/unchained-submit';

/**
 * The same table format as runRuleTable, for submit scripts: plain scripts that call sbatch,
 * analysed as `submit-script` (ruleTable.ts has no `kind` yet).
 */
function runSubmitScriptTable(ruleId: string, table: Omit<RuleTable, 'shell'>): void {
  describe(`${ruleId} (submit scripts)`, () => {
    let shell: ShellParser | undefined;
    before(async () => {
      shell = await sharedShellParser();
    });
    const run = (code: string) => analyzeJobScript(code, {}, shell, 'submit-script').findings.filter((f) => f.code === ruleId);
    for (const [i, c] of table.valid.entries()) {
      const rc = typeof c === 'string' ? { code: c } : c;
      it(`valid #${i + 1}${rc.name ? `: ${rc.name}` : ''}`, () => {
        assert.deepStrictEqual(run(rc.code).map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    }
    for (const [i, c] of table.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = run(c.code);
        assert.deepStrictEqual(found.map((f) => f.range.start.line + 1), c.errors.map((e) => e.line), found.map((f) => f.message).join(' | '));
        for (const [k, e] of c.errors.entries()) {
          const f = found[k];
          if (e.severity) assert.strictEqual(f.severity, e.severity, f.message);
          if (e.message) assert.ok(f.message.includes(e.message), `"${f.message}" should contain "${e.message}"`);
          if (e.fix === undefined) continue;
          const fix = f.fixes.find((x) => x.title.includes(e.fix as string));
          assert.ok(fix, `fix "${e.fix}" not among ${f.fixes.map((x) => x.title).join(', ') || 'no fixes'}`);
          assert.strictEqual(fix.safe, false, 'these fixes change what the script does and are never safe');
          if (e.fixed !== undefined) assert.strictEqual(applyEdits(c.code, splitLines(c.code).starts, fix.edits), e.fixed);
        }
      });
    }
  });
}

/** A submit script: `#!/bin/bash`, the usual module load, then the lines. */
function submit(...lines: string[]): string {
  return script('set -euo pipefail', 'module load slurm', ...lines);
}

runSubmitScriptTable(ID, {
  valid: [
    { name: 'parsable id chained with afterany', code: submit('jid=$(sbatch --parsable align.sh)', 'sbatch --dependency=afterany:$jid call_variants.sh') },
    { name: 'afterok with --kill-on-invalid-dep=yes', code: submit('jid=$(sbatch --parsable prep.sh)', 'sbatch --kill-on-invalid-dep=yes --dependency=afterok:$jid train.sh') },
    { name: 'afterok with an explicit --kill-on-invalid-dep=no', code: submit('jid=$(sbatch --parsable prep.sh)', 'sbatch --kill-on-invalid-dep=no -d afterok:$jid train.sh') },
    { name: '--parsable cut at the cluster name', code: submit('jid=$(sbatch --parsable -M gpu job.sh | cut -d";" -f1)', 'echo "$jid"') },
    { name: '--parsable with ${jid%%;*}', code: submit('jid=$(sbatch --parsable --clusters=gpu train.sh)', 'jid=${jid%%;*}', 'echo "$jid" >> jobs.txt') },
    { name: 'output logged, nothing extracted', code: submit('sbatch job.sh | tee -a submitted.log') },
    { name: 'grep -q only checks the line', code: submit('if sbatch job.sh | grep -q "Submitted batch job"; then echo ok; fi') },
    { name: 'the same script for many samples', code: submit('for s in $(cat samples.txt); do', '  sbatch align.sh "$s"', 'done') },
    { name: 'the same script twice', code: submit('sbatch run_md.sh replica1', 'sbatch run_md.sh replica2') },
    { name: 'independent jobs whose ids are reported', code: submit('a=$(sbatch --parsable fold1.sh)', 'b=$(sbatch --parsable fold2.sh)', 'echo "submitted $a $b"') },
    { name: 'alternatives in if/else', code: submit('if [ "$MODE" = train ]; then', '  sbatch train.sh', 'else', '  sbatch predict.sh', 'fi') },
    { name: 'alternatives in a case', code: submit('case "$1" in', '  train) sbatch train.sh ;;', '  eval) sbatch evaluate.sh ;;', 'esac') },
    { name: 'the first job is waited for (--wait)', code: submit('sbatch --wait preprocess.sh', 'sbatch train.sh') },
    { name: 'the first job is polled with squeue', code: submit('jid=$(sbatch --parsable prep.sh)', 'while squeue -h -j "$jid" | grep -q .; do sleep 60; done', 'sbatch train.sh') },
    { name: 'a shared reference read by both jobs', code: submit('sbatch align.sh ref/GRCh38.fa s1.fq.gz', 'sbatch align.sh ref/GRCh38.fa s2.fq.gz') },
    { name: 'the later job has a singleton dependency', code: submit('sbatch preprocess.sh', 'sbatch --dependency=singleton -J pipe train.sh') },
    { name: 'options from a variable (may hold the dependency)', code: submit('sbatch preprocess.sh', 'sbatch $SBATCH_OPTS train.sh') },
    { name: 'options from a quoted variable (may hold --kill-on-invalid-dep)', code: submit('a=$(sbatch --parsable prep.sh)', 'sbatch "$SBATCH_OPTS" --dependency=afterok:$a train.sh') },
    { name: 'alternatives with ||', code: submit('sbatch --partition=gpu train.sh || sbatch --partition=cpu evaluate.sh') },
    { name: 'the script stops after the first submission in one mode', code: submit('if [ "$1" = prep ]; then', '  sbatch preprocess.sh', '  exit 0', 'fi', 'sbatch train.sh') },
    { name: 'two jobs writing the same results folder', code: submit('sbatch --export=ALL,OUT_DIR=$RESULTS,SEED=1 fit_lasso.sh', 'sbatch --export=ALL,OUT_DIR=$RESULTS,SEED=1 fit_ridge.sh') },
    { name: 'stages in different functions', code: submit('submit_train() { sbatch train.sh; }', 'submit_eval() { sbatch evaluate.sh; }', 'submit_train') },
    { name: 'unrelated names', code: submit('sbatch gromacs_npt.sh', 'sbatch cp2k_opt.sh') },
    { name: 'a test-only call', code: submit('sbatch --test-only job.sh 2>&1 | awk \'{print $7}\'') },
    { name: 'text in a quoted here-document', code: submit("cat > chain.sh <<'EOF'", 'jid=$(sbatch job.sh | awk \'{print $4}\')', 'EOF') },
    { name: 'an id used in an echo only, next job unrelated', code: submit('jid=$(sbatch --parsable blast_chunk.sh)', 'echo "$jid" >> ids.txt', 'sbatch fetch_db.sh') },
    { name: 'afterok on a hard-coded but malformed list is another rule\'s', code: submit('sbatch --dependency=afterok: train.sh') },
  ],
  invalid: [
    {
      name: 'awk {print $4}',
      code: submit("jid=$(sbatch align.sh | awk '{print $4}')", 'echo "$jid"'),
      errors: [{ line: 4, severity: 'warning', message: 'with awk', fix: '--parsable', fixed: submit('jid=$(sbatch --parsable align.sh)', 'echo "$jid"') }],
    },
    {
      name: "cut -d' ' -f4, then chained with afterany",
      code: submit("jid=$(sbatch prep.sh | cut -d' ' -f4)", 'sbatch -d afterany:$jid train.sh'),
      errors: [{ line: 4, message: 'with cut', fixed: submit('jid=$(sbatch --parsable prep.sh)', 'sbatch -d afterany:$jid train.sh'), fix: 'drop the cut stage' }],
    },
    { name: "grep -o '[0-9]*'", code: submit("JOBID=`sbatch run.slurm | grep -o '[0-9]*'`", 'echo $JOBID'), errors: [{ line: 4, message: 'grep' }] },
    { name: 'grep Submitted | sed', code: submit("id=$(sbatch job.sh | grep Submitted | sed 's/[^0-9]//g')", 'echo $id'), errors: [{ line: 4, message: 'grep | sed', fixed: submit('id=$(sbatch --parsable job.sh)', 'echo $id'), fix: '--parsable' }] },
    { name: 'tr -dc 0-9', code: submit("id=$(sbatch job.sh | tr -dc '0-9')", 'echo $id'), errors: [{ line: 4, message: 'tr' }] },
    { name: 'awk $NF written to a file', code: submit("sbatch train.sh | awk '{print $NF}' > train.jobid"), errors: [{ line: 4, fixed: submit('sbatch --parsable train.sh > train.jobid'), fix: '--parsable' }] },
    {
      name: '${out##* } on the stored line: --parsable alone is enough',
      code: submit('out=$(sbatch preprocess.sh)', 'jid=${out##* }', 'echo "$jid"'),
      errors: [{ line: 5, message: '${out##* }', fix: '--parsable', fixed: submit('out=$(sbatch --parsable preprocess.sh)', 'jid=${out##* }', 'echo "$jid"') }],
    },
    { name: 'echo | awk on the stored line (no fix)', code: submit('out=$(sbatch job.sh)', "jid=$(echo \"$out\" | awk '{print $4}')", 'echo $jid'), errors: [{ line: 5, message: 'echo $out | awk' }] },
    { name: 'read <<< on the stored line', code: submit('out=$(sbatch job.sh)', 'read -r _ _ _ jid <<< "$out"', 'echo $jid'), errors: [{ line: 5, message: 'read' }] },
    {
      name: 'with -M the fix keeps only the id',
      code: submit("jid=$(sbatch -M gpu train.sh | awk '{print $4}')", 'echo $jid'),
      errors: [{ line: 4, fix: '--parsable', fixed: submit('jid=$(sbatch --parsable -M gpu train.sh)', 'jid="${jid%%;*}"  # --parsable prints jobid;cluster with -M', 'echo $jid') }],
    },
    { name: 'align -> call without --dependency', code: submit('sbatch bwa_align.sh', 'sbatch call_variants.sh'), errors: [{ line: 5, severity: 'warning', message: '--dependency=afterok:$jid' }] },
    { name: 'train -> predict', code: submit('for fold in 1 2 3 4 5; do', '  sbatch train_resnet.sh "$fold"', 'done', 'sbatch predict.sh'), errors: [{ line: 7, message: 'stage after train_resnet.sh' }] },
    { name: 'numbered steps', code: submit('sbatch 01_fastqc.sh', 'sbatch 02_trim.sh'), errors: [{ line: 5, message: 'step 1 -> step 2' }] },
    { name: 'preprocess -> train, id stored in $pre', code: submit('pre=$(sbatch --parsable preprocess.sh)', 'echo "$pre"', 'sbatch train.sbatch'), errors: [{ line: 6, message: 'afterok:$pre' }] },
    { name: 'runs -> merge', code: submit('for i in $(seq 1 50); do sbatch run_chunk.sh "$i"; done', 'sbatch merge_results.sh'), errors: [{ line: 5, message: 'merge' }] },
    { name: 'the later job reads the earlier --output', code: submit('sbatch --output=logs/qc.log qc.sh', 'sbatch parse_qc.sh logs/qc.log'), errors: [{ line: 5, message: 'reads logs/qc.log' }] },
    { name: 'the later job reads under the earlier --outdir', code: submit('sbatch simulate.sh --outdir results/run1', 'sbatch energy.sh results/run1/energy.xvg'), errors: [{ line: 5, message: 'results/run1' }] },
    { name: 'the same variable: OUT_DIR exported, then read', code: submit('sbatch --export=ALL,OUT_DIR=$WORK/feat extract_features.sh', 'sbatch --export=ALL,FEATURES=$WORK/feat fit_model.sh'), errors: [{ line: 5, message: 'reads $WORK/feat' }] },
    { name: 'a guarded first submission is still not a dependency', code: submit('sbatch preprocess.sh || exit 1', 'sbatch train.sh'), errors: [{ line: 5, message: 'stage after preprocess.sh' }] },
    { name: 'the same script continuing from the first run\'s output', code: submit('sbatch md_segment.sh --outdir seg1', 'sbatch md_segment.sh --restart seg1/state.cpt --outdir seg2'), errors: [{ line: 5, message: 'reads seg1' }] },
    { name: 'a captured id never used', code: submit('jid=$(sbatch --parsable make_index.sh)', 'sbatch search.sh'), errors: [{ line: 5, message: 'stored in $jid but never used' }] },
    {
      name: 'afterok without --kill-on-invalid-dep (hint + fix)',
      code: submit('jid=$(sbatch --parsable align.sh)', 'sbatch --dependency=afterok:$jid call.sh'),
      errors: [{ line: 5, severity: 'hint', message: 'DependencyNeverSatisfied', fix: 'kill-on-invalid-dep', fixed: submit('jid=$(sbatch --parsable align.sh)', 'sbatch --kill-on-invalid-dep=yes --dependency=afterok:$jid call.sh') }],
    },
    { name: '-d afterok: short form', code: submit('a=$(sbatch --parsable a.sh)', 'b=$(sbatch --parsable -d afterok:$a b.sh)', 'echo $b'), errors: [{ line: 5, severity: 'hint', message: '-d afterok:$a' }] },
    { name: 'the whole option quoted', code: submit('a=$(sbatch --parsable prep.sh)', 'sbatch "--dependency=afterok:$a" train.sh'), errors: [{ line: 5, severity: 'hint', message: '--dependency=afterok:$a' }] },
    { name: 'short option with the value attached', code: submit('a=$(sbatch --parsable prep.sh)', 'sbatch -dafterok:$a train.sh'), errors: [{ line: 5, severity: 'hint', message: '-dafterok:$a' }] },
    { name: 'afterok held in a variable', code: submit('a=$(sbatch --parsable prep.sh)', 'dep="afterok:$a"', 'sbatch --dependency="$dep" train.sh'), errors: [{ line: 6, severity: 'hint' }] },
    { name: 'afterok:$a:$b fan-in', code: submit('a=$(sbatch --parsable x.sh)', 'b=$(sbatch --parsable y.sh)', 'sbatch --dependency=afterok:$a:$b --parsable merge.sh'), errors: [{ line: 6, severity: 'hint' }] },
  ],
});

runRuleTable(ID, {
  shell: true,
  valid: [
    { name: 'a job script with afterok and --kill-on-invalid-dep', code: script('#SBATCH --dependency=afterok:4242', '#SBATCH --kill-on-invalid-dep=yes', '#SBATCH --time=01:00:00', 'python eval.py') },
    { name: 'a job script with afterany', code: script('#SBATCH --dependency=afterany:4242', '#SBATCH --time=01:00:00', 'python eval.py') },
    { name: 'a job that resubmits itself with --parsable', code: script('#SBATCH --time=24:00:00', 'next=$(sbatch --parsable --dependency=afterany:$SLURM_JOB_ID restart.sh)', 'echo "next: $next"', 'srun ./md --resume') },
    { name: 'a training job with no sbatch call', code: script('#SBATCH --gres=gpu:1', '#SBATCH --time=04:00:00', 'module load cuda/12.2', 'source venv/bin/activate', 'python train.py') },
  ],
  invalid: [
    {
      name: '#SBATCH --dependency=afterok without --kill-on-invalid-dep',
      code: script('#SBATCH --dependency=afterok:4242', '#SBATCH --time=01:00:00', 'python eval.py'),
      errors: [{ line: 2, severity: 'hint', fix: '#SBATCH --kill-on-invalid-dep=yes', fixed: script('#SBATCH --dependency=afterok:4242', '#SBATCH --kill-on-invalid-dep=yes', '#SBATCH --time=01:00:00', 'python eval.py') }],
    },
    {
      name: 'a job that submits its follow-up by scraping',
      code: script('#SBATCH --time=02:00:00', 'srun ./simulate', "next=$(sbatch analyse.sh | awk '{print $4}')", 'echo "$next"'),
      errors: [{ line: 4, severity: 'warning', message: 'awk' }],
    },
  ],
});
