import * as assert from 'assert';
import { analyzeJobScript } from '../../../server/src/analyze';
import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/foreign-directive', {
  valid: [
    script('#SBATCH --time=10', 'srun hostname'),
    { name: '--ignore-pbs switches the translation off', code: script('#SBATCH --ignore-pbs', '#PBS -l walltime=2hours', '#PBS -X', 'srun hostname') },
    { name: '--ignore-pbs in the first het-job component covers them all', code: script('#SBATCH -N1 --ignore-pbs', '#SBATCH hetjob', '#SBATCH -N1', '#PBS -X', 'srun hostname') },
    { name: 'not a #PBS line for sbatch: indented, lower case, disabled', code: script('  #PBS -N x', '#pbs -N x', '##PBS -N x', 'srun hostname') },
    { name: 'sbatch refuses the script before translating anything', code: '#PBS -N x\nsrun hostname\n' },
  ],
  invalid: [
    {
      name: 'the same amount in other units is no override (180gb translated = 180G): only the translation is told',
      code: script('#SBATCH --mem=180G', '#SBATCH --time=2:00:00', '#PBS -l mem=180gb', '#PBS -l walltime=02:00:00', 'srun hostname'),
      errors: [{ line: 4, message: 'sbatch reads this #PBS line as --mem=180g' }, { line: 5, message: 'sbatch reads this #PBS line as --time=02:00:00' }],
    },
    {
      name: 'what sbatch makes of #PBS lines, and the rewrite',
      code: script('#PBS -N pbs_style', '#PBS -l walltime=02:00:00,nodes=2:ppn=8', 'srun hostname'),
      errors: [
        { line: 2, severity: 'info', message: 'sbatch reads this #PBS line as --job-name=pbs_style', fix: 'Rewrite as #SBATCH lines', fixed: script('#SBATCH --job-name=pbs_style', '#PBS -l walltime=02:00:00,nodes=2:ppn=8', 'srun hostname') },
        { line: 3, severity: 'info', message: 'as --time=02:00:00 --nodes=2 --ntasks=16', fix: 'Rewrite as #SBATCH lines', fixed: script('#PBS -N pbs_style', '#SBATCH --time=02:00:00', '#SBATCH --nodes=2', '#SBATCH --ntasks=16', 'srun hostname') },
      ],
    },
    {
      name: 'a line after the first command moves into the header; a comment stays',
      code: script('#SBATCH -p debug', 'module load x', '#PBS -N "my job" # name', 'srun hostname'),
      errors: [{ line: 4, severity: 'info', message: 'also after the first command', fix: 'Rewrite as #SBATCH lines', fixed: script('#SBATCH -p debug', '#SBATCH --job-name="my job" # name', 'module load x', 'srun hostname') }],
    },
    {
      name: '--ignore-pbs as the other way out',
      code: script('#PBS -q gpu', 'srun hostname'),
      errors: [{ line: 2, severity: 'info', fix: 'add #SBATCH --ignore-pbs', fixed: script('#SBATCH --ignore-pbs', '#PBS -q gpu', 'srun hostname') }],
    },
    {
      name: 'a bad value: sbatch refuses the script',
      code: script('#PBS -l walltime=2hours', 'srun hostname'),
      errors: [{ line: 2, severity: 'info' }, { line: 2, severity: 'error', message: 'becomes --time=2hours, which sbatch refuses' }],
    },
    { name: 'unknown qsub option', code: script('#PBS -X', 'srun hostname'), errors: [{ line: 2, severity: 'error', message: 'no translation for the qsub option -X' }] },
    {
      name: 'a stray word',
      code: script('#PBS -N variant calling', 'srun hostname'),
      errors: [{ line: 2, severity: 'info' }, { line: 2, severity: 'error', message: '"calling" is not a qsub option' }],
    },
    {
      name: 'replaces an #SBATCH value: warned, and the rewrite keeps the order',
      code: script('#SBATCH -p compute', '#PBS -q gpu', 'srun hostname'),
      errors: [
        { line: 3, severity: 'info', fix: 'Rewrite as #SBATCH lines', fixed: script('#SBATCH -p compute', '#SBATCH --partition=gpu', 'srun hostname') },
        { line: 3, severity: 'warning', message: 'replaces #SBATCH --partition=compute (line 2)' },
      ],
    },
    {
      name: 'a dropped resource: warned, and no rewrite',
      code: script('#PBS -l walltime=1:00:00,vmem=4gb', 'srun hostname'),
      errors: [{ line: 2, severity: 'info', message: 'it ignores vmem=4gb' }, { line: 2, severity: 'warning', message: 'ignores the PBS resource vmem=4gb' }],
    },
    {
      name: '#BSUB lines hide #PBS lines',
      code: script('#BSUB -W 60', '#PBS -l walltime=2hours', 'srun hostname'),
      errors: [{ line: 2, severity: 'info', message: 'this #BSUB line as --time=60' }, { line: 3, severity: 'warning', message: 'also has #BSUB lines' }],
    },
    { name: 'bad #BSUB time', code: script('#BSUB -W 2h', 'srun hostname'), errors: [{ line: 2, severity: 'info' }, { line: 2, severity: 'error', message: '--time=2h' }] },
    {
      name: '--ignore-pbs in a later het-job component comes too late for the first',
      code: script('#SBATCH -N1', '#SBATCH hetjob', '#SBATCH -N1 --ignore-pbs', '#PBS -X', 'srun hostname'),
      errors: [{ line: 5, severity: 'error', message: 'qsub option -X' }],
    },
    { name: '-d before 23.02', code: script('#PBS -d /scratch', 'srun hostname'), settings: { version: '22.05' }, errors: [{ line: 2, severity: 'error', message: 'before Slurm 23.02' }] },
  ],
});

describe('slurm/foreign-directive: no rewrite where it would change what sbatch does', () => {
  const rewriteOffered = (code: string, line: number) =>
    analyzeJobScript(code).findings.some((f) => f.code === 'slurm/foreign-directive' && f.range.start.line === line - 1 && f.fixes.some((x) => x.title === 'Rewrite as #SBATCH lines'));
  const cases: [string, string, number, boolean][] = [
    ['clean line', script('#PBS -l walltime=1:00:00', 'srun x'), 2, true],
    ['a dropped resource on the line', script('#PBS -l walltime=1:00:00,vmem=4gb', 'srun x'), 2, false],
    ['a value read differently (seconds)', script('#PBS -l walltime=3600', 'srun x'), 2, false],
    ['a later #SBATCH line sets the same option', script('#PBS -l walltime=1:00:00', '#SBATCH --time=5', 'srun x'), 2, false],
    ['another #PBS line sets the same option', script('#PBS -l walltime=1:00:00', '#PBS -l walltime=2:00:00', 'srun x'), 2, false],
    ['the value is on the next #PBS line', script('#PBS -N', '#PBS job', 'srun x'), 2, false],
    ['the line holds the value of the line before', script('#PBS -N', '#PBS job -q debug', 'srun x'), 3, false],
    ['a heterogeneous job (the translation applies to every component)', script('#SBATCH -N1', '#SBATCH hetjob', '#SBATCH -N1', '#PBS -q debug', 'srun x'), 5, false],
    ['the only #BSUB line, with #PBS lines waiting behind it', script('#BSUB -q debug', '#PBS -q gpu', 'srun x'), 2, false],
    ['umask has no #SBATCH option', script('#PBS -W umask=022', 'srun x'), 2, false],
    ['inside a here-document', script('cat > j.pbs <<EOF', '#PBS -q debug', 'EOF'), 3, false],
  ];
  for (const [name, code, line, offered] of cases) {
    it(`${name}: ${offered ? 'offered' : 'not offered'}`, () => assert.strictEqual(rewriteOffered(code, line), offered));
  }
});
