import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/unknown-option', {
  valid: [
    script('#SBATCH --time=10 --mem=4G -N 1 -c 4'),
    script('#SBATCH --ntasks-per-n=2'),
    { name: 'site plugin option', code: script('#SBATCH --container-image=nvcr.io/nvidia/pytorch:24.01-py3'), settings: { siteOptions: [{ name: 'container-image' }] } },
    { name: 'newer option with version any', code: script('#SBATCH --oom-kill-step') },
    script('echo --foo', '#SBATCH --foo'), // after the first command: not read
  ],
  invalid: [
    { name: 'typo', code: script('#SBATCH --tmie=10'), errors: [{ line: 2, severity: 'error', message: 'did you mean --time', fix: 'Change to --time', fixed: script('#SBATCH --time=10') }] },
    { name: 'habit from PBS', code: script('#SBATCH --walltime=01:00:00'), errors: [{ line: 2, fix: 'Change to --time' }] },
    { name: 'underscore', code: script('#SBATCH --cpus_per_task=4'), errors: [{ line: 2, fix: 'Change to --cpus-per-task' }] },
    { name: 'nothing close', code: script('#SBATCH --zzzzzzzz'), errors: [{ line: 2, message: 'does not know' }] },
    { name: 'ambiguous prefix', code: script('#SBATCH --mem-p=1G'), errors: [{ line: 2, message: '--mem-per-cpu', fix: 'Change to --mem-per-gpu' }] },
    { name: 'short letter', code: script('#SBATCH -y'), errors: [{ line: 2, message: 'no short option' }] },
    { name: 'not in 22.05', code: script('#SBATCH --oom-kill-step'), settings: { version: '22.05' }, errors: [{ line: 2, message: 'added in 24.11' }] },
    { name: 'removed option', code: script('#SBATCH --power=level'), settings: { version: '24.05' }, errors: [{ line: 2, message: 'removed after 23.11' }] },
    { name: 'several on one line', code: script('#SBATCH --foo --time=5 --bar'), errors: [{ line: 2 }, { line: 2 }] },
  ],
});
