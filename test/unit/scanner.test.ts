import * as assert from 'assert';
import { scanJobScript } from '../../server/src/slurm/scanner';

const L = (...lines: string[]) => lines.join('\n') + '\n';

describe('scanJobScript: which lines sbatch reads', () => {
  const cases: { name: string; text: string; directives: number[]; firstCommand?: number; misses?: [number, string][] }[] = [
    { name: 'plain header', text: L('#!/bin/bash', '#SBATCH -t 5', '#SBATCH -N 1', 'srun hostname'), directives: [1, 2], firstCommand: 3 },
    { name: 'blank lines and comments do not end the header', text: L('#!/bin/bash', '', '# a comment', '#SBATCH -t 5', '   ', '#SBATCH -N 1'), directives: [3, 5] },
    { name: 'a command ends it', text: L('#!/bin/bash', 'set -e', '#SBATCH -t 5'), directives: [], firstCommand: 1, misses: [[2, 'after-command']] },
    { name: 'indented directive is a comment', text: L('#!/bin/bash', '  #SBATCH -t 5', '#SBATCH -N 1'), directives: [2], misses: [[1, 'indented']] },
    { name: 'lowercase prefix', text: L('#!/bin/bash', '#sbatch -t 5'), directives: [], misses: [[1, 'wrong-case']] },
    { name: 'blank after #', text: L('#!/bin/bash', '# SBATCH -t 5'), directives: [], misses: [[1, 'space-after-hash']] },
    { name: 'double hash is a switched-off directive', text: L('#!/bin/bash', '##SBATCH -t 5'), directives: [], misses: [[1, 'disabled']] },
    { name: 'misspelled prefix', text: L('#!/bin/bash', '#SBTACH --time=5', '#SABTCH -N 1'), directives: [], misses: [[1, 'misspelled'], [2, 'misspelled']] },
    { name: 'prose in comments is not a near miss', text: L('#!/bin/bash', '# sbatch options below', '# SBATCH directives follow'), directives: [] },
    { name: 'no blank needed after the prefix', text: L('#!/bin/bash', '#SBATCH--time=5'), directives: [1] },
    { name: '#SLURM is still read', text: L('#!/bin/bash', '#SLURM --time=5'), directives: [1] },
    { name: 'indented after command is after-command', text: L('#!/bin/bash', 'echo hi', '  #SBATCH -t 5'), directives: [], firstCommand: 1, misses: [[2, 'after-command']] },
    { name: 'a tab-indented command ends it', text: L('#!/bin/bash', '\tmodule load x', '#SBATCH -t 5'), directives: [], firstCommand: 1, misses: [[2, 'after-command']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = scanJobScript(c.text);
      assert.deepStrictEqual(s.directives.map((d) => d.line), c.directives);
      assert.strictEqual(s.firstCommandLine, c.firstCommand);
      assert.deepStrictEqual(s.nearMisses.map((m) => [m.line, m.kind]), c.misses ?? []);
    });
  }

  it('het-job components are numbered from the separator line on', () => {
    const s = scanJobScript(L('#!/bin/bash', '#SBATCH -N 1', '#SBATCH hetjob', '#SBATCH -N 2', '#SBATCH packjob', '#SBATCH -N 3'));
    assert.deepStrictEqual(s.directives.map((d) => d.component), [0, 1, 1, 2, 2]);
  });
});

describe('scanJobScript: whole-script checks in sbatch order', () => {
  const shape = (t: string) => scanJobScript(t).shape?.kind;
  it('empty', () => assert.strictEqual(shape(''), 'empty'));
  it('whitespace only', () => assert.strictEqual(shape(' \n\t\n'), 'whitespace-only'));
  it('no shebang', () => assert.strictEqual(shape('#SBATCH -t 5\necho\n'), 'no-shebang'));
  it('shebang with blank line first is not a shebang', () => assert.strictEqual(shape('\n#!/bin/bash\n'), 'no-shebang'));
  it('NUL byte', () => assert.strictEqual(shape('#!/bin/bash\necho \u0000\n'), 'nul-char'));
  it('CRLF', () => assert.strictEqual(shape('#!/bin/bash\r\n#SBATCH -t 5\r\n'), 'dos-line-breaks'));
  it('a lone CR is not a DOS line break', () => assert.strictEqual(shape('#!/bin/bash\recho\n'), undefined));
  it('fine', () => assert.strictEqual(shape('#!/usr/bin/env python3\n#SBATCH -t 5\n'), undefined));
  it('no-shebang wins over CRLF (sbatch checks it first)', () => assert.strictEqual(shape('echo\r\n'), 'no-shebang'));
});

describe('scanJobScript: here-documents after the first command', () => {
  const misses = (t: string) => scanJobScript(t).nearMisses.map((m) => [m.line, m.kind]);
  it('directives of a generated job script are not this script\'s', () => {
    assert.deepStrictEqual(misses(L('#!/bin/bash', 'cat > step2.sh <<EOF', '#!/bin/bash', '#SBATCH --time=5', 'EOF', '#SBATCH --mem=1G')), [[5, 'after-command']]);
  });
  it('quoted and tab-stripping delimiters', () => {
    assert.deepStrictEqual(misses(L('#!/bin/bash', "cat <<-'END' > a.sh", '\t#SBATCH -t 5', '\tEND', 'sbatch a.sh')), []);
  });
  it('a here-string opens nothing', () => {
    assert.deepStrictEqual(misses(L('#!/bin/bash', 'grep x <<< "$v"', '#SBATCH -t 5')), [[2, 'after-command']]);
  });
  it('the first command itself may open one', () => {
    assert.deepStrictEqual(misses(L('#!/bin/bash', '#SBATCH -t 5', 'sbatch <<EOF', '#!/bin/bash', '#SBATCH -N 1', 'srun x', 'EOF')), []);
  });
});
