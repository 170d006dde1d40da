import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/missing-value', {
  valid: [script('#SBATCH --time 10'), script('#SBATCH --time', '#SBATCH 10'), script('#SBATCH --exclusive', '#SBATCH --time=5')],
  invalid: [
    { name: 'at the end', code: script('#SBATCH --time'), errors: [{ line: 2, severity: 'error', message: 'needs a value' }] },
    { name: 'short at the end', code: script('#SBATCH -N'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'swallows an option sbatch then refuses', code: script('#SBATCH --time', '#SBATCH --mem=1G'), errors: [{ line: 2, severity: 'error', message: 'line 3' }] },
    { name: 'swallows an option silently', code: script('#SBATCH --job-name', '#SBATCH --mem=1G'), errors: [{ line: 2, severity: 'warning', message: 'never applied' }] },
  ],
});
