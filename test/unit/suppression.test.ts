import * as assert from 'assert';
import { analyzeJobScript } from '../../server/src/analyze';
import { applyEdits } from '../../server/src/core/fixAll';
import { suppressionFix } from '../../server/src/features/suppressFix';
import { splitLines } from '../../server/src/slurm/lines';

const L = (...lines: string[]) => lines.join('\n') + '\n';

describe('suppression comments', () => {
  const cases: { name: string; text: string; codes: string[] }[] = [
    { name: 'next line', text: L('#!/bin/bash', '# hpc-disable-next-line slurm/unknown-option', '#SBATCH --foo', '#SBATCH --bar'), codes: ['slurm/unknown-option'] },
    { name: 'same line, trailing', text: L('#!/bin/bash', '#SBATCH --foo # hpc-disable-line slurm/unknown-option', '#SBATCH --bar'), codes: ['slurm/unknown-option'] },
    { name: 'whole file', text: L('#!/bin/bash', '# hpc-disable slurm/unknown-option', '#SBATCH --foo', '#SBATCH --bar'), codes: [] },
    { name: 'all rules on a line', text: L('#!/bin/bash', '# hpc-disable-next-line', '#SBATCH --foo --time=abc'), codes: [] },
    { name: 'several ids', text: L('#!/bin/bash', '# hpc-disable-next-line slurm/unknown-option, slurm/invalid-value', '#SBATCH --foo --time=abc'), codes: [] },
    { name: 'another rule is not switched off', text: L('#!/bin/bash', '# hpc-disable-next-line slurm/invalid-value', '#SBATCH --foo'), codes: ['slurm/unknown-option'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepStrictEqual(analyzeJobScript(c.text).findings.map((f) => f.code), c.codes));
  }

  it('the "turn off for this line" fix silences exactly that finding', () => {
    const text = L('#!/bin/bash', '#SBATCH --foo', '#SBATCH --bar');
    const first = analyzeJobScript(text).findings[0];
    const fixed = applyEdits(text, splitLines(text).starts, suppressionFix(first, splitLines(text).lines).edits);
    assert.strictEqual(fixed, L('#!/bin/bash', '# hpc-disable-next-line slurm/unknown-option', '#SBATCH --foo', '#SBATCH --bar'));
    assert.deepStrictEqual(analyzeJobScript(fixed).findings.map((f) => f.range.start.line), [3]);
  });

  it('a finding on the #! line is turned off for the file, keeping #! first', () => {
    const text = L('#!/bin/bash', '#SBATCH -t 5');
    const f = { code: 'slurm/not-a-batch-script', severity: 'error' as const, message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, fixes: [] };
    const fixed = applyEdits(text, splitLines(text).starts, suppressionFix(f, splitLines(text).lines).edits);
    assert.strictEqual(fixed, L('#!/bin/bash', '# hpc-disable slurm/not-a-batch-script', '#SBATCH -t 5'));
  });
});
