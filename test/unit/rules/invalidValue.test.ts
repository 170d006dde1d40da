import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/invalid-value', {
  valid: [
    script('#SBATCH --time=1-12:00:00', '#SBATCH --mem=4G', '#SBATCH --array=0-99%8', '#SBATCH --mail-type=END,FAIL'),
    script('#SBATCH --begin=now+1hour', '#SBATCH --dependency=afterok:123:456'),
    script('#SBATCH --exclusive', '#SBATCH --hold'),
    { name: 'a GRES the site lists', code: script('#SBATCH --gres=shard:2'), settings: { gresTypes: ['gpu', 'shard'] } },
    { name: 'MaxArraySize is array/too-large\'s', code: script('#SBATCH --array=0-5000'), settings: { maxArraySize: 5000 } },
  ],
  invalid: [
    { name: 'an uncommon GRES, site unknown', code: script('#SBATCH --gres=fpga:1'), errors: [{ line: 2, severity: 'warning' }] },
    { name: 'a GRES the site does not list', code: script('#SBATCH --gres=fpga:1'), settings: { gresTypes: ['gpu'] }, errors: [{ line: 2, severity: 'error' }] },
    { name: 'fields past their range add up (accepted)', code: script('#SBATCH --time=25:61:00'), errors: [{ line: 2, severity: 'info', message: '1-02:01:00' }] },
    { name: 'time', code: script('#SBATCH --time=abc'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'cpus 0', code: script('#SBATCH --cpus-per-task=0'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'mail type', code: script('#SBATCH --mail-type=SOMETIMES'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'array letters', code: script('#SBATCH --array=a-z'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'flag with a value', code: script('#SBATCH --hold=yes'), errors: [{ line: 2, severity: 'error', fix: 'Remove the value', fixed: script('#SBATCH --hold') }] },
    { name: 'nodes min > max', code: script('#SBATCH --nodes=2-1'), errors: [{ line: 2, severity: 'error' }] },
  ],
});

