import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('resources/missing-time', {
  valid: [
    script('#SBATCH --time=01:00:00'),
    script('#SBATCH -t 30'),
    { name: 'a #PBS walltime becomes --time', code: script('#PBS -l walltime=01:00:00') },
    { name: 'no directive at all: options may come from the command line', code: script('echo hello') },
    { name: 'a file sbatch refuses is not-a-batch-script\'s', code: '#SBATCH --mem=1G\n' },
    { name: '--time without its value is missing-value\'s', code: script('#SBATCH --mem=1G', '#SBATCH --time') },
    { name: 'any component with --time', code: script('#SBATCH --mem=1G', '#SBATCH hetjob', '#SBATCH --time=10') },
  ],
  invalid: [
    {
      name: 'inserted after the last directive',
      code: script('#SBATCH --job-name=x', '#SBATCH --mem=4G', '', 'srun x'),
      errors: [{ line: 2, severity: 'info', fix: 'Add #SBATCH --time=01:00:00', fixed: script('#SBATCH --job-name=x', '#SBATCH --mem=4G', '#SBATCH --time=01:00:00', '', 'srun x') }],
    },
    {
      name: 'the last line without a line break',
      code: '#!/bin/bash\n#SBATCH --mem=4G',
      errors: [{ line: 2, fix: 'Add', fixed: '#!/bin/bash\n#SBATCH --mem=4G\n#SBATCH --time=01:00:00' }],
    },
    {
      name: 'a #PBS script: after the #! line',
      code: script('#PBS -N job', 'echo x'),
      errors: [{ line: 1, fix: 'Add', fixed: script('#SBATCH --time=01:00:00', '#PBS -N job', 'echo x') }],
    },
    {
      name: 'het job: in the first component',
      code: script('#SBATCH --mem=1G', '#SBATCH hetjob', '#SBATCH --mem=2G'),
      errors: [{ line: 2, fix: 'Add', fixed: script('#SBATCH --mem=1G', '#SBATCH --time=01:00:00', '#SBATCH hetjob', '#SBATCH --mem=2G') }],
    },
  ],
});
