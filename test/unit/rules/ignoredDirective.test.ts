import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/ignored-directive', {
  valid: [
    script('#SBATCH --time=5', '', '# comment', '#SBATCH -N 1', 'srun hostname'),
    script('##SBATCH --time=5', 'echo'),
    script('# SBATCH directives are above', 'echo'),
  ],
  invalid: [
    {
      name: 'after the first command',
      code: script('#SBATCH --time=5', 'module load gcc', '#SBATCH --mem=4G', 'srun a.out'),
      errors: [{ line: 4, severity: 'warning', message: 'first command (line 3)', fix: 'Move this directive into the header', fixed: script('#SBATCH --time=5', '#SBATCH --mem=4G', 'module load gcc', 'srun a.out') }],
    },
    { name: 'indented', code: script('  #SBATCH --time=5'), errors: [{ line: 2, fix: 'Remove the indentation', fixed: script('#SBATCH --time=5') }] },
    { name: 'lower case', code: script('#sbatch --time=5'), errors: [{ line: 2, severity: 'warning', fix: '#SBATCH', fixed: script('#SBATCH --time=5') }] },
    { name: 'misspelled', code: script('#SBTACH --time=5'), errors: [{ line: 2, severity: 'warning', message: '#SBTACH', fixed: script('#SBATCH --time=5'), fix: 'Correct the prefix' }] },
    { name: 'blank after #', code: script('# SBATCH --time=5'), errors: [{ line: 2, severity: 'hint' }] },
    { name: 'text after hetjob is dropped', code: script('#SBATCH -N 1', '#SBATCH hetjob -N 2'), errors: [{ line: 3, severity: 'warning', message: '"-N 2" is ignored' }] },
  ],
});
