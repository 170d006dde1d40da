import * as assert from 'assert';
import fc from 'fast-check';
import { isCollection, isPair, type Node } from 'yaml';
import { readYamlIncrementally } from '../../server/src/workflow/read/incremental';
import { readYaml, type ReadOptions, type YamlReading } from '../../server/src/workflow/read/reading';

const OPTIONS: ReadOptions = { yamlVersion: '1.2', json: false, duplicateKeySeverity: 'warning' };

/** A CWL-like workflow big enough for incremental reading (it starts at 20,000 characters). */
function workflow(steps: number): string {
  const lines = ['cwlVersion: v1.2', 'class: Workflow', 'inputs:', '  reads: File', 'steps:'];
  for (let i = 0; i < steps; i++) lines.push(`  step_${i}:`, '    run: tools/sort.cwl', '    in:', `      reads: sample_${i % 7}`, '      threads: {default: 4}', '    out: [sorted]', '    hints:', '      - class: ResourceRequirement', `        coresMin: ${i % 5}`);
  lines.push('outputs: {}');
  return `${lines.join('\n')}\n`;
}

/** Every node's range, in document order, for comparing two readings node by node. */
function ranges(reading: YamlReading): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
      return;
    }
    if (!n || typeof n !== 'object') return;
    out.push(String((n as Node).range));
    if (isCollection(n)) for (const item of n.items) walk(item);
  };
  for (const d of reading.documents) walk(d.document.contents);
  return out;
}

function summary(r: YamlReading) {
  return {
    values: r.documents.map((d) => d.value),
    duplicates: r.duplicates.map((f) => [f.range, f.message, f.fixes]),
    syntax: r.syntax.map((f) => [f.range, f.message]),
    ranges: ranges(r),
  };
}

/** Applies an edit to the previous reading incrementally; null when it declined (a full read follows). */
function incrementally(before: string, after: string): YamlReading | undefined {
  return readYamlIncrementally(readYaml(before, OPTIONS), after, OPTIONS);
}

describe('workflow reading, incrementally: the same result as a full read', () => {
  const base = workflow(120);

  const edits: [string, (t: string) => string, boolean][] = [
    ['a character typed in a value', (t) => t.replace('sample_3\n', 'sample_33\n'), true],
    ['a value deleted', (t) => t.replace('coresMin: 2\n', 'coresMin: \n'), true],
    ['a key renamed', (t) => t.replace('    run: tools/sort.cwl\n    in:\n      reads: sample_5', '    runn: tools/sort.cwl\n    in:\n      reads: sample_5'), true],
    ['a line added inside an entry', (t) => t.replace('      reads: sample_4\n', '      reads: sample_4\n      extra: 1\n'), true],
    ['a duplicate key typed', (t) => t.replace('    out: [sorted]\n    hints:\n      - class: ResourceRequirement\n        coresMin: 1', '    out: [sorted]\n    out: [other]\n    hints:\n      - class: ResourceRequirement\n        coresMin: 1'), true],
    ['a new sibling entry', (t) => t.replace('  step_10:\n', '  new_step: {}\n  step_10:\n'), true],
    ['an indentation change (read in full)', (t) => t.replace('    run: tools/sort.cwl\n    in:\n      reads: sample_6', '   run: tools/sort.cwl\n    in:\n      reads: sample_6'), false],
    ['a syntax error typed (read in full)', (t) => t.replace('sample_2\n', 'sample_2: [\n'), false],
    ['an alias typed (read in full)', (t) => t.replace('coresMin: 3\n', 'coresMin: *x\n'), false],
  ];
  for (const [name, edit, incremental] of edits) {
    it(name, () => {
      const after = edit(base);
      assert.notStrictEqual(after, base, 'the edit applies');
      const inc = incrementally(base, after);
      assert.strictEqual(inc !== undefined, incremental, incremental ? 'read incrementally' : 'declined');
      if (inc) assert.deepStrictEqual(summary(inc), summary(readYaml(after, OPTIONS)));
    });
  }

  it('declines small files, several documents, anchors and earlier syntax errors', () => {
    assert.strictEqual(incrementally('a: 1\n', 'a: 2\n'), undefined);
    assert.strictEqual(incrementally(`${base}---\nb: 1\n`, `${base}---\nb: 2\n`), undefined);
    assert.strictEqual(incrementally(`x: &a 1\ny: *a\n${base}`, `x: &a 1\ny: *a\n${base.replace('sample_3\n', 'sample_4\n')}`), undefined);
    assert.strictEqual(incrementally(`${base}bad: [\n`, `${base.replace('sample_3\n', 'sample_4\n')}bad: [\n`), undefined);
  });

  it('random edits: whenever it reads incrementally, it reads what a full read does', function () {
    this.timeout(120000);
    const pieces = ['a', 'x', ' ', ':', '\n', '  ', '- ', '#', '"', '{', '}', '[', ']', ',', '1', 'run', '\n    k: v', '\n  s: 1'];
    let incrementalRuns = 0;
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.nat({ max: 12 }), fc.array(fc.constantFrom(...pieces), { maxLength: 3 }), (at, removed, inserted) => {
        const after = base.slice(0, at) + inserted.join('') + base.slice(Math.min(base.length, at + removed));
        const inc = incrementally(base, after);
        if (!inc) return;
        incrementalRuns++;
        assert.deepStrictEqual(summary(inc), summary(readYaml(after, OPTIONS)), JSON.stringify({ at, removed, inserted }));
      }),
      { numRuns: 300 },
    );
    assert.ok(incrementalRuns > 50, `only ${incrementalRuns} edits were read incrementally`);
  });

  it('a chain of edits, each on the previous reading', () => {
    let text = base;
    let reading = readYaml(text, OPTIONS);
    for (let i = 0; i < 20; i++) {
      const next = text.replace(`sample_${i % 7}\n`, `sample_${(i % 7) + 1}x\n`);
      const inc = readYamlIncrementally(reading, next, OPTIONS);
      reading = inc ?? readYaml(next, OPTIONS);
      text = next;
      assert.deepStrictEqual(summary(reading), summary(readYaml(text, OPTIONS)), `edit ${i}`);
    }
  });
});
