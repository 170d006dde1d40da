import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/conflicting-options', {
  valid: [
    script('#SBATCH --mem=4G', '#SBATCH --cpus-per-task=4'),
    script('#SBATCH --mem=4G', '#SBATCH hetjob', '#SBATCH --mem-per-cpu=1G'),
    { name: 'quiet and verbose in a script are both skipped, so they do not clash', code: script('#SBATCH -Q -v') },
  ],
  invalid: [
    { name: 'exclusive + oversubscribe in 22.05: the later silently wins', code: script('#SBATCH --exclusive --oversubscribe'), settings: { version: '22.05' }, errors: [{ line: 2, severity: 'warning' }] },
    { name: 'mem and mem-per-cpu', code: script('#SBATCH --mem=4G', '#SBATCH --mem-per-cpu=1G'), errors: [{ line: 3, severity: 'error', message: '--mem and --mem-per-cpu' }] },
    { name: 'all three memory options', code: script('#SBATCH --mem=4G --mem-per-cpu=1G --mem-per-gpu=8G'), errors: [{ line: 2 }, { line: 2 }, { line: 2 }] },
    { name: 'ntasks-per-gpu and gpus-per-task', code: script('#SBATCH --ntasks-per-gpu=2', '#SBATCH --gpus-per-task=1'), errors: [{ line: 3, severity: 'error' }] },
    { name: 'exclusive + oversubscribe from 23.02', code: script('#SBATCH --exclusive --oversubscribe'), settings: { version: '23.02' }, errors: [{ line: 2, severity: 'error' }] },
    { name: 'hint with an explicit layout', code: script('#SBATCH --hint=nomultithread', '#SBATCH --threads-per-core=1'), errors: [{ line: 3, severity: 'warning', message: 'ignores --hint' }] },
  ],
});
