import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { completeAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { resolveSettings } from '../../server/src/analyze';
import { splitLines } from '../../server/src/slurm/lines';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'slurm');

/** Pieces real scripts are made of, so random scripts reach deep into the reader. */
const PIECES = ['#!/bin/bash\n', '#SBATCH ', '#SLURM ', '--time=', '-t ', '--mem', '=', '4G', ' ', '\n', '"', "'", '\\', '#', 'hetjob', '--array=0-9%2', ':', '-N2', '--', '$HOME', '%a', '\r\n', '\u0000', '--mail-type=END,', '--dependency=afterok:1', '  #SBATCH', 'srun x\n', '--exclusive=', 'é', '😀', '\t'];

function check(text: string): void {
  const settings = resolveSettings({ version: 'any' });
  const { findings, script } = analyzeJobScript(text, settings);
  const lines = splitLines(text).lines;
  for (const f of findings) {
    assert.ok(f.range.start.line >= 0 && f.range.start.line < lines.length, `line in range: ${JSON.stringify(f)}`);
    assert.ok(f.range.end.line < lines.length, 'end line in range');
    assert.ok(f.range.start.character <= lines[f.range.start.line].length, `start column in range: ${JSON.stringify(f)}`);
    assert.ok(f.range.end.character <= lines[f.range.end.line].length, `end column in range: ${JSON.stringify(f)}`);
    assert.ok(!f.message.startsWith('Internal error'), f.message);
  }
  // hover and completion at a few positions never throw either
  for (let l = 0; l < Math.min(lines.length, 4); l++) {
    hoverAt({ findings, script, kind: 'job-script' }, { line: l, character: Math.floor(lines[l].length / 2) }, settings);
    completeAt({ findings, script, kind: 'job-script' }, text, { line: l, character: lines[l].length }, settings);
  }
}

describe('fuzzing the reader: any text gets an answer, never an exception', function () {
  this.timeout(120000);
  it('random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => check(s)), { numRuns: 400 });
  });
  it('scripts made of directive pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (parts) => check(parts.join(''))), { numRuns: 1500 });
  });
  it('mutated fixture scripts (characters deleted, duplicated, swapped)', () => {
    let corpus: string[] = [];
    try {
      corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.sh')).map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
    } catch {
      corpus = [];
    }
    if (corpus.length === 0) corpus = ['#!/bin/bash\n#SBATCH --time=10 --mem=4G\n#SBATCH --array=0-9%2\nsrun x\n'];
    const mutation = fc.record({ doc: fc.nat(corpus.length - 1), at: fc.nat(), len: fc.nat(8), op: fc.constantFrom('delete', 'dup', 'swap', 'insert'), ch: fc.constantFrom(...PIECES) });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        let text = corpus[ms[0].doc];
        for (const m of ms) {
          const at = text.length === 0 ? 0 : m.at % text.length;
          if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.len);
          else if (m.op === 'dup') text = text.slice(0, at) + text.slice(at, at + m.len) + text.slice(at);
          else if (m.op === 'insert') text = text.slice(0, at) + m.ch + text.slice(at);
          else text = text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2);
        }
        check(text);
      }),
      { numRuns: 1500 },
    );
  });
});
