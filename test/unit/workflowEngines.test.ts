/**
 * Semantic checks of Snakemake profiles and Nextflow params files (server/src/workflow/rules/engines/):
 * tables of files, each with the findings (line, rule, words of the message) the engine must give.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { workflowHoverAt } from '../../server/src/workflow/features/hover';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';
import type { Finding } from '../../server/src/core/types';

const NEXTFLOW = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workflow', 'nextflow');
const VARIANTCALL_SCHEMA = fs.readFileSync(path.join(NEXTFLOW, 'variantcall-2020', 'nextflow_schema.json'), 'utf8');
const RNASEQ_SCHEMA = fs.readFileSync(path.join(NEXTFLOW, 'rnaseq-draft07', 'nextflow_schema.json'), 'utf8');

const ENGINE_RULES = ['workflow/snakemake-unknown-option', 'workflow/snakemake-resources', 'workflow/nextflow-unknown-param'];

interface Case {
  name: string;
  /** Where the file is (decides its format). */
  file: string;
  text: string;
  /** Other files, by absolute path (the pipeline's schema). */
  others?: Record<string, string>;
  /** `line: code: words` for each finding of the engine rules (1-based lines), in order; [] for none. */
  expect: string[];
  /** The title of the first finding's fix, when it must have one. */
  fix?: string;
}

const PROFILE = '/w/profiles/slurm/config.yaml';
const PROFILE_V8 = '/w/profiles/slurm/config.v8+.yaml';
const PARAMS = '/w/pipeline/params.yaml';
const WITH_SCHEMA = { '/w/pipeline/nextflow_schema.json': VARIANTCALL_SCHEMA };

const profile = (body: string): string => `executor: slurm\njobs: 50\n${body}`;

const CASES: Case[] = [
  // Snakemake profile: options
  { name: 'known options, a plugin option we do not model, an option with dashes', file: PROFILE, text: profile('latency-wait: 60\nkubernetes-namespace: lab\n--keep-going: true\nslurm-logdir: logs\n'), expect: [] },
  { name: 'a misspelt option, with the fix', file: PROFILE, text: profile('latency-wiat: 60\n'), expect: ['3: workflow/snakemake-unknown-option: did you mean `latency-wait`'], fix: 'Change to `latency-wait`' },
  { name: 'an option nothing is close to', file: PROFILE, text: profile('frobnicate-everything: true\n'), expect: ['3: workflow/snakemake-unknown-option: `frobnicate-everything` is not an option'] },
  { name: 'an option with `_` is the schema rule\'s, not this one', file: PROFILE, text: profile('latency_wait: 60\n'), expect: [] },
  { name: 'an option Snakemake 8 removed, in a v8+ profile', file: PROFILE_V8, text: profile('cluster: sbatch\n'), expect: ['3: workflow/snakemake-unknown-option: Snakemake 8.0 removed the option `--cluster`'] },
  { name: 'the same option in a profile that names no version', file: PROFILE, text: profile('cluster: sbatch\n'), expect: [] },
  // Snakemake profile: resources
  { name: 'realistic resources', file: PROFILE, text: profile('default-resources:\n  slurm_account: proj-genomics\n  slurm_partition: compute\n  runtime: 60\n  mem_mb: 4000\n  constraint: "ib&skylake"\n  gres: "gpu:a100:2"\nset-resources:\n  align:\n    runtime: 12h\n    mem_mb: "4000 * attempt"\n    slurm_extra: "--mail-type=FAIL --mail-user=alice@example.org"\n  call:\n    runtime: "90 min"\n    mem: 16GB\n'), expect: [] },
  { name: 'a runtime of two spans', file: PROFILE, text: profile('default-resources:\n  runtime: 2h30m\n'), expect: ['4: workflow/snakemake-resources: `runtime: 2h30m` is neither minutes'] },
  { name: 'a quoted Slurm time is passed on as written', file: PROFILE, text: profile('default-resources:\n  runtime: "12:00:00"\n'), expect: [] },
  { name: 'an unquoted Slurm time is read in base 60 by YAML 1.1', file: PROFILE, text: profile('default-resources:\n  runtime: 2:00:00\n'), expect: ['4: workflow/snakemake-resources: reads `2:00:00` as the number 7200'] },
  { name: 'a leading 0 keeps an unquoted time text for PyYAML (02:00:00 is passed on as written)', file: PROFILE, text: profile('default-resources:\n  runtime: 02:00:00\n'), expect: [] },
  { name: 'mem_mb with a unit', file: PROFILE, text: profile('default-resources:\n  mem_mb: 4G\n'), expect: ['4: workflow/snakemake-resources: use `mem: 4G` instead'] },
  { name: 'mem_mb that is a word', file: PROFILE, text: profile('default-resources:\n  - mem_mb=abc\n'), expect: ['4: workflow/snakemake-resources: `mem_mb` must be a number'] },
  { name: 'a resource name that is not an identifier', file: PROFILE, text: profile('set-resources:\n  - align:mem-mb=4000\n'), expect: ['4: workflow/snakemake-resources: `mem-mb` is not a resource name'] },
  { name: 'a resource name with `-` for `_`, with the fix', file: PROFILE, text: profile('default-resources:\n  cpus-per-task: 4\n'), expect: ['4: workflow/snakemake-resources: `cpus-per-task` is not a resource name'], fix: 'Change to `cpus_per_task`' },
  { name: 'the same in a command-line string', file: PROFILE, text: profile('default-resources:\n  - cpus-per-task=4\n'), expect: ['4: workflow/snakemake-resources: `cpus-per-task` is not a resource name'], fix: 'Change to `cpus_per_task`' },
  { name: 'two spellings of one size', file: PROFILE, text: profile('set-resources:\n  align:\n    mem_mb: 4000\n    mem: 16GB\n  sort:\n    mem: 8GB\n'), expect: ['6: workflow/snakemake-resources: `mem` and `mem_mb` are one resource'] },
  { name: 'a constraint sbatch refuses', file: PROFILE, text: profile('default-resources:\n  constraint: "ib&&skylake"\n'), expect: ['4: workflow/snakemake-resources: `sbatch --constraint=ib&&skylake`'] },
  { name: 'a gres sbatch refuses', file: PROFILE, text: profile('set-resources:\n  train:\n    gres: "gpu:a100:x"\n'), expect: ['5: workflow/snakemake-resources: (rule `train`)'] },
  { name: 'slurm_extra: options the plugin sets, unknown ones, bad values', file: PROFILE, text: profile('set-resources:\n  train:\n    slurm_extra: "--job-name=x --bogus -C ib --mail-type=SOMETIMES"\n'), expect: ['5: workflow/snakemake-resources: sets `--job-name` itself', '5: workflow/snakemake-resources: sbatch has no option `--bogus`', '5: workflow/snakemake-resources: use the `constraint` resource instead', '5: workflow/snakemake-resources: `--mail-type=SOMETIMES`'] },
  { name: 'slurm_extra: an abbreviation of an option the plugin sets', file: PROFILE, text: profile('default-resources:\n  slurm_extra: "--cpus-per-t=4"\n'), expect: ['4: workflow/snakemake-resources: written as `--cpus-per-t` it slips past'] },
  { name: 'expressions are left alone', file: PROFILE, text: profile('set-resources:\n  sort:\n    mem_mb: "max(2 * input.size_mb, 1000)"\n    runtime: "60 * attempt"\n'), expect: [] },
  // Nextflow params
  { name: 'a params file the schema knows', file: PARAMS, others: WITH_SCHEMA, text: 'input: samples.csv\noutdir: results\naligner: bwa-mem2\nnf_test_output: out\n', expect: [] },
  { name: 'a misspelt parameter, with its group', file: PARAMS, others: WITH_SCHEMA, text: 'input: samples.csv\noutdir: results\nalinger: bwa-mem2\n', expect: ['3: workflow/nextflow-unknown-param: did you mean `aligner` (Alignment options)?'], fix: 'Change to `aligner`' },
  { name: 'a parameter nothing is close to', file: PARAMS, others: WITH_SCHEMA, text: 'input: samples.csv\noutdir: results\nmy_custom_flag: 1\n', expect: ['3: workflow/nextflow-unknown-param: defines no parameter `my_custom_flag`.'] },
  { name: 'a Nextflow option given as a parameter', file: PARAMS, others: WITH_SCHEMA, text: 'input: samples.csv\noutdir: results\nresume: true\n', expect: ['3: workflow/nextflow-unknown-param: `-resume` (one dash)'] },
  { name: 'a draft-07 schema (groups in definitions)', file: PARAMS, others: { '/w/pipeline/nextflow_schema.json': RNASEQ_SCHEMA }, text: 'input: samples.csv\noutdir: results\nmax_cpu: 16\n', expect: ['3: workflow/nextflow-unknown-param: did you mean `max_cpus`'] },
];

function analyse(c: Pick<Case, 'file' | 'text' | 'others'>) {
  const a = analyzeWorkflow({ path: c.file, text: c.text, files: (p) => c.others?.[path.resolve(path.dirname(c.file), p)] }, sharedSchemaRegistry());
  assert.ok(a, `${c.file} is recognised`);
  return a;
}

function ours(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => ENGINE_RULES.includes(f.code));
}

describe('workflow engine checks (Snakemake profiles, Nextflow params)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const found = ours(analyse(c).findings);
      const described = found.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`);
      assert.strictEqual(found.length, c.expect.length, described.join('\n'));
      c.expect.forEach((want, i) => {
        const [line, code, ...words] = want.split(': ');
        assert.strictEqual(found[i].range.start.line + 1, Number(line), described[i]);
        assert.strictEqual(found[i].code, code, described[i]);
        assert.ok(found[i].message.includes(words.join(': ')), `"${words.join(': ')}" not in: ${described[i]}`);
        assert.notStrictEqual(found[i].severity, 'error', 'these engines run and fail later: warnings');
      });
      if (c.fix) assert.strictEqual(found[0].fixes[0]?.title, c.fix);
    });
  }

  it('the did-you-mean fix replaces exactly the key', () => {
    const text = profile('latency-wiat: 60\n');
    const [f] = ours(analyse({ file: PROFILE, text }).findings);
    const edit = f.fixes[0].edits[0];
    assert.deepStrictEqual([edit.range.start, edit.range.end, edit.newText], [{ line: 2, character: 0 }, { line: 2, character: 12 }, 'latency-wait']);
  });

  it('the underscore fix inside a command-line string replaces only the name', () => {
    const text = profile('default-resources:\n  - "cpus-per-task=4"\n');
    const [f] = ours(analyse({ file: PROFILE, text }).findings);
    const edit = f.fixes[0].edits[0];
    const line = text.split('\n')[3];
    assert.strictEqual(line.slice(edit.range.start.character, edit.range.end.character), 'cpus-per-task');
    assert.strictEqual(edit.newText, 'cpus_per_task');
  });

  it('a slurm_extra finding covers the option inside the string', () => {
    const text = profile('default-resources:\n  slurm_extra: "--qos=long --bogus"\n');
    const [qos, bogus] = ours(analyse({ file: PROFILE, text }).findings);
    const line = text.split('\n')[3];
    assert.strictEqual(line.slice(qos.range.start.character, qos.range.end.character), '--qos');
    assert.strictEqual(line.slice(bogus.range.start.character, bogus.range.end.character), '--bogus');
  });

  it("hover on a parameter shows the pipeline's description and help_text", () => {
    const a = analyse({ file: PARAMS, others: { '/w/pipeline/nextflow_schema.json': RNASEQ_SCHEMA }, text: 'input: samples.csv\noutdir: results\n' });
    const md = workflowHoverAt(a, { line: 0, character: 2 })?.markdown ?? '';
    const schema = JSON.parse(RNASEQ_SCHEMA) as { definitions: Record<string, { properties: Record<string, { description?: string; help_text?: string }> }> };
    const input = Object.values(schema.definitions).map((g) => g.properties.input).find((p) => p !== undefined);
    assert.ok(input?.description && input.help_text, 'the fixture documents `input`');
    assert.ok(md.includes(input.description), md);
    assert.ok(md.includes(input.help_text), md);
  });
});
