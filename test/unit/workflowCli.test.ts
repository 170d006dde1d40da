import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface CliFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

describe('hpcw lint: workflow files (the bundled CLI as a process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hpcw-wf-cli-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'hpcw.js'), ...args], { encoding: 'utf8', cwd: dir });
  const json = (...args: string[]) => {
    const r = run('lint', '--format', 'json', ...args);
    return { status: r.status, stderr: r.stderr, findings: JSON.parse(r.stdout || '[]') as CliFinding[] };
  };

  before(() => {
    writeFileSync(path.join(dir, 'tool.cwl'), 'cwlVersion: v1.2\nclass: CommandLineTool\nbaseComand: echo\ninputs: {}\noutputs: {}\n');
    mkdirSync(path.join(dir, 'pipeline'));
    writeFileSync(path.join(dir, 'pipeline', 'nextflow_schema.json'), JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema', $id: 'https://example.org/pipeline/nextflow_schema.json', title: 'pipeline', description: 'A test pipeline', type: 'object', properties: { input: { type: 'string' } }, additionalProperties: false }, null, 2));
    writeFileSync(path.join(dir, 'pipeline', 'params.yaml'), 'inptu: b.csv\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "name": "y"}\n');
    writeFileSync(path.join(dir, 'compose.yml'), 'services:\n  a: {}\n  a: {}\n');
    writeFileSync(path.join(dir, 'job.sbatch'), '#!/bin/bash\n#SBATCH --time=5\nsrun x\n');
    writeFileSync(path.join(dir, 'broken.yaml'), 'a: "open\n');
  });

  it('walks a directory: job scripts and the workflow files the engine recognises, nothing else', () => {
    const r = json('.');
    const files = [...new Set(r.findings.map((f) => f.file.split(path.sep).join('/')))].sort();
    assert.deepStrictEqual(files, ['pipeline/params.yaml', 'tool.cwl'], r.stderr);
    assert.strictEqual(r.status, 1, 'schema errors are errors');
  });

  it('reports workflow findings with 1-based positions and their codes', () => {
    const r = json('tool.cwl', 'pipeline/params.yaml');
    assert.deepStrictEqual(
      r.findings.map((f) => `${f.file.split(path.sep).join('/')}:${f.line}:${f.column} ${f.severity} ${f.code}`),
      ['tool.cwl:3:1 error workflow/schema', 'pipeline/params.yaml:1:1 error workflow/schema'],
    );
    assert.match(r.findings[1].message, /did you mean `input`\?/);
  });

  it('a YAML file named explicitly gets the reading checks even when it is no workflow file', () => {
    const r = json('broken.yaml', 'compose.yml');
    assert.deepStrictEqual(r.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.code}`), ['broken.yaml:1 workflow/yaml-syntax', 'compose.yml:3 workflow/duplicate-key']);
  });

  it('the text summary counts workflow files', () => {
    const r = run('lint', 'tool.cwl', 'job.sbatch');
    assert.match(r.stdout, /2 files checked: 1 errors/);
  });

  it('--only takes workflow rule ids; SARIF lists the workflow rules', () => {
    const only = json('--only', 'workflow/duplicate-key', 'compose.yml', 'tool.cwl');
    assert.deepStrictEqual(only.findings.map((f) => f.code), ['workflow/duplicate-key']);
    const sarif = JSON.parse(run('lint', '--format', 'sarif', 'tool.cwl').stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    const ids = sarif.runs[0].tool.driver.rules.map((x) => x.id);
    for (const id of ['workflow/yaml-syntax', 'workflow/duplicate-key', 'workflow/schema', 'workflow/too-complex']) assert.ok(ids.includes(id), id);
  });

  it('--config: user schemas of workflow.schemas apply, their paths read from the config file\'s folder', () => {
    mkdirSync(path.join(dir, 'conf', 'schemas'), { recursive: true });
    writeFileSync(path.join(dir, 'conf', 'schemas', 'run.schema.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { samples: { type: 'integer' } }, required: ['samples'] }));
    writeFileSync(path.join(dir, 'conf', 'hpcw.json'), JSON.stringify({ workflow: { schemas: { 'schemas/run.schema.json': ['runs/*.yaml'] } } }));
    mkdirSync(path.join(dir, 'runs'), { recursive: true });
    writeFileSync(path.join(dir, 'runs', 'r1.yaml'), 'samples: many\n');
    const r = json('--config', path.join('conf', 'hpcw.json'), path.join('runs', 'r1.yaml'));
    assert.deepStrictEqual(r.findings.map((f) => [f.code, f.line]), [['workflow/schema', 1]], r.stderr);
  });
});
