import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('array/too-large', {
  valid: [
    script('#SBATCH --array=0-1000'),
    { name: 'within a configured MaxArraySize', code: script('#SBATCH --array=0-4999'), settings: { maxArraySize: 5000 } },
    { name: 'a higher site limit', code: script('#SBATCH --array=1-20000'), settings: { maxArraySize: 20001 } },
    { name: 'only the last --array counts', code: script('#SBATCH --array=0-5000', '#SBATCH --array=0-99') },
    { name: 'syntax errors are invalid-value\'s', code: script('#SBATCH --array=a-5000') },
    { name: 'no array', code: script('#SBATCH --time=10') },
  ],
  invalid: [
    { name: 'over the default MaxArraySize', code: script('#SBATCH --array=0-5000'), errors: [{ line: 2, severity: 'warning', message: 'default 1001' }] },
    { name: 'over a configured MaxArraySize is refused', code: script('#SBATCH --array=0-5000'), settings: { maxArraySize: 5000 }, errors: [{ line: 2, severity: 'error', message: "the cluster's MaxArraySize (5000)" }] },
    { name: 'renumbering advice for a range that fits when shifted', code: script('#SBATCH --array=1001-1500'), errors: [{ line: 2, message: '$((SLURM_ARRAY_TASK_ID + 1001))' }] },
    { name: 'splitting advice for more tasks than the limit', code: script('#SBATCH --array=0-4999'), settings: { maxArraySize: 1000 }, errors: [{ line: 2, message: 'several arrays of at most 1000' }] },
    { name: 'a step at the limit', code: script('#SBATCH --array=1-5:2000'), errors: [{ line: 2, message: '--array=1' }] },
    { name: 'the value given on the next line', code: script('#SBATCH --array', '#SBATCH 0-2000'), errors: [{ line: 3 }] },
    { name: 'a #PBS -J array, translated by sbatch', code: script('#PBS -J 0-5000'), errors: [{ line: 2, severity: 'warning', message: '#PBS' }] },
    { name: 'het-job components each', code: script('#SBATCH --array=0-2000', '#SBATCH hetjob', '#SBATCH --array=0-3000'), errors: [{ line: 2 }, { line: 4 }] },
  ],
});

runRuleTable('array/unthrottled', {
  valid: [
    script('#SBATCH --array=0-99'),
    script('#SBATCH --array=0-999%50'),
    { name: 'an unusable limit is invalid-value\'s', code: script('#SBATCH --array=0-999%x') },
    { name: 'a sparse list of few tasks', code: script('#SBATCH --array=1-1000:100') },
  ],
  invalid: [
    {
      name: '101 tasks',
      code: script('#SBATCH --array=0-100'),
      errors: [{ line: 2, severity: 'hint', message: '101 tasks', fix: 'at most 20', fixed: script('#SBATCH --array=0-100%20') }],
    },
    {
      name: 'a quoted value keeps its quotes',
      code: script('#SBATCH --array="1-500"'),
      errors: [{ line: 2, fix: 'append %20', fixed: script('#SBATCH --array="1-500%20"') }],
    },
  ],
});

runRuleTable('array/output-clobber', {
  valid: [
    { name: 'no --output: the default is slurm-%A_%a.out', code: script('#SBATCH --array=0-9') },
    script('#SBATCH --array=0-9', '#SBATCH --output=logs/%x_%A_%a.out', '#SBATCH --error=logs/%x_%A_%a.err'),
    { name: '%a alone', code: script('#SBATCH --array=0-9', '#SBATCH --output=task-%a.log') },
    { name: '%j is the task\'s own job id', code: script('#SBATCH --array=0-9', '#SBATCH --output=run-%j.out') },
    { name: 'zero-padded %4a', code: script('#SBATCH --array=0-9', '#SBATCH -o run-%4a.out') },
    { name: 'discarded on purpose', code: script('#SBATCH --array=0-9', '#SBATCH --output=/dev/null') },
    { name: 'one task', code: script('#SBATCH --array=7', '#SBATCH --output=run.out') },
    { name: 'not an array (the counterpart rule\'s case)', code: script('#SBATCH --output=run.out') },
    { name: 'a backslash (turning patterns off) is invalid-value\'s', code: script('#SBATCH --array=0-9', '#SBATCH --output=run\\\\%a.out') },
    { name: 'only the last --output counts', code: script('#SBATCH --array=0-9', '#SBATCH --output=run.out', '#SBATCH --output=run_%a.out') },
  ],
  invalid: [
    {
      name: 'a fixed name',
      code: script('#SBATCH --array=0-9', '#SBATCH --output=logs/run.out'),
      errors: [{ line: 3, severity: 'warning', message: 'all 10 tasks', fix: 'logs/run_%A_%a.out', fixed: script('#SBATCH --array=0-9', '#SBATCH --output=logs/run_%A_%a.out') }],
    },
    {
      name: '%A alone: %a goes after it',
      code: script('#SBATCH --array=0-9', '#SBATCH --error=%x_%A.err'),
      errors: [{ line: 3, fix: '%x_%A_%a.err', fixed: script('#SBATCH --array=0-9', '#SBATCH --error=%x_%A_%a.err') }],
    },
    {
      name: 'no extension',
      code: script('#SBATCH --array=0-9', '#SBATCH -o "logs/run"'),
      errors: [{ line: 3, fix: 'logs/run_%A_%a', fixed: script('#SBATCH --array=0-9', '#SBATCH -o "logs/run_%A_%a"') }],
    },
    { name: '%%a is a literal', code: script('#SBATCH --array=0-9', '#SBATCH --output=run%%a.out'), errors: [{ line: 3 }] },
    { name: 'both files', code: script('#SBATCH --array=0-9', '#SBATCH --output=o.log --error=e.log'), errors: [{ line: 3 }, { line: 3 }] },
    { name: 'appending: a hint', code: script('#SBATCH --array=0-9', '#SBATCH --open-mode=append', '#SBATCH --output=all.log'), errors: [{ line: 4, severity: 'hint', message: 'interleave' }] },
  ],
});
