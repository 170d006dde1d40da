/**
 * sbatch's translation of #PBS / #BSUB lines (Slurm's src/sbatch/xlate.c). Every row's expected
 * options and refusals were checked with the real sbatch 22.05 (`sbatch --test-only -v`, which
 * prints the options it ended up with) on the test cluster, unless marked "source" (read from
 * xlate.c of the series named).
 */
import * as assert from 'assert';
import { optionCatalog } from '../../server/src/slurm/catalog';
import { parseJobScript } from '../../server/src/slurm/jobScript';
import type { TargetVersion } from '../../server/src/slurm/versions';
import { describeTranslated, pbsMailType, rangedHostlist, translateForeignDirectives, type ForeignTranslation } from '../../server/src/slurm/xlate';
import { script } from '../support/ruleTable';

interface Case {
  name: string;
  /** Script lines after `#!/bin/bash` (line 2 is the first of these). */
  lines: string[];
  /** Translated options in the order sbatch applies them, as #SBATCH words. */
  options: string[];
  /** `line:kind:severity` of every problem, in order (1-based lines). */
  problems?: string[];
  version?: TargetVersion;
}

const CASES: Case[] = [
  // --- #PBS: what each option becomes
  { name: 'job name', lines: ['#PBS -N pbs_style'], options: ['--job-name=pbs_style'] },
  { name: 'resources: nodes=N:ppn=P is N nodes and N*P tasks', lines: ['#PBS -l walltime=02:00:00,mem=8gb,nodes=2:ppn=8'], options: ['--time=02:00:00', '--mem=8g', '--nodes=2', '--ntasks=16'] },
  { name: 'mail events', lines: ['#PBS -m abe'], options: ['--mail-type=BEGIN,END,FAIL'] },
  { name: 'mail n wins', lines: ['#PBS -m abn'], options: ['--mail-type=NONE'] },
  { name: 'mail with no known letter', lines: ['#PBS -m x'], options: [], problems: ['2:invalid-value:error'] },
  { name: 'qsub letters for sbatch options', lines: ['#PBS -p 0 -J 1-4 -h -A acct -e e.txt -o o.txt -M me@x.org -q debug'], options: ['--nice=0', '--array=1-4', '--hold', '--account=acct', '--error=e.txt', '--output=o.txt', '--mail-user=me@x.org', '--partition=debug'] },
  { name: '-p is a priority, --nice the reverse', lines: ['#PBS -p 10'], options: ['--nice=10'], problems: ['2:questionable-value:warning'] },
  { name: '-a digits are a date to --begin', lines: ['#PBS -a 1230'], options: ['--begin=1230'], problems: ['2:questionable-value:warning'] },
  { name: '-t array (Torque)', lines: ['#PBS -t 0-9%2'], options: ['--array=0-9%2'] },
  { name: 'options dropped without a word', lines: ['#PBS -j oe -V -z -C X'], options: [] },
  { name: 'options dropped that change the job', lines: ['#PBS -k oe -r n -S /bin/sh -u bob -I -c n'], options: [], problems: ['2:ignored:warning', '2:ignored:warning', '2:ignored:warning', '2:ignored:warning', '2:ignored:warning', '2:ignored:warning'] },
  { name: '-W depend and umask; other attributes dropped', lines: ['#PBS -W depend=afterok:123 -W umask=022 -W group_list=foo'], options: ['--dependency=afterok:123', 'umask 022'], problems: ['2:ignored:warning'] },
  { name: '-W umask out of range', lines: ['#PBS -W umask=999'], options: ['umask 999'], problems: ['2:invalid-value:error'] },
  { name: '-v adds to #SBATCH --export', lines: ['#SBATCH --export=A=1', '#PBS -v B=2', '#PBS -v C=3'], options: ['--export=A=1,B=2', '--export=A=1,B=2,C=3'] },
  { name: '-d is --chdir from 23.02 (source: 23.02 xlate.c)', lines: ['#PBS -d /tmp'], options: ['--chdir=/tmp'], version: '23.02' },
  { name: '-d is unknown to 22.05 (the stray value after it is never reached)', lines: ['#PBS -d /tmp'], options: [], problems: ['2:unknown-option:error'], version: '22.05' },
  // --- #PBS -l resources
  { name: 'select/ncpus/mpiprocs give cpus-per-task', lines: ['#PBS -l select=2:ncpus=8:mpiprocs=4'], options: ['--nodes=2', '--mincpus=8', '--ntasks-per-node=4', '--cpus-per-task=2'] },
  { name: 'ncpus= runs to the next colon', lines: ['#PBS -l select=2:ncpus=8,walltime=1:00:00'], options: ['--nodes=2', '--mincpus=8,walltime=1'], problems: ['2:invalid-value:error'] },
  { name: 'a known name inside an unknown one', lines: ['#PBS -l gpumem=8gb'], options: ['--mem=8g'], problems: ['2:ignored:warning'] },
  { name: 'proc= swallows the next resource', lines: ['#PBS -l proc=foo,walltime=1:00:00'], options: ['--constraint=foo'], problems: ['2:ignored:warning'] },
  { name: 'proc= adds to #SBATCH --constraint', lines: ['#SBATCH --constraint=a', '#PBS -l proc=b'], options: ['--constraint=b,a'] },
  { name: 'host names in nodes=', lines: ['#PBS -l nodes=node01+node02:ppn=4'], options: ['--ntasks=4', '--nodelist=node[01-02]'] },
  { name: 'a node property read as a host', lines: ['#PBS -l nodes=2:ppn=4:ib'], options: ['--nodes=2', '--ntasks=8', '--nodelist=ib'], problems: ['2:questionable-value:warning'] },
  { name: 'gpus= in nodes=', lines: ['#PBS -l nodes=1:ppn=4:gpus=2'], options: ['--gpus-per-node=2', '--nodes=1', '--ntasks=4'] },
  { name: 'nodes=0 counts as one node', lines: ['#PBS -l nodes=0:ppn=2'], options: ['--ntasks=2'] },
  { name: 'accelerators become a GPU gres', lines: ['#PBS -l naccelerators=2,accelerator=true'], options: ['--gres=gpu:2'] },
  { name: 'accelerator adds to #SBATCH --gres', lines: ['#SBATCH --gres=foo:1', '#PBS -l accelerator=TRUE,mem=1GB'], options: ['--mem=1G', '--gres=foo:1,gpu:1'] },
  { name: 'naccelerators must be a number', lines: ['#PBS -l naccelerators=x'], options: [], problems: ['2:invalid-value:error'] },
  {
    name: 'file, nice, cput and skipped resources',
    lines: ['#PBS -l file=10gb,nice=5,cput=10:00,pmem=1gb,vmem=2gb,software=abc,arch=x86'],
    options: ['--tmp=10g', '--nice=5', '--time=10:00'],
    problems: ['2:questionable-value:warning', '2:ignored:warning', '2:ignored:warning', '2:ignored:warning', '2:ignored:warning'],
  },
  { name: 'walltime in seconds is minutes to sbatch', lines: ['#PBS -l walltime=3600'], options: ['--time=3600'], problems: ['2:questionable-value:warning'] },
  { name: 'memory without unit', lines: ['#PBS -l mem=8000'], options: ['--mem=8000'], problems: ['2:questionable-value:warning'] },
  { name: 'bad walltime', lines: ['#PBS -l walltime=2hours'], options: ['--time=2hours'], problems: ['2:invalid-value:error'] },
  { name: 'empty mem', lines: ['#PBS -l mem=,walltime=1:00'], options: ['--mem=""', '--time=1:00'], problems: ['2:invalid-value:error'] },
  { name: 'fractional mem', lines: ['#PBS -l mem=1.5gb'], options: ['--mem=1.5g'], problems: ['2:invalid-value:error'] },
  { name: 'a later walltime replaces an earlier one', lines: ['#PBS -l walltime=1:00:00,cput=10:00'], options: ['--time=1:00:00', '--time=10:00'], problems: ['2:overridden:warning', '2:questionable-value:warning'] },
  { name: 'a later refused walltime', lines: ['#PBS -l walltime=1:00:00,walltime=2hours'], options: ['--time=1:00:00', '--time=2hours'], problems: ['2:invalid-value:error'] },
  // --- getopt over #PBS words
  { name: 'unknown option', lines: ['#PBS -X'], options: [], problems: ['2:unknown-option:error'] },
  { name: 'two-word value', lines: ['#PBS -N variant calling'], options: ['--job-name=variant'], problems: ['2:stray-argument:error'] },
  { name: 'value on the next #PBS line', lines: ['#PBS -l', '#PBS walltime=1:00:00'], options: ['--time=1:00:00'] },
  { name: 'ambiguous long option', lines: ['#PBS --j=x'], options: [], problems: ['2:ambiguous-option:error'] },
  { name: 'long options, abbreviated; --join takes no separate value', lines: ['#PBS --job_n=abc --join --hold'], options: ['--job-name=abc', '--hold'] },
  { name: 'no value allowed', lines: ['#PBS --hold=1'], options: [], problems: ['2:unexpected-value:error'] },
  { name: 'unknown long option', lines: ['#PBS --foo'], options: [], problems: ['2:unknown-option:error'] },
  { name: 'words after --', lines: ['#PBS -- -N x'], options: [], problems: ['2:stray-argument:error'] },
  { name: 'missing value', lines: ['#PBS -N'], options: [], problems: ['2:missing-value:error'] },
  { name: 'short cluster', lines: ['#PBS -hN name'], options: ['--hold', '--job-name=name'] },
  { name: 'comment ends the line', lines: ['#PBS -N a#b'], options: ['--job-name=a'] },
  { name: 'text after hetjob', lines: ['#PBS -N x hetjob -q debug'], options: ['--job-name=x'], problems: ['2:dropped-text:warning'] },
  { name: 'leading colon', lines: ['#PBS :x'], options: [], problems: ['2:syntax:error'] },
  { name: 'prefix glued to a word', lines: ['#PBSfoo -l walltime=1:00'], options: [], problems: ['2:stray-argument:error'] },
  // --- where #PBS lines are read
  { name: 'after the first command', lines: ['module load x', '#PBS -l walltime=2hours'], options: ['--time=2hours'], problems: ['3:invalid-value:error'] },
  { name: 'inside a here-document', lines: ['cat > job.pbs <<EOF', '#PBS -N inner', 'EOF'], options: ['--job-name=inner'], problems: ['3:in-heredoc:warning'] },
  { name: 'indented or lower case: not read', lines: ['  #PBS -X', '#pbs -X'], options: [] },
  { name: 'replaces #SBATCH', lines: ['#SBATCH --time=10', '#PBS -l walltime=1:00:00'], options: ['--time=1:00:00'], problems: ['3:overrides-sbatch:warning'] },
  { name: 'same as #SBATCH', lines: ['#SBATCH --partition=debug', '#PBS -q debug'], options: ['--partition=debug'] },
  { name: '--ignore-pbs', lines: ['#SBATCH --ignore-pbs', '#PBS -X'], options: [] },
  // --- #BSUB
  { name: 'bad time', lines: ['#BSUB -W 2h'], options: ['--time=2h'], problems: ['2:invalid-value:error'] },
  {
    name: 'bsub letters',
    lines: ['#BSUB -W 2:30 -n 2,4 -M 4000 -q debug -J jb -o out.%J -e err -x'],
    options: ['--time=2:30', '--ntasks=4', '--mem-per-cpu=4000K', '--partition=debug', '--job-name=jb', '--output=out.%J', '--error=err', '--exclusive'],
    problems: ['2:questionable-value:warning', '2:questionable-value:warning'],
  },
  { name: 'memory with a unit', lines: ['#BSUB -M 4GB'], options: ['--mem-per-cpu=4GB'] },
  { name: '-cwd first', lines: ['#BSUB -cwd /tmp'], options: ['--chdir=/tmp'] },
  { name: '-cwd at an even position is -c wd', lines: ['#BSUB -x -cwd /tmp'], options: ['--exclusive', '--chdir=wd'], problems: ['2:questionable-value:warning', '2:stray-argument:error'] },
  { name: 'positions count across lines', lines: ['#BSUB -x', '#BSUB -cwd /tmp'], options: ['--exclusive', '--chdir=wd'], problems: ['3:questionable-value:warning', '3:stray-argument:error'] },
  { name: '-n min, without max', lines: ['#BSUB -n 2,'], options: [], problems: ['2:invalid-value:error'] },
  { name: 'unknown bsub option', lines: ['#BSUB -P proj'], options: [], problems: ['2:unknown-option:error'] },
  { name: 'hosts separated by blanks', lines: ['#BSUB -m "node1 node2"'], options: ['--nodelist=node1,node2'] },
  { name: 'bsub long options', lines: ['#BSUB --time=10 --queue=debug --exclusive'], options: ['--time=10', '--partition=debug', '--exclusive'] },
  { name: 'bsub lines win over pbs lines', lines: ['#BSUB -W 60', '#PBS -l walltime=2hours'], options: ['--time=60'], problems: ['3:not-read:warning'] },
  { name: 'prefix glued to a letter', lines: ['#BSUBX -W 60'], options: [], problems: ['2:stray-argument:error'] },
];

function translate(lines: string[], version: TargetVersion = 'any'): ForeignTranslation {
  const js = parseJobScript(script(...lines, 'hostname'), optionCatalog(version));
  return translateForeignDirectives(js, js.options.some((o) => o.spec.name === 'ignore-pbs'), { sbatchOptions: js.options, version });
}

describe('translateForeignDirectives (sbatch reading #PBS / #BSUB lines)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.lines.join(' | ')}`, () => {
      const t = translate(c.lines, c.version);
      assert.deepStrictEqual(t.options.map(describeTranslated), c.options);
      assert.deepStrictEqual(t.problems.map((p) => `${p.line + 1}:${p.kind}:${p.severity}`), c.problems ?? [], t.problems.map((p) => p.message).join('\n'));
    });
  }

  it('places each option at its foreign option and value as written', () => {
    const t = translate(['#PBS -l walltime=2:00:00,mem=8gb -N "my job"']);
    const at = t.options.map((o) => [o.option, o.name.line, o.name.start, o.name.end, o.valueSpan?.start, o.valueSpan?.end]);
    assert.deepStrictEqual(at, [
      ['time', 1, 5, 7, 8, 24],
      ['mem', 1, 5, 7, 25, 32],
      ['job-name', 1, 33, 35, 37, 43],
    ]);
    assert.deepStrictEqual(t.options.map((o) => o.written), ['-l walltime=2:00:00', '-l mem=8gb', '-N my job']);
    assert.strictEqual(t.lines.length, 1);
    assert.strictEqual(t.lines[0].options.length, 3);
  });

  it('points a refused value at the resource that produced it', () => {
    const [p] = translate(['#PBS -N x -l walltime=2hours']).problems;
    assert.deepStrictEqual([p.line, p.start, p.end], [1, 13, 28]);
    assert.ok(p.message.includes('--time=2hours'), p.message);
  });

  it('stops reading after 100 lines that do not start with #, blank lines included', () => {
    const filler = (n: number, text: string) => Array.from({ length: n }, () => text);
    assert.deepStrictEqual(translate([...filler(99, 'true'), '#PBS -N a']).options.map(describeTranslated), ['--job-name=a']);
    assert.deepStrictEqual(translate([...filler(100, ''), '#PBS -N a']).options.map(describeTranslated), ['--job-name=a']);
    const beyond = translate([...filler(101, '  # indented comments count too'), '#PBS -N a']);
    assert.deepStrictEqual(beyond.options, []);
    assert.deepStrictEqual(beyond.problems.map((p) => `${p.line}:${p.kind}`), ['102:not-read']);
  });

  it('reads a #PBS line continued after a lone carriage return as one line', () => {
    const js = parseJobScript('#!/bin/bash\n#PBS -N x\r-l walltime=1:00\nhostname\n', optionCatalog('any'));
    const t = translateForeignDirectives(js, false);
    assert.deepStrictEqual(t.options.map(describeTranslated), ['--job-name=x', '--time=1:00']);
    assert.deepStrictEqual(t.lines.map((l) => [l.line, l.lastLine]), [[1, 2]]);
  });

  it('translates nothing for a script sbatch refuses as a whole, or with --ignore-pbs', () => {
    const noShebang = parseJobScript('#PBS -X\nhostname\n', optionCatalog('any'));
    assert.deepStrictEqual(translateForeignDirectives(noShebang, false).problems, []);
    const ok = parseJobScript(script('#PBS -X'), optionCatalog('any'));
    assert.strictEqual(translateForeignDirectives(ok, false).problems.length, 1);
    assert.deepStrictEqual(translateForeignDirectives(ok, true), { lines: [], options: [], problems: [], shadowedLines: [] });
  });

  it('never throws on odd input', () => {
    const pieces = ['#PBS', '#BSUB', ' -l', ' -W', ' -cwd', ' -n', ' -M', ' -m', ' nodes=', 'select=', ':', ',', '+', 'ppn=', 'gpus=', 'proc=', 'accelerator=', '"', "'", '\\', '#', ' hetjob', '\r', '\n', 'umask=', ' --', '=', 'x', '9'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    for (let n = 0; n < 500; n++) {
      let text = '#!/bin/bash\n';
      for (let k = 0; k < 25; k++) text += pieces[next()];
      const js = parseJobScript(text, optionCatalog('any'));
      assert.doesNotThrow(() => translateForeignDirectives(js, false, { sbatchOptions: js.options }), text);
    }
  });
});

describe('pbsMailType (qsub -m letters)', () => {
  const rows: [string, string | undefined][] = [['abe', 'BEGIN,END,FAIL'], ['ea', 'END,FAIL'], ['B', 'BEGIN'], ['an', 'NONE'], ['x', undefined], ['', undefined]];
  for (const [arg, expected] of rows) it(JSON.stringify(arg), () => assert.strictEqual(pbsMailType(arg), expected));
});

describe('rangedHostlist (the --nodelist of nodes=host+host)', () => {
  const rows: [string[], string][] = [
    [['node01', 'node02'], 'node[01-02]'],
    [['node01', 'node02', 'node05'], 'node[01-02,05]'],
    [['node1'], 'node1'],
    [['ib'], 'ib'],
    [['a1', 'b1', 'a2'], 'a1,b1,a2'],
    [['n9', 'n10'], 'n[9-10]'],
    [['n09', 'n10'], 'n[09-10]'],
    [[], ''],
  ];
  for (const [hosts, expected] of rows) it(hosts.join('+') || '(none)', () => assert.strictEqual(rangedHostlist(hosts), expected));
});
