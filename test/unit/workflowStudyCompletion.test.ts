import * as assert from 'assert';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { workflowCompletionsAt } from '../../server/src/workflow/features/completion';
import { SchemaRegistry } from '../../server/src/workflow/schema/registry';

/** A Maestro study with three steps; `|` in the depends line marks the cursor. */
function study(dependsLine: string[]): string {
  return [
    'description:',
    '  name: sweep',
    '  description: A three-step study.',
    'study:',
    '  - name: build',
    '    description: Build it.',
    '    run:',
    '      cmd: make',
    '  - name: simulate',
    '    description: Run it.',
    '    run:',
    '      cmd: ./run',
    '  - name: analyse',
    '    description: Look at it.',
    '    run:',
    '      cmd: python plot.py',
    ...dependsLine,
    '',
  ].join('\n');
}

describe('workflow completion: step names in Maestro/Merlin depends', () => {
  const registry = new SchemaRegistry();
  const cases: [string, string[], string[]][] = [
    ['flow list, first name', ['      depends: [|'], ['build', 'simulate', 'build_*', 'simulate_*']],
    ['flow list, after a comma, partly typed', ['      depends: [build, si|'], ['build', 'simulate', 'build_*', 'simulate_*']],
    ['block list item', ['      depends:', '        - |'], ['build', 'simulate', 'build_*', 'simulate_*']],
    ['not in depends: cmd value gets no step names', ['      shell: |'], []],
  ];
  for (const [name, extra, expected] of cases) {
    it(name, () => {
      const marked = study(extra);
      const offset = marked.indexOf('|', marked.indexOf('python plot.py'));
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const before = text.slice(0, offset).split('\n');
      const pos = { line: before.length - 1, character: before[before.length - 1].length };
      const analysis = analyzeWorkflow({ path: '/w/study.yaml', text }, registry);
      assert.strictEqual(analysis?.format.id, 'maestro');
      const items = workflowCompletionsAt(analysis, pos).filter((c) => c.detail?.includes('step of this study') || c.detail?.includes('fan-in'));
      const order = [...items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1)).map((c) => c.label);
      assert.deepStrictEqual(order, expected);
    });
  }
  it('the item replaces the partly typed name', () => {
    const text = study(['      depends: [build, si']);
    const line = text.split('\n').length - 2;
    const analysis = analyzeWorkflow({ path: '/w/study.yaml', text }, registry)!;
    const item = workflowCompletionsAt(analysis, { line, character: text.split('\n')[line].length }).find((c) => c.label === 'simulate');
    assert.deepStrictEqual(item?.range, { start: { line, character: 23 }, end: { line, character: 25 } });
  });
});
