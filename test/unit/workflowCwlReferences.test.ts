/**
 * CWL semantic checks (server/src/workflow/rules/cwl/): run targets, sources and outputSources,
 * step in/out against the process run, unused inputs and steps. Tables of fixture files and of
 * small documents, each with the findings (line, rule, words of the message) they must give.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { workflowCompletionsAt } from '../../server/src/workflow/features/completion';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';
import type { Finding } from '../../server/src/core/types';

const CWL = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workflow', 'cwl');
const SEMANTIC = path.join(CWL, 'semantic', 'invalid');
const RULES = ['workflow/cwl-run-target', 'workflow/cwl-references', 'workflow/cwl-unused'];

/** Reads files relative to `dir` (as the server's reader does), or from `others` when given. */
function reader(dir: string, others?: Record<string, string>) {
  return (p: string): string | undefined => {
    const full = path.resolve(dir, p);
    if (others) return others[full];
    try {
      return fs.readFileSync(full, 'utf8');
    } catch {
      return undefined;
    }
  };
}

function ours(file: string, text: string, others?: Record<string, string>): Finding[] {
  const a = analyzeWorkflow({ path: file, text, files: reader(path.dirname(file), others) }, sharedSchemaRegistry());
  assert.ok(a, `${file} is recognised`);
  return a.findings.filter((f) => RULES.includes(f.code));
}

/** `line: code: severity: words` for each finding, in order; [] for none. */
function check(found: Finding[], expect: string[]): void {
  const described = found.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.severity}: ${f.message}`);
  assert.strictEqual(found.length, expect.length, described.join('\n'));
  expect.forEach((want, i) => {
    const [line, code, severity, ...words] = want.split(': ');
    assert.strictEqual(found[i].range.start.line + 1, Number(line), described[i]);
    assert.strictEqual(found[i].code, code, described[i]);
    assert.strictEqual(found[i].severity, severity, described[i]);
    assert.ok(found[i].message.includes(words.join(': ')), `"${words.join(': ')}" not in: ${described[i]}`);
  });
}

const FIXTURES: { file: string; expect: string[]; fix?: string }[] = [
  { file: 'missing-run-file.cwl', expect: ['21: workflow/cwl-run-target: error: runs `../../bwa_mem.cwl`: file not found'] },
  { file: 'misspelt-output-source.cwl', expect: ['17: workflow/cwl-references: error: step `sort` has no output `sorted_bma`'], fix: 'sort/sorted_bam' },
  { file: 'misspelt-step-input.cwl', expect: ['20: workflow/cwl-references: warning: required input `sample`', '27: workflow/cwl-references: warning: no input `sampel`: did you mean `sample`?'] },
  { file: 'step-out-not-in-tool.cwl', expect: ['28: workflow/cwl-references: error: lists `bam` in `out:`', '33: workflow/cwl-references: error: does not list `sam` in its `out:`'], fix: 'sam' },
  { file: 'unused-input-and-step.cwl', expect: ['6: workflow/cwl-unused: hint: input `threads`', '17: workflow/cwl-unused: hint: step `qc`'] },
  {
    file: 'packed-unknown-ids.cwl',
    expect: [
      '16: workflow/cwl-references: error: `#main/sort/sorted_bma`',
      '17: workflow/cwl-references: error: `again` has no `outputSource`',
      '21: workflow/cwl-unused: hint: step `resort`',
      '21: workflow/cwl-run-target: error: `#sortt.cwl`, but no process',
    ],
    fix: '"#main/sort/sorted_bam"',
  },
];

const TOOL = `cwlVersion: v1.2
class: CommandLineTool
baseCommand: [samtools, sort]
inputs:
  - id: alignments
    type: File
    inputBinding: {position: 1}
  - id: threads
    type: [ "null", int ]
outputs:
  sorted_bam:
    type: File
    outputBinding: {glob: "*.bam"}
`;
const MAIN = '/w/main.cwl';
const OTHERS = { '/w/tools/sort.cwl': TOOL };

const workflow = (version: string, body: string): string => `cwlVersion: ${version}\nclass: Workflow\n${body}`;
const MAP_FORM = 'inputs:\n  bam: File\noutputs:\n  out:\n    type: File\n    outputSource: sort/sorted_bam\nsteps:\n  sort:\n    run: tools/sort.cwl\n    in:\n      alignments: bam\n    out: [sorted_bam]\n';

const CASES: { name: string; text: string; expect: string[] }[] = [
  { name: 'map form, v1.2', text: workflow('v1.2', MAP_FORM), expect: [] },
  { name: 'map form, v1.0', text: workflow('v1.0', MAP_FORM), expect: [] },
  {
    name: 'list form with `#` ids and `{id:}` outs',
    text: workflow('v1.1', 'inputs:\n  - id: bam\n    type: File\noutputs:\n  - id: out\n    type: File\n    outputSource: "#sort/sorted_bam"\nsteps:\n  - id: sort\n    run: tools/sort.cwl\n    in:\n      - id: alignments\n        source: "#bam"\n    out:\n      - id: sorted_bam\n'),
    expect: [],
  },
  { name: 'a source naming no input', text: workflow('v1.2', MAP_FORM.replace('alignments: bam', 'alignments: bma')), expect: ['4: workflow/cwl-unused: hint: input `bam`', '13: workflow/cwl-references: error: no input `bma`'] },
  { name: 'a source naming no step', text: workflow('v1.2', MAP_FORM.replace('outputSource: sort/', 'outputSource: sotr/')), expect: ['8: workflow/cwl-references: error: no step `sotr`', '10: workflow/cwl-unused: hint: step `sort`'] },
  { name: 'an outputSource that is a workflow input', text: workflow('v1.2', MAP_FORM.replace('outputSource: sort/sorted_bam', 'outputSource: bam')), expect: ['10: workflow/cwl-unused: hint: step `sort`'] },
  { name: 'a list of sources, one wrong', text: workflow('v1.2', MAP_FORM.replace('alignments: bam', 'alignments:\n        source: [bam, bam2]\n        linkMerge: merge_flattened')), expect: ['14: workflow/cwl-references: error: no input `bam2`'] },
  { name: 'an optional tool input may stay unconnected; a required one may not', text: workflow('v1.2', MAP_FORM.replace('alignments: bam', 'threads: bam')), expect: ['10: workflow/cwl-references: warning: required input `alignments`'] },
  { name: 'an extra step input used by valueFrom is fine', text: workflow('v1.2', MAP_FORM.replace('alignments: bam', 'alignments:\n        valueFrom: $(inputs.picked)\n      picked: bam')), expect: [] },
  { name: 'a step output the tool lacks', text: workflow('v1.2', MAP_FORM.replace('out: [sorted_bam]', 'out: [sorted_bam, index]')), expect: ['14: workflow/cwl-references: error: lists `index` in `out:`'] },
  { name: 'an inline tool is read', text: workflow('v1.2', 'inputs:\n  n: int\noutputs:\n  o:\n    type: int\n    outputSource: s/o\nsteps:\n  s:\n    run:\n      class: ExpressionTool\n      requirements: {InlineJavascriptRequirement: {}}\n      inputs: {n: int}\n      outputs: {o: int}\n      expression: "${return {o: inputs.n};}"\n    in: {m: n}\n    out: [o]\n'), expect: ['10: workflow/cwl-references: warning: required input `n`', '17: workflow/cwl-references: warning: no input `m`'] },
  { name: 'a URL run target is not checked', text: workflow('v1.2', MAP_FORM.replace('tools/sort.cwl', 'https://example.org/sort.cwl')), expect: [] },
  { name: 'a tool is not a workflow: nothing to check', text: TOOL, expect: [] },
];

describe('CWL reference checks', () => {
  for (const c of FIXTURES) {
    it(`fixture semantic/invalid/${c.file}`, () => {
      const file = path.join(SEMANTIC, c.file);
      const found = ours(file, fs.readFileSync(file, 'utf8'));
      check(found, c.expect);
      if (c.fix) assert.ok(found.some((f) => f.fixes.some((x) => x.edits[0]?.newText === c.fix && x.safe === false)), `a fix writing ${c.fix}`);
    });
  }

  for (const c of CASES) it(c.name, () => check(ours(MAIN, c.text, OTHERS), c.expect));

  it('the realistic alignment workflows give no finding', () => {
    for (const name of ['alignment.cwl', 'alignment-packed.cwl']) {
      const file = path.join(CWL, name);
      check(ours(file, fs.readFileSync(file, 'utf8')), []);
    }
  });

  it('the did-you-mean fix replaces exactly the source value', () => {
    const text = workflow('v1.2', MAP_FORM.replace('outputSource: sort/sorted_bam', 'outputSource: sort/sorted_bma'));
    const [f] = ours(MAIN, text, OTHERS);
    const edit = f.fixes[0].edits[0];
    const line = text.split('\n')[edit.range.start.line];
    assert.strictEqual(line.slice(edit.range.start.character, edit.range.end.character), 'sort/sorted_bma');
    assert.strictEqual(edit.newText, 'sort/sorted_bam');
    assert.deepStrictEqual([f.range.start, f.range.end], [edit.range.start, edit.range.end], 'the finding covers the value');
  });
});

describe('CWL source completion', () => {
  const text = workflow('v1.2', 'inputs:\n  bam: File\n  ref: File\noutputs:\n  out:\n    type: File\n    outputSource: \nsteps:\n  sort:\n    run: tools/sort.cwl\n    in:\n      alignments: b\n    out: [sorted_bam]\n  index:\n    run: tools/sort.cwl\n    in:\n      alignments:\n        source: \n    out: [sorted_bam]\n');
  const lines = text.split('\n');
  const at = (needle: string) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].length };
  };
  const labels = (needle: string) => {
    const a = analyzeWorkflow({ path: MAIN, text, files: reader('/w', OTHERS) }, sharedSchemaRegistry());
    assert.ok(a);
    return workflowCompletionsAt(a, at(needle)).filter((c) => c.detail?.includes('workflow input') || c.detail?.includes('output of step')).map((c) => c.label);
  };
  const cases: [string, string[]][] = [
    ['outputSource: ', ['bam', 'ref', 'sort/sorted_bam', 'index/sorted_bam']],
    ['alignments: b', ['bam', 'ref', 'index/sorted_bam']],
    ['source: ', ['bam', 'ref', 'sort/sorted_bam']],
    ['run: tools', []],
  ];
  for (const [needle, want] of cases) it(`after \`${needle}\``, () => assert.deepStrictEqual(labels(needle), want));
});
