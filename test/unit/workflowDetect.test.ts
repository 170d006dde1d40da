import * as assert from 'assert';
import * as path from 'path';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { detectFormat, modelineSchema } from '../../server/src/workflow/detect';
import { globMatches } from '../../server/src/workflow/glob';
import { SchemaRegistry } from '../../server/src/workflow/schema/registry';
import { parseWorkflowSettings } from '../../server/src/workflow/settings';
import type { WorkflowSettings } from '../../server/src/workflow/types';

/** A tiny in-memory file system for the injected reader. */
function files(tree: Record<string, string>) {
  return (p: string) => tree[path.resolve(p)];
}

const NO_FILES = files({});

describe('workflow format detection (path + content)', () => {
  const cases: { name: string; path: string; text: string; tree?: Record<string, string>; home?: string; workflow?: WorkflowSettings; folder?: string; expect: string | undefined; schema?: string; version?: string }[] = [
    { name: 'a .cwl file', path: '/w/tool.cwl', text: 'class: CommandLineTool\n', expect: 'cwl' },
    { name: 'YAML with cwlVersion, and its version', path: '/w/wf.yml', text: '#!/usr/bin/env cwl-runner\ncwlVersion: v1.0\nclass: Workflow\n', expect: 'cwl', version: 'v1.0' },
    { name: 'JSON with cwlVersion', path: '/w/packed.json', text: '{"cwlVersion": "v1.2", "$graph": []}', expect: 'cwl', version: 'v1.2' },
    { name: 'nextflow_schema.json', path: '/p/nextflow_schema.json', text: '{}', expect: 'nextflow-schema' },
    { name: 'params.yaml under a pipeline with its schema', path: '/p/conf/params.yaml', text: 'input: x\n', tree: { '/p/nextflow_schema.json': '{}' }, expect: 'nextflow-params', schema: '/p/nextflow_schema.json' },
    { name: 'params.yaml with no pipeline schema above: not ours', path: '/p/params.yaml', text: 'input: x\n', expect: undefined },
    { name: 'a Snakemake profile by folder', path: '/w/profiles/slurm/config.yaml', text: 'use-conda: true\n', expect: 'snakemake-profile' },
    { name: 'a Snakemake v8 profile file name', path: '/w/profiles/slurm/config.v8+.yaml', text: 'executor: slurm\n', expect: 'snakemake-profile' },
    { name: 'a Snakemake profile in ~/.config/snakemake', path: '/home/u/.config/snakemake/cluster/config.yaml', text: 'printshellcmds: true\n', home: '/home/u', expect: 'snakemake-profile' },
    { name: 'a config.yaml with profile keys', path: '/w/anywhere/config.yaml', text: 'jobs: 100\nexecutor: slurm\n', expect: 'snakemake-profile' },
    { name: 'a workflow config with validate() in the Snakefile', path: '/w/config/config.yaml', text: 'samples: s.tsv\n', tree: { '/w/workflow/Snakefile': 'from snakemake.utils import validate\nvalidate(config, schema="schemas/config.schema.yaml")\n', '/w/workflow/schemas/config.schema.yaml': 'type: object\n' }, expect: 'snakemake-config', schema: '/w/workflow/schemas/config.schema.yaml' },
    { name: 'a workflow config with the conventional schema', path: '/w/config/config.yaml', text: 'samples: s.tsv\n', tree: { '/w/workflow/Snakefile': 'rule all:\n  input: "x"\n', '/w/workflow/schemas/config.schema.yaml': 'type: object\n' }, expect: 'snakemake-config', schema: '/w/workflow/schemas/config.schema.yaml' },
    { name: 'config/config.yaml without a Snakefile: not ours', path: '/w/config/config.yaml', text: 'samples: s.tsv\n', expect: undefined },
    { name: 'a Maestro study', path: '/w/study.yaml', text: 'description:\n  name: x\n  description: y\nstudy:\n  - name: a\n', expect: 'maestro' },
    { name: 'a Merlin study', path: '/w/study.yaml', text: 'description:\n  name: x\nmerlin:\n  resources: {}\nstudy: []\n', expect: 'merlin' },
    { name: 'a plain YAML file: not ours', path: '/w/docker-compose.yml', text: 'services: {}\n', expect: undefined },
    { name: 'a modeline names a local schema', path: '/w/any.yaml', text: '# yaml-language-server: $schema=../schemas/s.json\na: 1\n', expect: 'user-schema', schema: '/schemas/s.json' },
    { name: 'a modeline with a URL is ignored', path: '/w/any.yaml', text: '# yaml-language-server: $schema=https://json.schemastore.org/x.json\na: 1\n', expect: undefined },
    { name: 'a settings glob', path: '/ws/configs/run1.yaml', text: 'a: 1\n', folder: '/ws', workflow: { schemas: [{ schema: 'schemas/run.json', globs: ['configs/*.yaml'] }] }, expect: 'user-schema', schema: '/ws/schemas/run.json' },
    { name: 'a settings glob on a CWL file keeps the CWL reading rules', path: '/ws/tool.cwl', text: 'cwlVersion: v1.2\n', folder: '/ws', workflow: { schemas: [{ schema: 'my-cwl.json', globs: ['*.cwl'] }] }, expect: 'cwl', schema: '/ws/my-cwl.json' },
    { name: 'a shell script is never a workflow file', path: '/w/job.sh', text: 'cwlVersion: v1.2\n', expect: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = detectFormat({ path: c.path, text: c.text, files: c.tree ? files(c.tree) : NO_FILES, home: c.home, workflow: c.workflow, workspaceFolder: c.folder });
      assert.strictEqual(f?.id, c.expect);
      if (c.schema) assert.deepStrictEqual(f?.schema && 'path' in f.schema ? f.schema.path : undefined, c.schema);
      if (c.version) assert.strictEqual(f?.version, c.version);
    });
  }

  it('the YAML version follows the engine: 1.2 for CWL, 1.1 for PyYAML and SnakeYAML readers', () => {
    assert.strictEqual(detectFormat({ path: '/w/t.cwl', text: '' })?.yamlVersion, '1.2');
    assert.strictEqual(detectFormat({ path: '/w/profiles/p/config.yaml', text: '' })?.yamlVersion, '1.1');
  });

  it('modeline and glob helpers', () => {
    assert.strictEqual(modelineSchema('#   yaml-language-server:  $schema=./a.json\n'), './a.json');
    assert.strictEqual(modelineSchema('# yaml-language-server: $schema=file:///abs/a.json\n'), '/abs/a.json');
    assert.ok(globMatches('**/*.cwl', 'a/b/c.cwl'));
    assert.ok(globMatches('*.cwl', 'deep/x.cwl'), 'a glob without / matches the file name anywhere');
    assert.ok(globMatches('configs/{a,b}.yaml', 'configs/b.yaml'));
    assert.ok(!globMatches('configs/*.yaml', 'configs/sub/x.yaml'));
  });
});

describe('workflow settings, suppression and severities', () => {
  it('hpcWorkflows.workflow.schemas: files and globs; URLs refused with a reason', () => {
    const { settings, problems } = parseWorkflowSettings({ workflow: { schemas: { 'schemas/a.json': ['x/*.yaml'], 'b.json': 'y.yaml', 'https://example.org/s.json': ['*.yaml'], 'c.json': [] } } });
    assert.deepStrictEqual(settings.schemas, [{ schema: 'schemas/a.json', globs: ['x/*.yaml'] }, { schema: 'b.json', globs: ['y.yaml'] }]);
    assert.strictEqual(problems.length, 2);
    assert.deepStrictEqual(parseWorkflowSettings(undefined), { settings: { schemas: [] }, problems: [] });
  });

  const schema = JSON.stringify({ type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false });
  const analyse = (text: string, severity: Record<string, 'off' | 'warning'> = {}) =>
    analyzeWorkflow({ path: '/w/x.yaml', text: `# yaml-language-server: $schema=s.json\n${text}`, files: files({ '/w/s.json': schema }), settings: { severity } }, new SchemaRegistry())!.findings.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`);

  it('a user schema from a modeline is read through the injected reader', () => {
    assert.deepStrictEqual(analyse('name: 1\nother: 2\n'), ['2 error workflow/schema', '3 error workflow/schema']);
  });
  it('# hpc-disable-next-line and # hpc-disable-line switch a finding off', () => {
    assert.deepStrictEqual(analyse('# hpc-disable-next-line workflow/schema\nname: 1\nother: 2 # hpc-disable-line workflow/schema\n'), []);
  });
  it('the rules setting changes severities or turns a rule off', () => {
    assert.deepStrictEqual(analyse('name: 1\n', { 'workflow/schema': 'warning' }), ['2 warning workflow/schema']);
    assert.deepStrictEqual(analyse('name: 1\na: 1\na: 2\n', { 'workflow/schema': 'off' }), ['4 warning workflow/duplicate-key']);
  });
  it('a schema that cannot be read or compiled is said once, at the top', () => {
    const missing = analyzeWorkflow({ path: '/w/x.yaml', text: '# yaml-language-server: $schema=nope.json\na: 1\n', files: NO_FILES }, new SchemaRegistry())!;
    assert.match(missing.findings[0].message, /not checked against its schema: .*nope\.json\) cannot be read/);
    const broken = analyzeWorkflow({ path: '/w/x.yaml', text: '# yaml-language-server: $schema=s.json\na: 1\n', files: files({ '/w/s.json': '{"type": "nonsense"}' }) }, new SchemaRegistry())!;
    assert.match(broken.findings[0].message, /does not compile/);
  });
  it('a YAML schema file (Snakemake writes them in YAML)', () => {
    const a = analyzeWorkflow({ path: '/w/x.yaml', text: '# yaml-language-server: $schema=s.yaml\nn: x\n', files: files({ '/w/s.yaml': 'type: object\nproperties:\n  n: {type: integer}\n' }) }, new SchemaRegistry())!;
    assert.deepStrictEqual(a.findings.map((f) => f.message), ['`n` should be a whole number, not `x`.']);
  });
});
