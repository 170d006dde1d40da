import * as assert from 'assert';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import type { Range } from '../../server/src/core/types';
import { analyzeJobScript } from '../../server/src/analyze';
import { loadShellParser } from '../../server/src/shell/loader';
import type { ForItem, ShellModel, ShellParser } from '../../server/src/shell/model';
import { countOf } from '../../server/src/shell/words';
import { splitLines } from '../../server/src/slurm/lines';

/** The text a range covers, so every position is checked against the script itself. */
function textAt(text: string, range: Range): string {
  const { starts } = splitLines(text);
  return text.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}

/** A for-in item in a short comparable form. */
function item(i: ForItem): string {
  switch (i.kind) {
    case 'literal': return `literal:${i.value}`;
    case 'range': return `range:${i.start}..${i.end}..${i.step}`;
    case 'brace-list': return `list:${i.values.join(',')}`;
    case 'seq': return `seq:${i.options.join(' ')}|${i.first}/${i.step}/${i.last}`;
    case 'glob': return `glob:${i.pattern}`;
    case 'expansion': return `expansion:${i.word.text}`;
  }
}

describe('shell layer (tree-sitter-bash)', function () {
  this.timeout(20000);
  let shell: ShellParser;
  before(async () => {
    shell = await loadShellParser();
  });
  const parse = (text: string): ShellModel => shell.parse(text);

  describe('for-in loops: variable and how each item expands', () => {
    const table: [string, string, string[]][] = [
      ['for i in 1 2 3; do sbatch job.sh $i; done', 'i', ['literal:1', 'literal:2', 'literal:3']],
      ['for n in {1..10}; do :; done', 'n', ['range:1..10..1']],
      ['for n in {0..100..5}; do :; done', 'n', ['range:0..100..5']],
      ['for n in {10..1..-2}; do :; done', 'n', ['range:10..1..2']],
      ['for s in {a,b,c} run_{x,y}.sh; do :; done', 's', ['list:a,b,c', 'list:run_x.sh,run_y.sh']],
      ['for i in $(seq 5); do :; done', 'i', ['seq:|1/1/5']],
      ['for i in $(seq 2 8); do :; done', 'i', ['seq:|2/1/8']],
      ['for i in `seq -w 0 10 100`; do :; done', 'i', ['seq:-w|0/10/100']],
      ['for i in $(seq 1 $N); do :; done', 'i', ['seq:|undefined/undefined/undefined']],
      ['for f in data/*.fastq sample_?.txt; do :; done', 'f', ['glob:data/*.fastq', 'glob:sample_?.txt']],
      ['for f in "a b" \'c d\' e\\ f; do :; done', 'f', ['literal:a b', 'literal:c d', 'literal:e f']],
      ['for f in $list "${files[@]}" $(cat list.txt); do :; done', 'f', ['expansion:$list', 'expansion:"${files[@]}"', 'expansion:$(cat list.txt)']],
    ];
    for (const [script, variable, items] of table) {
      it(script, () => {
        const m = parse(script);
        assert.strictEqual(m.status, 'parsed');
        assert.strictEqual(m.loops.length, 1);
        const loop = m.loops[0];
        assert.strictEqual(loop.kind, 'for-in');
        if (loop.kind !== 'for-in') return;
        assert.strictEqual(loop.variable.name, variable);
        assert.strictEqual(textAt(script, loop.variable.range), variable);
        assert.deepStrictEqual(loop.items.map(item), items);
        for (const i of loop.items) assert.strictEqual(textAt(script, i.word.range), i.word.text);
        assert.strictEqual(textAt(script, loop.range), script);
        assert.match(textAt(script, loop.bodyRange), /^do .*done$/);
      });
    }

    it('for without `in` walks the positional parameters', () => {
      const loop = parse('for arg; do echo "$arg"; done').loops[0];
      assert.ok(loop.kind === 'for-in' && loop.inPositional && loop.items.length === 0);
    });
  });

  describe('C-style for: header and plain counts', () => {
    const table: [string, string | undefined, { first: number; last: number; step: number } | undefined][] = [
      ['for ((i=0; i<10; i++)); do sbatch a.sh; done', 'i', { first: 0, last: 9, step: 1 }],
      ['for (( i = 1 ; i <= 100 ; i += 10 )); do :; done', 'i', { first: 1, last: 91, step: 10 }],
      ['for ((k=10; k>0; k--)); do :; done', 'k', { first: 10, last: 1, step: -1 }],
      ['for ((i=0; i<N; i++)); do :; done', 'i', undefined],
      ['for ((;;)); do break; done', undefined, undefined],
    ];
    for (const [script, variable, count] of table) {
      it(script, () => {
        const loop = parse(script).loops[0];
        assert.strictEqual(loop.kind, 'c-style');
        if (loop.kind !== 'c-style') return;
        assert.strictEqual(loop.variable?.name, variable);
        assert.deepStrictEqual(loop.count, count);
      });
    }
    const counts: [string, string, string, { first: number; last: number; step: number } | undefined][] = [
      ['i=0', 'i<5', 'i=i+2', { first: 0, last: 4, step: 2 }],
      ['i=0', 'i!=6', 'i+=2', { first: 0, last: 4, step: 2 }],
      ['i=0', 'i!=5', 'i+=2', undefined],
      ['i=5', 'i<5', 'i++', undefined],
      ['i=0', 'i>5', 'i++', undefined],
    ];
    for (const [init, cond, update, expected] of counts) {
      it(`countOf(${init}; ${cond}; ${update})`, () => assert.deepStrictEqual(countOf('i', init, cond, update), expected));
    }
  });

  describe('while/until loops: read variables and input', () => {
    const table: [string, string, string[], string | undefined][] = [
      ['while read -r line; do sbatch job.sh "$line"; done < samples.txt', 'while', ['line'], 'file:samples.txt'],
      ['while IFS=, read -r a b; do :; done < "$LIST"', 'while', ['a', 'b'], 'file:"$LIST"'],
      ['while read -d , -r x; do :; done <<< "$csv"', 'while', ['x'], 'herestring:"$csv"'],
      ['while read; do :; done < <(ls *.in)', 'while', ['REPLY'], 'process-substitution:<(ls *.in)'],
      ['cat list | while read f; do :; done', 'while', ['f'], 'pipe:cat list'],
      ['until squeue -u me | grep -q x; do sleep 60; done', 'until', [], undefined],
    ];
    for (const [script, kind, variables, input] of table) {
      it(script, () => {
        const m = parse(script);
        const loop = m.loops[0];
        assert.strictEqual(loop.kind, kind);
        if (loop.kind !== 'while' && loop.kind !== 'until') return;
        assert.deepStrictEqual(loop.read?.variables.map((v) => v.name) ?? [], variables);
        if (loop.read) assert.strictEqual(m.commands[loop.read.command].name?.value, 'read');
        const i = loop.input;
        const shown = !i ? undefined : i.kind === 'file' || i.kind === 'herestring' ? `${i.kind}:${i.word.text}` : i.kind === 'heredoc' ? `heredoc:${i.heredoc}` : `${i.kind}:${i.text}`;
        assert.strictEqual(shown, input);
      });
    }
  });

  describe('commands: sbatch in loops, args, redirects', () => {
    it('an sbatch inside nested loops knows both loops and its args', () => {
      const script = ['#!/bin/bash', '#SBATCH --time=10', 'for a in x y; do', '  for ((i=0; i<3; i++)); do', '    sbatch --export=ALL,A=$a -J "run $i" job.sh "$i" > log.$i 2>&1', '  done', 'done', ''].join('\n');
      const m = parse(script);
      const sbatch = m.commands.find((c) => c.name?.value === 'sbatch')!;
      assert.deepStrictEqual(sbatch.loops, [0, 1]);
      assert.strictEqual(m.loops[1].parent, 0);
      assert.deepStrictEqual(sbatch.args.map((a) => [a.text, a.value]), [['--export=ALL,A=$a', undefined], ['-J', '-J'], ['"run $i"', undefined], ['job.sh', 'job.sh'], ['"$i"', undefined]]);
      for (const a of sbatch.args) assert.strictEqual(textAt(script, a.range), a.text);
      assert.deepStrictEqual(sbatch.name!.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } });
      assert.deepStrictEqual(sbatch.redirects.map((r) => [r.descriptor, r.operator, r.target?.text]), [[undefined, '>', 'log.$i'], ['2', '>&', '1']]);
    });

    it('commands outside loops, in functions, pipelines and substitutions', () => {
      const script = 'module load cuda\nsubmit() { sbatch "$@"; }\nsqueue -u me | grep -c R\njid=$(sbatch --parsable a.sh)';
      const m = parse(script);
      assert.deepStrictEqual(m.commands.map((c) => [c.name?.value, c.loops.length, c.functionName, c.piped, c.substitution]), [
        ['module', 0, undefined, false, undefined],
        ['sbatch', 0, 'submit', false, undefined],
        ['squeue', 0, undefined, false, undefined],
        ['grep', 0, undefined, true, undefined],
        ['sbatch', 0, undefined, false, 0],
      ]);
    });

    it('positions are UTF-16 columns after non-ASCII text, and lines are counted as the editor counts them', () => {
      const script = 'echo "é😀"; sbatch x.sh\r\n  srun y';
      const m = parse(script);
      const sbatch = m.commands.find((c) => c.name?.value === 'sbatch')!;
      assert.deepStrictEqual(sbatch.name!.range.start, { line: 0, character: 12 });
      assert.strictEqual(textAt(script, sbatch.name!.range), 'sbatch');
      const srun = m.commands.find((c) => c.name?.value === 'srun')!;
      assert.deepStrictEqual(srun.name!.range.start, { line: 1, character: 2 });
    });
  });

  describe('assignments', () => {
    const script = 'OUT=/scratch/$USER\nexport OMP_NUM_THREADS=4\nfiles=(a.txt "b c.txt")\nn+=1\nlocal x\nCUDA_VISIBLE_DEVICES=0 python train.py\nmsg="a \\"b\\""';
    let m: ShellModel;
    before(() => {
      m = parse(script);
    });
    const table: [string, string, string | undefined, string, boolean][] = [
      ['OUT', '/scratch/$USER', undefined, 'plain', false],
      ['OMP_NUM_THREADS', '4', '4', 'export', false],
      ['files', '(a.txt "b c.txt")', undefined, 'plain', false],
      ['n', '1', '1', 'plain', true],
      ['CUDA_VISIBLE_DEVICES', '0', '0', 'prefix', false],
      ['msg', '"a \\"b\\""', 'a "b"', 'plain', false],
    ];
    for (const [name, valueText, value, scope, append] of table) {
      it(`${name}=${valueText}`, () => {
        const a = m.assignments.find((x) => x.name === name)!;
        assert.ok(a, m.assignments.map((x) => x.name).join(','));
        assert.deepStrictEqual([a.valueText, a.value, a.scope, a.append], [valueText, value, scope, append]);
        assert.strictEqual(textAt(script, a.nameRange), name);
        assert.ok(textAt(script, a.range).startsWith(name));
      });
    }
    it('array elements and the prefixed command', () => {
      assert.deepStrictEqual(m.assignments.find((x) => x.name === 'files')!.array!.map((w) => w.value), ['a.txt', 'b c.txt']);
      const prefix = m.assignments.find((x) => x.name === 'CUDA_VISIBLE_DEVICES')!;
      assert.strictEqual(m.commands[prefix.command!].name?.value, 'python');
      assert.deepStrictEqual(m.commands[prefix.command!].assignments, [m.assignments.indexOf(prefix)]);
    });
  });

  describe('command substitutions and here-docs', () => {
    it('records $(...) and backquotes with their bodies', () => {
      const script = 'jid=$(sbatch --parsable a.sh | cut -d";" -f1)\nd=`date +%s`\nfor i in 1 2; do echo $(hostname); done';
      const m = parse(script);
      assert.deepStrictEqual(m.substitutions.map((s) => [s.body, s.backquoted, s.loops]), [['sbatch --parsable a.sh | cut -d";" -f1', false, []], ['date +%s', true, []], ['hostname', false, [0]]]);
      for (const s of m.substitutions) assert.ok(textAt(script, s.range).includes(s.body));
    });

    const table: [string, string, boolean, boolean, string, string | undefined][] = [
      ['python - <<EOF\nprint($x)\nEOF\n', 'EOF', false, false, 'print($x)\n', 'python'],
      ["cat > run.sh <<'END'\n#SBATCH --time=5\necho hi\nEND\n", 'END', true, false, '#SBATCH --time=5\necho hi\n', 'cat'],
      ['cat <<-"EOF" > f\n\tbody\n\tEOF\n', 'EOF', true, true, '\tbody\n', 'cat'],
      ['cat <<X\nX\n', 'X', false, false, '', 'cat'],
    ];
    for (const [script, delimiter, quoted, stripTabs, body, command] of table) {
      it(JSON.stringify(script), () => {
        const m = parse(script);
        assert.strictEqual(m.heredocs.length, 1);
        const h = m.heredocs[0];
        assert.deepStrictEqual([h.delimiter, h.quoted, h.stripTabs, h.body], [delimiter, quoted, stripTabs, body]);
        assert.strictEqual(textAt(script, h.bodyRange), body);
        assert.strictEqual(h.command === undefined ? undefined : m.commands[h.command].name?.value, command);
        assert.ok(m.commands.every((c) => c.name?.value !== 'print' && c.name?.value !== 'echo'), 'here-doc lines are data, not commands');
      });
    }

    it('a while loop fed by a here-doc', () => {
      const m = parse('while read a; do sbatch x $a; done <<EOF\n1\n2\nEOF\n');
      const loop = m.loops[0];
      assert.ok(loop.kind === 'while' && loop.input?.kind === 'heredoc');
      assert.strictEqual(m.heredocs[0].body, '1\n2\n');
    });
  });

  describe('errors and robustness', () => {
    const table: [string, string[]][] = [
      ['for i in a b; do\n  echo $i\n', ['missing:done']],
      ['if [ -f x ]; then echo', ['any']],
      ['echo "unterminated', []],
      ['sbatch job.sh\n', []],
    ];
    for (const [script, expected] of table) {
      it(JSON.stringify(script), () => {
        const m = parse(script);
        const missing = m.errors.filter((e) => e.kind === 'missing').map((e) => `missing:${e.expected}`);
        for (const e of expected) assert.ok(e === 'any' ? m.errors.length > 0 : missing.includes(e), JSON.stringify(m.errors));
        if (expected.length === 0 && script.endsWith('\n')) assert.deepStrictEqual(m.errors, []);
        if (script.startsWith('echo "')) assert.ok(m.errors.length > 0, 'an unterminated quote is an error');
      });
    }

    it('never throws on random or mutated scripts, and positions stay inside the text', () => {
      const pieces = ['for i in ', '{1..3}', '$(seq 3)', '; do ', 'sbatch ', '--array=1-3 ', 'job.sh', '; done', '\n', '<<EOF\n', 'EOF\n', '"', "'", '`', '$(', ')', 'while read x', ' < list', ' | ', 'x=1 ', '((i=0;i<3;i++))', '\\', '\r', 'é😀', '#SBATCH --time=1\n'];
      const script = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')));
      fc.assert(
        fc.property(script, (text) => {
          const m = shell.parse(text);
          const lines = splitLines(text);
          const inside = (r: Range) => r.start.line < lines.lines.length && r.end.line < lines.lines.length && r.end.character <= lines.lines[r.end.line].length;
          return m.commands.every((c) => inside(c.range) && c.args.every((a) => inside(a.range))) && m.loops.every((l) => inside(l.range)) && m.heredocs.every((h) => inside(h.bodyRange));
        }),
        { numRuns: 300 },
      );
    });

    it('a huge input still returns (and nesting deeper than the JS stack is fine)', () => {
      const deep = '$('.repeat(20000) + 'x' + ')'.repeat(20000);
      assert.ok(['parsed', 'failed'].includes(shell.parse(`echo ${deep}`).status));
      assert.strictEqual(shell.parse('x'.repeat(4_000_001)).status, 'too-large');
    });

    it('parses a 10,000-line script (time reported, not asserted)', () => {
      const block = ['#!/bin/bash', 'module load cuda/12.1', 'for i in $(seq 1 100); do', '  sbatch --export=ALL,I=$i -J "job $i" run.sh "$i" > log.$i 2>&1', 'done', 'while read -r s; do echo "$s"; done < list.txt', 'jid=$(sbatch --parsable a.sh)', 'cat <<EOF > x', 'data $jid', 'EOF', ''];
      const lines: string[] = [];
      while (lines.length < 10000) lines.push(...block.slice(lines.length === 0 ? 0 : 1));
      const text = lines.slice(0, 10000).join('\n');
      const t0 = process.hrtime.bigint();
      const m = shell.parse(text);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(`      10,000 lines (${(text.length / 1024).toFixed(0)} KiB): ${ms.toFixed(0)} ms, ${m.commands.length} commands, ${m.loops.length} loops`);
      assert.strictEqual(m.status, 'parsed');
      assert.ok(m.loops.length > 1000);
    });
  });

  describe('wiring', () => {
    it('analyzeJobScript builds the model once and keeps findings unchanged', () => {
      const text = '#!/bin/bash\n#SBATCH --tmie=1\nfor i in 1 2; do echo "$i"; done\n';
      const without = analyzeJobScript(text);
      const withShell = analyzeJobScript(text, {}, shell);
      assert.strictEqual(without.shell, undefined);
      assert.strictEqual(withShell.shell?.loops.length, 1);
      assert.deepStrictEqual(withShell.findings, without.findings);
    });

    it('a missing wasm file is a clear rejection, not a crash', async () => {
      await assert.rejects(loadShellParser({ bash: '/nonexistent/tree-sitter-bash.wasm' }), /bash grammar.*nonexistent/);
    });

    it('only loader.ts does I/O or loads tree-sitter at run time; the analysis never imports the loader', () => {
      const root = path.resolve(__dirname, '..', '..', '..', 'server', 'src');
      const dir = path.join(root, 'shell');
      const bad: string[] = [];
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'loader.ts')) {
        const src = readFileSync(path.join(dir, f), 'utf8');
        if (/from '(fs|fs\/promises|path|child_process)'/.test(src)) bad.push(`${f} imports an I/O module`);
        if (/^import (?!type)[^;]*from 'web-tree-sitter'/m.test(src)) bad.push(`${f} loads web-tree-sitter at run time`);
      }
      for (const f of ['analyze.ts', path.join('rules', 'types.ts')]) if (/from '[^']*shell\/loader'/.test(readFileSync(path.join(root, f), 'utf8'))) bad.push(`${f} imports the loader`);
      assert.deepStrictEqual(bad, []);
    });
  });
});
