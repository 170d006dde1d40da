import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/directive-syntax', {
  valid: [script('#SBATCH --job-name="my job"'), script("#SBATCH --comment='a # b'")],
  invalid: [
    { name: 'unquoted blank in a value', code: script('#SBATCH --job-name=my job'), errors: [{ line: 2, severity: 'error', message: '"job" is not an option', fix: 'Quote the value', fixed: script('#SBATCH --job-name="my job"') }] },
    { name: 'several words', code: script('#SBATCH --comment=run three words # note'), errors: [{ line: 2, fix: 'Quote', fixed: script('#SBATCH --comment="run three words" # note') }] },
    { name: 'unmatched quote', code: script('#SBATCH --job-name="oops'), errors: [{ line: 2, severity: 'error', message: 'Unmatched' }] },
    { name: 'a backslash does not join words (sbatch checks the blank first)', code: script('#SBATCH --job-name=a\\ b'), errors: [{ line: 2, message: '"b" is not an option' }] },
    { name: 'leading colon', code: script('#SBATCH :5'), errors: [{ line: 2, message: ':' }] },
    { name: 'stray word first', code: script('#SBATCH time=5'), errors: [{ line: 2, message: '"time=5" is not an option' }] },
  ],
});
