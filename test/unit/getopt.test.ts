import * as assert from 'assert';
import { optionCatalog } from '../../server/src/slurm/catalog';
import { parseJobScript } from '../../server/src/slurm/jobScript';
import type { TargetVersion } from '../../server/src/slurm/versions';

const L = (...lines: string[]) => ['#!/bin/bash', ...lines].join('\n') + '\n';

function read(text: string, version: TargetVersion = '22.05') {
  const s = parseJobScript(text, optionCatalog(version));
  return {
    options: s.options.map((o) => `${o.spec.name}=${o.value ?? '<none>'}`),
    problems: s.components.flatMap((c) => c.problems.map((p) => `${p.kind}:${p.written}`)),
  };
}

describe('readOptions (getopt_long as sbatch calls it)', () => {
  const cases: { name: string; text: string; version?: TargetVersion; options: string[]; problems?: string[] }[] = [
    { name: '--opt=value', text: L('#SBATCH --time=10'), options: ['time=10'] },
    { name: '--opt value', text: L('#SBATCH --time 10'), options: ['time=10'] },
    { name: 'value on the next directive line', text: L('#SBATCH --time', '#SBATCH 10'), options: ['time=10'] },
    { name: 'next option swallowed as value', text: L('#SBATCH --job-name', '#SBATCH --mem=1G'), options: ['job-name=--mem=1G'] },
    { name: 'missing value at the end', text: L('#SBATCH --time'), options: [], problems: ['missing-value:--time'] },
    { name: 'short with attached value', text: L('#SBATCH -N2 -c4'), options: ['nodes=2', 'cpus-per-task=4'] },
    { name: 'short with separate value', text: L('#SBATCH -t 10'), options: ['time=10'] },
    { name: 'short flag cluster', text: L('#SBATCH -Hkv'), options: ['hold=<none>', 'no-kill=v'] },
    { name: 'unique abbreviation', text: L('#SBATCH --ntasks-per-n=2'), options: ['ntasks-per-node=2'] },
    { name: 'exact name beats prefixes', text: L('#SBATCH --time=5'), options: ['time=5'] },
    { name: 'ambiguous abbreviation', text: L('#SBATCH --mem-p=1G'), options: [], problems: ['ambiguous:--mem-p'] },
    { name: 'unknown long option', text: L('#SBATCH --foo=1'), options: [], problems: ['unknown:--foo'] },
    { name: 'unknown short option', text: L('#SBATCH -y'), options: [], problems: ['unknown:-y'] },
    { name: 'flag given a value', text: L('#SBATCH --hold=yes'), options: [], problems: ['unexpected-value:--hold'] },
    { name: 'optional value only after =', text: L('#SBATCH --exclusive user'), options: ['exclusive=<none>'], problems: ['not-an-option:user'] },
    { name: 'optional value with =', text: L('#SBATCH --exclusive=user'), options: ['exclusive=user'] },
    { name: 'reading stops at a stray word', text: L('#SBATCH --job-name=a b --time=abc'), options: ['job-name=a'], problems: ['not-an-option:b'] },
    { name: '-- ends options; the next word is a stray', text: L('#SBATCH -t 5 -- -N 2'), options: ['time=5'], problems: ['not-an-option:-N'] },
    { name: 'empty value after =', text: L('#SBATCH --time='), options: ['time='] },
    { name: 'option of a newer series is unknown in 22.05', text: L('#SBATCH --oom-kill-step'), options: [], problems: ['unknown:--oom-kill-step'] },
    { name: 'same option is known with version any', text: L('#SBATCH --oom-kill-step'), version: 'any', options: ['oom-kill-step=<none>'] },
    { name: 'tasks-per-node is another name of ntasks-per-node', text: L('#SBATCH --tasks-per-node=4'), options: ['tasks-per-node=4'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = read(c.text, c.version);
      assert.deepStrictEqual(r.options, c.options);
      assert.deepStrictEqual(r.problems, c.problems ?? []);
    });
  }

  it('each het-job component is read on its own', () => {
    const s = parseJobScript(L('#SBATCH -t 5', '#SBATCH hetjob', '#SBATCH -t 6'), optionCatalog('22.05'));
    assert.deepStrictEqual(s.components.map((c) => c.options.map((o) => o.value)), [['5'], ['6']]);
  });

  it('value columns point at the value as written, through quotes', () => {
    const text = L('#SBATCH --job-name="my job"');
    const o = parseJobScript(text, optionCatalog('22.05')).options[0];
    const line = text.split('\n')[1];
    assert.strictEqual(o.valueColumns.map((c) => line[c]).join(''), 'my job');
  });
});
