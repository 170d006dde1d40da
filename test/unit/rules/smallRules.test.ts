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

runRuleTable('slurm/missing-required-option', {
  valid: [
    script('#SBATCH --mem-per-gpu=16G', '#SBATCH --gres=gpu:1'),
    script('#SBATCH --mem-per-gpu=16G --gpus=1'),
    script('#SBATCH --gpus-per-task=1 -n 2'),
    script('#SBATCH --gpus-per-socket=1 --sockets-per-node=1'),
    script('#SBATCH --ntasks-per-tres=2 -N 1'),
    script('#SBATCH --distribution=arbitrary -w node[01-02]'),
    script('#SBATCH --distribution=block'),
  ],
  invalid: [
    { name: 'mem-per-gpu without GPUs', code: script('#SBATCH -p gpu', '#SBATCH --mem-per-gpu=16G'), errors: [{ line: 3, severity: 'error', message: 'GPU request' }] },
    { name: 'gres without a gpu', code: script('#SBATCH --gres=shard:2 --mem-per-gpu=1G'), errors: [{ line: 2 }] },
    { name: 'gpus-per-task alone', code: script('#SBATCH --gpus-per-task=1'), errors: [{ line: 2, message: '--ntasks' }] },
    { name: 'gpus-per-socket alone', code: script('#SBATCH --gpus-per-socket=1'), errors: [{ line: 2, message: '--sockets-per-node' }] },
    { name: 'ntasks-per-gpu alone', code: script('#SBATCH --ntasks-per-gpu=2'), errors: [{ line: 2 }] },
    { name: 'arbitrary without node list', code: script('#SBATCH --distribution=arbitrary'), errors: [{ line: 2, message: 'node list' }] },
  ],
});

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
runRuleTable('slurm/impossible-times', {
  valid: [
    script('#SBATCH --time=10 --time-min=5'),
    script('#SBATCH --time=UNLIMITED --time-min=2-00:00:00'),
    { code: script('#SBATCH --begin=now --deadline=now+1hour'), settings: { now: NOW } },
    { code: script('#SBATCH --deadline=2027-01-01T00:00:00'), settings: { now: NOW } },
    { name: 'a date without a year is the next one to come', code: script('#SBATCH --deadline=01/01'), settings: { now: NOW } },
  ],
  invalid: [
    { name: 'time-min over time', code: script('#SBATCH --time=01:00:00', '#SBATCH --time-min=01:30:00'), errors: [{ line: 3, severity: 'error', message: 'longer than --time' }] },
    { name: 'deadline before begin', code: script('#SBATCH --begin=now+3hours', '#SBATCH --deadline=now+1hour'), settings: { now: NOW }, errors: [{ line: 3, message: 'before --begin' }] },
    { name: 'deadline passed', code: script('#SBATCH --deadline=2001-01-01T00:00:00'), settings: { now: NOW }, errors: [{ line: 2, message: 'already passed' }] },
  ],
});
