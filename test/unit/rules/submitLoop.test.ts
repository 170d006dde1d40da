/**
 * array/submit-loop: which loops of sbatch calls are reported (every kind of loop, in submit
 * scripts and job scripts), which are not (no loop, chunks of an array, chains, functions,
 * comments), and what the finding's data says about the conversion.
 */
import * as assert from 'assert';
import { analyzeJobScript } from '../../../server/src/analyze';
import { sharedShellParser } from '../../../server/src/shell/loader';
import type { ShellParser } from '../../../server/src/shell/model';
import { runRuleTable, script, type RuleCase } from '../../support/ruleTable';

const ID = 'array/submit-loop';

/** A submit script: `#!/bin/bash`, `set -eu`, then the lines; analysed as a submit script. */
function submit(code: string, name?: string): RuleCase {
  return { code: script('set -eu', ...code.split('\n')), kind: 'submit-script', ...(name ? { name } : {}) };
}

runRuleTable(ID, {
  shell: true,
  valid: [
    submit('sbatch job.sh a\nsbatch job.sh b', 'no loop'),
    submit('for off in 0 1000 2000; do\n  sbatch --array=0-999 --export=ALL,OFFSET=$off job.sh\ndone', 'chunks of a large array (--array)'),
    submit('for off in 0 1000; do sbatch -a 0-999 job.sh "$off"; done', 'chunks with -a'),
    submit('for f in *.txt; do\n  gzip "$f"\ndone\nsbatch job.sh', 'a loop without sbatch'),
    submit('submit() {\n  sbatch job.sh "$1"\n}\nsubmit one', 'sbatch in a function called once'),
    submit('# for s in a b; do sbatch job.sh $s; done\nsbatch job.sh x', 'a commented-out loop'),
    submit('echo "for i in 1 2; do sbatch job.sh; done"', 'a loop inside a string'),
    submit('jid=$(sbatch --parsable seg.sh)\nfor i in $(seq 2 10); do\n  jid=$(sbatch --parsable --dependency=afterok:$jid seg.sh)\ndone', 'a chain: each round waits for the previous job'),
    submit('for step in qc.sh align.sh count.sh; do\n  sbatch "$step"\ndone', 'a different job script each round'),
    { code: script('#SBATCH --time=10', 'for s in a b; do', '  srun ./task "$s"', 'done'), name: 'a job script with a loop of srun' },
    submit('for nodes in 1 2 4 8; do\n  sbatch --nodes=$nodes --job-name=scaling_n$nodes md.sbatch\ndone', 'a scaling study: the node count changes each round'),
    submit('for gpu in v100 a100; do\n  sbatch --gres=gpu:${gpu}:1 --export=ALL,GPU=$gpu bench.sbatch\ndone', 'the GPU model changes each round'),
    submit('for p in short long; do sbatch -p "$p" job.sh; done', 'the partition changes each round'),
    submit('for j in 11 12; do sbatch --dependency=afterok:$j job.sh; done', 'each job waits for a different job'),
    submit('for s in a b; do\n  mem=$(( ${#s} * 4 ))G\n  sbatch --mem=$mem job.sh "$s"\ndone', 'memory computed in the body'),
    submit('for s in a b; do SBATCH_PARTITION=$s sbatch job.sh; done', 'sbatch input variable from the loop'),
    submit('while read -r acc; do\n  while [ "$(squeue -h -u "$USER" | wc -l)" -ge 400 ]; do sleep 60; done\n  sbatch fetch.sh "$acc"\ndone < manifest.txt', 'the loop waits for room in the queue (MaxSubmitJobs counts array tasks too)'),
  ],
  invalid: [
    { ...submit('for i in $(seq 1 2 99); do\n  sbatch job.sh "$i"\ndone', 'seq with a step'), errors: [{ line: 4, severity: 'warning', message: 'submits 50 separate jobs' }] },
    { ...submit('for n in {1..100}; do sbatch job.sh "$n"; done', 'brace range'), errors: [{ line: 3, message: 'submits 100 separate jobs' }] },
    { ...submit('for s in {a,b,c}; do sbatch job.sh "$s"; done', 'brace list'), errors: [{ line: 3, message: 'submits 3 separate jobs' }] },
    { ...submit('for ((k = 0; k < 8; k++)); do\n  sbatch job.sh "$k"\ndone', 'C-style count'), errors: [{ line: 4, message: 'submits 8 separate jobs' }] },
    { ...submit("for s in alpha 'beta gamma' delta; do\n  sbatch job.sh \"$s\"\ndone", 'literal list'), errors: [{ line: 4, message: 'submits 3 separate jobs' }] },
    { ...submit('for f in data/*.fastq.gz; do\n  sbatch align.sh "$f"\ndone', 'glob'), errors: [{ line: 4, message: 'in every round' }] },
    { ...submit('while read -r sample reads; do\n  sbatch job.sh "$sample" "$reads"\ndone < samples.tsv', 'while read < file'), errors: [{ line: 4 }] },
    { ...submit('cat samples.txt | while read -r s; do\n  sbatch job.sh "$s"\ndone', 'cat | while read'), errors: [{ line: 4 }] },
    { ...submit('for s in $(cat samples.txt); do\n  sbatch job.sh "$s"\ndone', '$(cat list)'), errors: [{ line: 4 }] },
    { ...submit('samples=(a b c d)\nfor s in "${samples[@]}"; do\n  sbatch job.sh "$s"\ndone', 'array expansion'), errors: [{ line: 5, message: 'submits 4 separate jobs' }] },
    { ...submit('for i in 1 2 3; do\n  jid=$(sbatch --parsable job.sh "$i")\n  echo "$jid"\ndone', 'captured job id'), errors: [{ line: 4 }] },
    { ...submit('for seed in {1..10}; do\n  sbatch -J s$seed --wrap "python ppo.py --seed $seed"\ndone', '--wrap in a loop'), errors: [{ line: 4, message: 'submits 10 separate jobs' }] },
    { ...submit('for a in x y; do\n  for b in 1 2 3; do\n    sbatch job.sh "$a" "$b"\n  done\ndone', 'nested loops: the inner one, all rounds counted'), errors: [{ line: 5, message: 'submits 6 separate jobs' }] },
    { ...submit('for s in a b; do\n  /usr/bin/sbatch job.sh "$s"\n  sbatch other.sh "$s"\ndone', 'a path to sbatch; one finding for the loop'), errors: [{ line: 4 }] },
    { ...submit('for s in a b; do sbatch job.sh $s; done\nfor t in c d; do sbatch job.sh $t; done', 'two loops, two findings'), errors: [{ line: 3 }, { line: 4 }] },
    { code: script('#SBATCH --time=10', 'for s in a b c; do', '  sbatch next.sh "$s"', 'done'), name: 'a job script that submits others', errors: [{ line: 4 }] },
  ],
});

/** The finding's data: where the loop and call are, how many jobs, and why no conversion is possible. */
const DATA_CASES: { name: string; code: string; data: Record<string, unknown> }[] = [
  { name: 'convertible: no reason', code: 'for i in {1..4}; do sbatch job.sh $i; done', data: { loop: 0, command: 0, jobs: 4 } },
  { name: 'unknown count', code: 'for f in *.fq; do sbatch job.sh "$f"; done', data: { loop: 0, command: 0 } },
  { name: 'nested', code: 'for a in x y; do\n  for b in 1 2; do sbatch job.sh $a $b; done\ndone', data: { loop: 1, command: 0, jobs: 4, noFix: 'nested-loop' } },
  { name: 'mkdir in the body', code: 'for s in a b; do\n  mkdir -p out/$s\n  sbatch job.sh $s\ndone', data: { loop: 0, command: 1, jobs: 2, noFix: 'loop-body' } },
  { name: 'a condition in the body', code: 'for s in a b; do\n  [ -e raw/$s ] && sbatch job.sh $s\ndone', data: { loop: 0, command: 0, jobs: 2, noFix: 'loop-body' } },
  { name: '--wrap', code: 'for s in 1 2; do sbatch --wrap "echo $s"; done', data: { loop: 0, command: 0, jobs: 2, noFix: 'wrap' } },
  { name: 'ids collected', code: 'deps=""\nfor c in 1 2; do\n  jid=$(sbatch --parsable job.sh $c)\n  deps="$deps:$jid"\ndone\nsbatch --dependency=afterok$deps merge.sh', data: { loop: 0, command: 0, jobs: 2, noFix: 'job-id-used' } },
  { name: 'an ambiguous option (--expor) that uses the loop', code: 'for i in 1 2; do sbatch --expor=SAMPLE=$i job.sh; done', data: { loop: 0, command: 0, jobs: 2, noFix: 'option-uses-loop' } },
  { name: 'a variable set for sbatch from the loop', code: 'for s in a b; do SAMPLE=$s sbatch job.sh; done', data: { loop: 0, command: 0, jobs: 2, noFix: 'option-uses-loop' } },
  { name: 'a driver variable moves into the job', code: 'out=res\nfor s in a b; do sbatch job.sh "$out/$s"; done', data: { loop: 0, command: 0, jobs: 2, noFix: 'driver-variable' } },
  { name: 'output of the loop kept in a file', code: 'for s in a b; do sbatch job.sh $s; done > ids.txt', data: { loop: 0, command: 0, jobs: 2, noFix: 'loop-placement' } },
  { name: 'a here-string', code: 'while read -r s; do sbatch job.sh "$s"; done <<< "a"', data: { loop: 0, command: 1, noFix: 'loop-values' } },
];

describe(`${ID}: finding data`, () => {
  let shell: ShellParser;
  before(async () => {
    shell = await sharedShellParser();
  });
  for (const c of DATA_CASES) {
    it(c.name, () => {
      const found = analyzeJobScript(script(c.code), {}, shell, 'submit-script').findings.filter((f) => f.code === ID);
      assert.strictEqual(found.length, 1, found.map((f) => f.message).join(' | '));
      const data = { ...(found[0].data ?? {}) };
      assert.strictEqual(typeof (data.noFix === undefined || data.why), data.noFix === undefined ? 'boolean' : 'string', 'a reason comes with a sentence');
      delete data.why;
      assert.deepStrictEqual(data, c.data);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(found[0].data)), found[0].data, 'plain JSON');
      assert.deepStrictEqual(found[0].fixes, [], 'the conversion is offered through fixesWithFiles, not while linting');
    });
  }
});
