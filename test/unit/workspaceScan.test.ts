import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { workspaceHasWorkflowFiles } from '../../server/src/handlers/workspaceScan';

describe('workspaceHasWorkflowFiles (whether the server readies the workflow engine at start)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-scan-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const cases: [string, string[], boolean][] = [
    ['job scripts only', ['run.sbatch', 'scripts/submit_all.sh', 'data/reads.fq'], false],
    ['a CWL tool two levels down', ['tools/align/bwa.cwl'], true],
    ['an nf-core pipeline', ['pipeline/nextflow_schema.json', 'pipeline/main.nf'], true],
    ['a Snakemake workflow', ['workflow/Snakefile', 'config/config.yaml'], true],
    ['a Snakemake profiles folder', ['profiles/slurm/config.yaml'], true],
    ['workflow files only inside node_modules or .git', ['node_modules/x/a.cwl', '.git/b.cwl'], false],
    ['too deep to look', ['a/b/c/d/e.cwl'], false],
  ];
  for (const [name, files, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      const dir = fs.mkdtempSync(path.join(root, 'ws-'));
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '');
      }
      assert.strictEqual(workspaceHasWorkflowFiles([dir]), expected);
    });
  }
  it('a folder that does not exist is simply not one', () => {
    assert.strictEqual(workspaceHasWorkflowFiles([path.join(root, 'missing')]), false);
  });
});
