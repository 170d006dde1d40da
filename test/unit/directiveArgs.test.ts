import * as assert from 'assert';
import { splitDirectiveArgs } from '../../server/src/slurm/directiveArgs';

/** Each line is split after its 7-character `#SBATCH` prefix, as sbatch's get_argument does. */
const CASES: { line: string; args: string[]; comment?: number; error?: string; dropped?: number }[] = [
  { line: '#SBATCH --time=10', args: ['--time=10'] },
  { line: '#SBATCH --time 10', args: ['--time', '10'] },
  { line: '#SBATCH -N 2 -c 4', args: ['-N', '2', '-c', '4'] },
  { line: '#SBATCH\t--mem=4G', args: ['--mem=4G'] },
  { line: '#SBATCH--time=10', args: ['--time=10'] },
  { line: '#SBATCH --job-name="a b"', args: ['--job-name=a b'] },
  { line: "#SBATCH --job-name='a b'", args: ['--job-name=a b'] },
  { line: '#SBATCH --job-name=a" "b', args: ['--job-name=a b'] },
  { line: '#SBATCH --job-name="a#b" # note', args: ['--job-name=a#b'], comment: 25 },
  { line: '#SBATCH --time=10 # ten minutes', args: ['--time=10'], comment: 18 },
  { line: '#SBATCH --time=10# glued', args: ['--time=10'], comment: 17 },
  // sbatch checks for a blank before it looks at the escape, so a backslash cannot join words
  { line: '#SBATCH --job-name=a\\ b', args: ['--job-name=a', 'b'] },
  { line: '#SBATCH --job-name=a\\#b', args: ['--job-name=a#b'] },
  { line: '#SBATCH --comment="say \\"hi\\""', args: ['--comment=say "hi"'] },
  { line: '#SBATCH --job-name="unterminated', args: [], error: 'unmatched-quote' },
  { line: '#SBATCH :x', args: [], error: 'unexpected-colon' },
  { line: '#SBATCH --time=1 :x', args: ['--time=1'], error: 'unexpected-colon' },
  { line: '#SBATCH hetjob', args: [] },
  { line: '#SBATCH hetjob --time=5', args: [], dropped: 15 },
  { line: '#SBATCH --time=5 packjob --mem=1G', args: ['--time=5'], dropped: 25 },
  { line: '#SBATCH "" --time=5', args: [], dropped: 11 },
  { line: '#SBATCH', args: [] },
  { line: '#SBATCH    ', args: [] },
  { line: '#SBATCH # only a comment', args: [], comment: 8 },
];

describe('splitDirectiveArgs (sbatch get_argument)', () => {
  for (const c of CASES) {
    it(JSON.stringify(c.line), () => {
      const r = splitDirectiveArgs(c.line, 7);
      assert.deepStrictEqual(r.args.map((a) => a.text), c.args);
      if (c.comment !== undefined) assert.strictEqual(r.commentStart, c.comment);
      assert.strictEqual(r.error?.kind, c.error);
      assert.strictEqual(r.droppedFrom, c.dropped);
      for (const a of r.args) {
        assert.strictEqual(a.columns.length, a.text.length, 'one column per character');
        for (const [k, col] of a.columns.entries()) assert.strictEqual(c.line[col], a.text[k], `column of char ${k}`);
      }
    });
  }
});
