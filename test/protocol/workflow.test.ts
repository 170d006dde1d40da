import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspProcess, type PublishedDiagnostics } from '../support/lspClient';

type Diagnostic = PublishedDiagnostics['diagnostics'][number] & { range: { start: { line: number; character: number }; end: { line: number; character: number } } };

const CWL = [
  'cwlVersion: v1.2',
  'class: CommandLineTool',
  'baseComand: [bwa, mem]',
  'requirements:',
  '  - class: DockerRequirement',
  '    dockerPull: quay.io/biocontainers/bwa:0.7.17',
  '',
  'inputs:',
  '  reads: File',
  'outputs: {}',
  'inputs:',
  '  reference: File',
  '',
].join('\n');

/** The workflow side of the real bundled server, spoken to over stdio. */
describe('language server over stdio: workflow files', function () {
  this.timeout(30000);
  let lsp: LspProcess;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hpcw-wf-protocol-'));
    lsp = new LspProcess(['dist/server.js', '--stdio']);
    await lsp.initialize();
  });
  after(async () => {
    await lsp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const diagnostics = async (name: string, version = 1) => (await lsp.diagnosticsFor(uri(name), version)).diagnostics as Diagnostic[];

  it('publishes CWL findings with codes, ranges, source and docs links', async () => {
    await lsp.open(uri('bwa.cwl'), CWL);
    const found = await diagnostics('bwa.cwl');
    const summary = found.map((d) => `${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${d.code}`);
    assert.deepStrictEqual(summary, ['3:0-10 1 workflow/schema', '11:0-6 1 workflow/duplicate-key'], found.map((d) => d.message).join('\n'));
    const unknown = found[0];
    assert.match(unknown.message, /Unknown key `baseComand` in CommandLineTool: did you mean `baseCommand`\?/);
    assert.strictEqual(unknown.source, 'hpc-workflows');
    assert.match(unknown.codeDescription!.href, /docs\/rules\/workflow\/schema\.md$/);
    assert.match(found[1].message, /CWL runners/);
  });

  it('hover shows the schema documentation of a key', async () => {
    const h = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('bwa.cwl') }, position: { line: 5, character: 8 } })) as { contents: { value: string }; range: unknown };
    assert.match(h.contents.value, /\*\*`dockerPull`\*\*/);
    assert.deepStrictEqual(h.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 14 } });
  });

  it('completes the keys of the requirement at the cursor', async () => {
    await lsp.open(uri('complete.cwl'), 'cwlVersion: v1.2\nclass: CommandLineTool\ninputs: {}\noutputs: {}\nrequirements:\n  - class: ResourceRequirement\n    \n');
    const items = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('complete.cwl') }, position: { line: 6, character: 4 } })) as { label: string; textEdit?: unknown }[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('coresMin') && labels.includes('ramMin'), labels.join(','));
    assert.ok(!labels.includes('dockerPull'));
  });

  it('offers the did-you-mean and remove-duplicate fixes, keyed by code and range', async () => {
    const found = await diagnostics('bwa.cwl');
    const ask = async (d: Diagnostic) =>
      (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri('bwa.cwl') }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as { title: string; edit?: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> } }[];
    const rename = (await ask(found[0])).find((a) => a.title === 'Change to `baseCommand`');
    assert.ok(rename?.edit);
    assert.strictEqual(rename.edit.changes[uri('bwa.cwl')][0].newText, 'baseCommand');
    const remove = (await ask(found[1])).find((a) => a.title.startsWith('Remove this `inputs` entry'));
    assert.ok(remove?.edit);
    assert.deepStrictEqual(remove.edit.changes[uri('bwa.cwl')][0], { range: { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } }, newText: '' });
  });

  it('re-publishes after a change', async () => {
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('bwa.cwl'), version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, text: 'm' }] });
    const found = await diagnostics('bwa.cwl', 2);
    assert.deepStrictEqual(found.map((d) => d.code), ['workflow/duplicate-key']);
  });

  it('a YAML file that is no workflow file gets no diagnostics, even when it mentions sbatch', async () => {
    await lsp.open(uri('docker-compose.yaml'), 'services:\n  app:\n    command: sbatch job.sh\n    command: again\n');
    await lsp.open(uri('after.cwl'), 'cwlVersion: v1.2\nclass: Workflow\ninputs: {}\noutputs: {}\nsteps: {}\n');
    await diagnostics('after.cwl');
    assert.deepStrictEqual(lsp.published.filter((p) => p.uri === uri('docker-compose.yaml')), []);
  });

  it('checks a Nextflow params file against the pipeline schema found above it', async () => {
    writeFileSync(
      path.join(dir, 'nextflow_schema.json'),
      JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema', type: 'object', properties: { input: { type: 'string', description: 'Samplesheet.' }, max_cpus: { type: 'integer' } }, additionalProperties: false }),
    );
    await lsp.open(uri('params.yaml'), 'input: samples.csv\nmax_cpu: 16\n');
    const found = await diagnostics('params.yaml');
    assert.deepStrictEqual(found.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.message}`), ['2:0 Unknown key `max_cpu` at the top level: did you mean `max_cpus`?']);
  });

  it('uses the schema a yaml-language-server modeline names', async () => {
    writeFileSync(path.join(dir, 'my.schema.json'), JSON.stringify({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }));
    await lsp.open(uri('mine.yaml'), '# yaml-language-server: $schema=my.schema.json\nname: 3\n');
    const found = await diagnostics('mine.yaml');
    assert.deepStrictEqual(found.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.code}`), ['2:6 workflow/schema']);
  });
});
