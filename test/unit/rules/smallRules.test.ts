import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/legacy-prefix', {
  valid: [script('#SBATCH --time=5')],
  invalid: [{ code: script('#SLURM --time=5'), errors: [{ line: 2, severity: 'warning', fix: 'Change #SLURM to #SBATCH', fixed: script('#SBATCH --time=5') }] }],
});

runRuleTable('slurm/unexpanded-variable', {
  valid: [script('#SBATCH --output=logs/%x-%j.out'), script('#SBATCH --time=5', 'echo $HOME'), script('#SBATCH --wrap="echo $HOME"')],
  invalid: [
    { name: 'variable in a path', code: script('#SBATCH --output=$SCRATCH/out.log'), errors: [{ line: 2, severity: 'warning', message: '$SCRATCH' }] },
    { name: 'job id variable has a pattern', code: script('#SBATCH --output=log-${SLURM_JOB_ID}.out'), errors: [{ line: 2, fix: '%j', fixed: script('#SBATCH --output=log-%j.out') }] },
    { name: 'home directory', code: script('#SBATCH --chdir=~/project'), errors: [{ line: 2, message: '~' }] },
    { name: 'command substitution', code: script('#SBATCH --job-name=run-$(date +%F)'), errors: [{ line: 2, message: 'command substitution' }] },
  ],
});

runRuleTable('slurm/duplicate-option', {
  valid: [script('#SBATCH -v -v'), script('#SBATCH --time=5', '#SBATCH hetjob', '#SBATCH --time=6'), { code: script('#SBATCH --mail-type=END', '#SBATCH --mail-type=FAIL'), settings: { version: '22.05' } }],
  invalid: [
    { name: 'later wins', code: script('#SBATCH --time=5', '#SBATCH --time=10'), errors: [{ line: 3, severity: 'warning', message: '"5" on line 2', fix: 'Remove the earlier', fixed: script('#SBATCH --time=10') }] },
    { name: 'long and short', code: script('#SBATCH -t 5 --mem=1G', '#SBATCH --time=10'), errors: [{ line: 3, fix: 'Remove the earlier', fixed: script('#SBATCH --mem=1G', '#SBATCH --time=10') }] },
    { name: 'same value', code: script('#SBATCH -N 1', '#SBATCH --nodes=1'), errors: [{ line: 3, severity: 'hint' }] },
    { name: 'mail-type replaces from 25.05', code: script('#SBATCH --mail-type=END', '#SBATCH --mail-type=FAIL'), settings: { version: '25.05' }, errors: [{ line: 3 }] },
  ],
});

runRuleTable('slurm/array-pattern-without-array', {
  valid: [script('#SBATCH --array=1-10', '#SBATCH --output=o-%A_%a.out'), script('#SBATCH --output=o-%j.out'), script('#SBATCH --output=100%%-%j.out')],
  invalid: [
    { name: '%a without --array', code: script('#SBATCH --output=o-%a.out'), errors: [{ line: 2, severity: 'warning', message: '4294967294' }] },
    { name: '%A without --array', code: script('#SBATCH --error=e-%A.err'), errors: [{ line: 2, severity: 'hint' }] },
  ],
});

runRuleTable('slurm/abbreviated-option', {
  valid: [script('#SBATCH --ntasks-per-node=2')],
  invalid: [{ code: script('#SBATCH --ntasks-per-n=2'), errors: [{ line: 2, severity: 'info', fix: 'Write --ntasks-per-node in full', fixed: script('#SBATCH --ntasks-per-node=2') }] }],
});

runRuleTable('slurm/ignored-option', {
  valid: [script('#SBATCH --time=5')],
  invalid: [
    { name: 'wrap in a script', code: script('#SBATCH --wrap="python train.py"'), errors: [{ line: 2, severity: 'warning', message: 'command line', fix: 'Remove the ignored --wrap line', fixed: script() }] },
    { name: 'verbose among others', code: script('#SBATCH -v --time=5'), errors: [{ line: 2 }] },
  ],
});
