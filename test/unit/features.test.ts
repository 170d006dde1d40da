import * as assert from 'assert';
import { analyzeJobScript, resolveSettings } from '../../server/src/analyze';
import { completeAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';

/** Splits a text with one `|` caret into the text and the caret's position. */
function caret(marked: string): { text: string; line: number; character: number } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = marked.slice(0, at).split('\n');
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}

const settings = resolveSettings({ version: '22.05' });

function hover(marked: string): string | undefined {
  const { text, line, character } = caret(marked);
  return hoverAt(analyzeJobScript(text, settings), { line, character }, settings)?.markdown;
}

function complete(marked: string): string[] {
  const { text, line, character } = caret(marked);
  // The editor orders items by sortText; so do we.
  const entries = completeAt(analyzeJobScript(text, settings), text, { line, character }, settings);
  return entries.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).map((e) => e.label);
}

describe('hover (caret marks the position)', () => {
  const cases: [string, string | RegExp][] = [
    ['#!/bin/bash\n#SBATCH --ti|me=1-12:00:00\n', '`1-12:00:00` = 1 day 12 hours'],
    ['#!/bin/bash\n#SBATCH --time=1-12:0|0:00\n', '1 day 12 hours'],
    ['#!/bin/bash\n#SBATCH -|t 90\n', '1 hour 30 minutes'],
    ['#!/bin/bash\n#SBATCH --arr|ay=0-99%8\n', /100 tasks.*at most 8/],
    ['#!/bin/bash\n#SBATCH --me|m=4G\n', /4 GiB/],
    ['#!/bin/bash\n#SBATCH --ntasks-per-n|=2\n', '`--ntasks-per-node`'],
    ['#!/bin/bash\n#SB|ATCH -N 1\nsrun x\n', /first command, here line 3/],
  ];
  for (const [marked, expected] of cases) {
    it(JSON.stringify(marked), () => {
      const md = hover(marked);
      assert.ok(md, 'a hover');
      if (typeof expected === 'string') assert.ok(md.includes(expected), md);
      else assert.match(md, expected);
    });
  }
  it('nothing on a body line', () => assert.strictEqual(hover('#!/bin/bash\n#SBATCH -N 1\nsr|un x\n'), undefined));
});

describe('completion (caret marks the position)', () => {
  it('option names after #SBATCH, common ones first', () => {
    const labels = complete('#!/bin/bash\n#SBATCH --|\n');
    assert.deepStrictEqual(labels.slice(0, 3), ['--job-name', '--time', '--partition']);
    assert.ok(labels.includes('--mem-per-cpu'));
    assert.ok(!labels.includes('--oom-kill-step'), 'not an option of 22.05');
  });
  it('options already set come last', () => {
    const labels = complete('#!/bin/bash\n#SBATCH --time=5\n#SBATCH --|\n');
    assert.ok(labels.indexOf('--time') > labels.indexOf('--mem'), 'after an option the script does not set yet');
  });
  it('enum values after =, and after a comma', () => {
    assert.ok(complete('#!/bin/bash\n#SBATCH --mail-type=|\n').includes('END'));
    assert.ok(complete('#!/bin/bash\n#SBATCH --mail-type=BEGIN,|\n').includes('FAIL'));
    assert.ok(complete('#!/bin/bash\n#SBATCH --open-mode=|\n').includes('append'));
  });
  it('the directive and a whole header on an empty header line', () => {
    assert.deepStrictEqual(complete('#!/bin/bash\n#|\n'), ['#SBATCH job header', '#SBATCH']);
    assert.deepStrictEqual(complete('#!/bin/bash\n#SBATCH -N 1\n#S|\n'), ['#SBATCH'], 'no second header');
  });
  it('the prefix while it is typed; nothing right after it or in the body', () => {
    assert.deepStrictEqual(complete('#!/bin/bash\n#SBA|\n'), ['#SBATCH job header', '#SBATCH']);
    assert.deepStrictEqual(complete('#!/bin/bash\n#SBATCH|\n'), []);
    assert.deepStrictEqual(complete('#!/bin/bash\n#SBATCH -N 1\nsrun x\nech|\n'), []);
  });
});
