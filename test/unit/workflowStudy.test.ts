/**
 * Semantic checks of Maestro and Merlin study specs (server/src/workflow/rules/study/): the
 * invalid variants in test/fixtures/workflow/study-semantic/ and inline cases, each with the
 * findings (line, rule, severity, words of the message) the engine must give; the realistic
 * fixtures stay free of them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../server/src/core/types';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workflow');
const STUDY_RULES = ['workflow/study-steps', 'workflow/study-references', 'workflow/study-parameters', 'workflow/study-slurm-values'];

interface Case {
  name: string;
  /** A fixture under test/fixtures/workflow/, or inline text with the path it is analysed at. */
  fixture?: string;
  file?: string;
  text?: string;
  /** `line: code: severity: words` per finding of the study rules (1-based lines), in order. */
  expect: string[];
  /** The fix title of the first finding and the text its edit writes. */
  fix?: [string, string];
}

const study = (steps: string, rest = ''): string => `description:\n  name: s\n  description: d\nstudy:\n${steps}${rest}`;
const step = (name: string, run: string): string => `  - name: ${name}\n    description: d\n    run:\n      cmd: ./${name}.sh\n${run}`;

const CASES: Case[] = [
  { name: 'the LULESH sweep is clean', fixture: 'maestro/lulesh-slurm.yaml', expect: [] },
  { name: 'the local hello study is clean', fixture: 'maestro/local-hello.yaml', expect: [] },
  { name: 'the ML ensemble is clean', fixture: 'merlin/surrogate-ensemble.yaml', expect: [] },
  { name: 'the Merlin hello samples study is clean', fixture: 'merlin/hello-samples-local.yaml', expect: [] },
  { name: 'depends on a misspelt step', fixture: 'study-semantic/depends-unknown-step.yaml', expect: ['18: workflow/study-steps: error: no step of that name'], fix: ['Change to `make-lulesh`', 'make-lulesh'] },
  { name: 'a ring of three steps', fixture: 'study-semantic/depends-cycle.yaml', expect: ['10: workflow/study-steps: error: `prepare` → `analyse` → `simulate` → `prepare`'] },
  { name: 'a step written below, and a fan-in on a step that runs once', fixture: 'study-semantic/depends-order.yaml', expect: ['10: workflow/study-steps: error: defined further down', '19: workflow/study-steps: hint: the same as `train`'] },
  { name: 'parameters of different lengths and a label without %%', fixture: 'study-semantic/parameters-mismatch.yaml', expect: ['16: workflow/study-parameters: error: has 2 values and `SIZE` has 3', '17: workflow/study-parameters: warning: has no `%%`'] },
  { name: 'undefined and unused names', fixture: 'study-semantic/references.yaml', expect: ['8: workflow/study-references: hint: `INPUT_DIR` is defined but', '9: workflow/study-references: hint: `UNUSED_FLAG`', '17: workflow/study-references: warning: Did you mean `INPUT_DIR`?', '21: workflow/study-references: warning: Did you mean `run.workspace`?', '28: workflow/study-references: hint: Parameter `UNUSED`'] },
  { name: 'Slurm values through variables and an unquoted walltime', fixture: 'study-semantic/slurm-values.yaml', expect: ['16: workflow/study-slurm-values: warning: is `0`, not a whole number', '18: workflow/study-slurm-values: warning: `sbatch --time=2h`', '26: workflow/study-slurm-values: warning: the number 5400'] },
  { name: 'a Merlin worker naming a misspelt step', fixture: 'study-semantic/merlin-workers.yaml', expect: ['27: workflow/study-steps: error: Merlin refuses the spec. Did you mean `simulate`?'], fix: ['Change to `simulate`', 'simulate'] },
  // inline
  { name: 'a step depending on itself', file: '/w/s.yaml', text: study(step('run', '      depends: [run]\n')), expect: ['9: workflow/study-steps: warning: depends on itself'] },
  { name: 'an unknown fan-in keeps its _* in the fix', file: '/w/s.yaml', text: study(step('simulate', '') + step('post', '      depends: [simulat_*]\n')), expect: ['13: workflow/study-steps: error: no step of that name'], fix: ['Change to `simulate`', 'simulate'] },
  { name: 'fan-in on a step parameterized through its parent is fine', file: '/w/s.yaml', text: study(step('a', '      restart: ./a $(P)\n') + step('b', '      depends: [a]\n') + step('c', '      depends: [b_*]\n'), 'global.parameters:\n  P:\n    values: [1, 2]\n    label: P.%%\n'), expect: [] },
  { name: 'fan-in through an env label that uses a parameter is fine', file: '/w/s.yaml', text: `env:\n  labels:\n    out: $(P.label).log\n${study(step('a', '      restart: ./a > $(out)\n') + step('c', '      depends: [a_*]\n'), 'global.parameters:\n  P:\n    values: [1, 2]\n    label: P.%%\n')}`, expect: [] },
  { name: 'a Merlin step no worker lists', file: '/w/m.yaml', text: study(step('a', '') + step('b', ''), 'merlin:\n  resources:\n    workers:\n      w:\n        steps: [a]\n'), expect: ['9: workflow/study-steps: hint: Merlin adds a `default_worker`'] },
  { name: 'a Merlin worker with `all`', file: '/w/m.yaml', text: study(step('a', '') + step('b', ''), 'merlin:\n  resources:\n    workers:\n      w:\n        steps: [all]\n'), expect: [] },
  { name: 'Merlin names and sample columns are defined', file: '/w/m.yaml', text: study(step('a', '      restart: ./a $(X0) $(MERLIN_SAMPLE_ID) $(MERLIN_INFO) $(WORKSPACE) $(SPECROOT)\n'), 'merlin:\n  samples:\n    column_labels: [X0]\n'), expect: [] },
  { name: 'an undefined token in a batch field', file: '/w/s.yaml', text: `batch:\n  type: slurm\n  bank: $(BANK)\n  queue: pbatch\n  host: h\n${study(step('a', ''))}`, expect: ['3: workflow/study-references: warning: `$(BANK)` is defined nowhere'] },
  { name: 'a misspelt lower-case token in a command is reported', file: '/w/s.yaml', text: `env:\n  labels:\n    outfile: out.log\n${study(step('a', '      restart: ./a > $(outfil)\n'))}`, expect: ['3: workflow/study-references: hint: `outfile` is defined but', '12: workflow/study-references: warning: Did you mean `outfile`?'] },
  { name: 'label lists of another length', file: '/w/s.yaml', text: study(step('a', '      restart: ./a $(P)\n'), 'global.parameters:\n  P:\n    values: [1, 2, 3]\n    label: [one, two]\n'), expect: ['13: workflow/study-parameters: error: 2 labels for 3 values'] },
  { name: 'a walltime sbatch cannot read on a Slurm step', file: '/w/s.yaml', text: `batch:\n  type: slurm\n  bank: b\n  queue: pbatch\n  host: h\n${study(step('a', '      walltime: "2h"\n'))}`, expect: ['14: workflow/study-slurm-values: warning: `sbatch --time=2h`'] },
  { name: 'the same walltime in a local study is not judged', file: '/w/s.yaml', text: `batch:\n  type: local\n${study(step('a', '      walltime: "2h"\n'))}`, expect: [] },
  { name: 'a leading zero keeps H:MM:SS text for YAML 1.1', file: '/w/s.yaml', text: `batch:\n  type: slurm\n  bank: b\n  queue: pbatch\n  host: h\n${study(step('a', '      walltime: 01:30:00\n'))}`, expect: [] },
];

function analyse(c: Case) {
  const file = c.fixture ? path.join(FIXTURES, c.fixture) : c.file!;
  const text = c.fixture ? fs.readFileSync(file, 'utf8') : c.text!;
  const a = analyzeWorkflow({ path: file, text, files: () => undefined }, sharedSchemaRegistry());
  assert.ok(a, `${file} is recognised`);
  return { a, text };
}

const ours = (findings: readonly Finding[]): Finding[] => findings.filter((f) => STUDY_RULES.includes(f.code));

describe('workflow study checks (Maestro, Merlin)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { a, text } = analyse(c);
      const found = ours(a.findings);
      const described = found.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.severity}: ${f.message}`);
      assert.strictEqual(found.length, c.expect.length, described.join('\n'));
      c.expect.forEach((want, i) => {
        const [line, code, severity, ...words] = want.split(': ');
        assert.strictEqual(found[i].range.start.line + 1, Number(line), described[i]);
        assert.strictEqual(found[i].code, code, described[i]);
        assert.strictEqual(found[i].severity, severity, described[i]);
        assert.ok(found[i].message.includes(words.join(': ')), `"${words.join(': ')}" not in: ${described[i]}`);
      });
      if (c.fix) {
        const fix = found[0].fixes[0];
        assert.strictEqual(fix?.title, c.fix[0]);
        assert.strictEqual(fix.safe, false);
        const edit = fix.edits[0];
        const line = text.split('\n')[edit.range.start.line];
        assert.strictEqual(edit.newText, c.fix[1]);
        // The edit covers the misspelt name only (a `_*` suffix stays).
        assert.ok(!line.slice(edit.range.start.character, edit.range.end.character).includes('*'));
        assert.ok(line.slice(edit.range.start.character, edit.range.end.character).length > 0);
      }
    });
  }

  it('a $(NAME) finding covers the name inside the token', () => {
    const { a, text } = analyse({ name: '', fixture: 'study-semantic/references.yaml', expect: [] });
    const f = ours(a.findings).find((x) => x.message.includes('INPUT_DIRR'))!;
    const line = text.split('\n')[f.range.start.line];
    assert.strictEqual(line.slice(f.range.start.character, f.range.end.character), 'INPUT_DIRR');
  });
});
