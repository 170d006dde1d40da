import * as assert from 'assert';
import { LspProcess } from '../support/lspClient';

const URI = 'file:///work/job.sbatch';
const TEXT = ['#!/bin/bash', '#SBATCH --tmie=10', '#SBATCH --time=1-12:00:00', '#SBATCH --mem=4G --mem-per-cpu=1G', '#SBATCH --mail-type=', 'srun hostname', ''].join('\n');

/** Starts the real bundled server (dist/server.js, or `hpcw lsp`) over stdio and speaks LSP to it. */
for (const [name, args] of [
  ['dist/server.js --stdio', ['dist/server.js', '--stdio']],
  ['hpcw lsp --stdio', ['bin/hpcw.js', 'lsp', '--stdio']],
] as const) {
  describe(`language server over stdio: ${name}`, function () {
    this.timeout(20000);
    let lsp: LspProcess;
    before(async () => {
      lsp = new LspProcess([...args]);
      const init = (await lsp.initialize()) as { capabilities: Record<string, unknown> };
      assert.ok(init.capabilities.hoverProvider);
      await lsp.open(URI, TEXT);
    });
    after(async () => lsp.stop());

    it('publishes diagnostics with code, source and docs link on open', async () => {
      const d = await lsp.diagnosticsFor(URI, 1);
      const codes = d.diagnostics.map((x) => x.code);
      assert.ok(codes.includes('slurm/unknown-option'), codes.join(','));
      assert.ok(codes.includes('slurm/conflicting-options'), codes.join(','));
      const unknown = d.diagnostics.find((x) => x.code === 'slurm/unknown-option')!;
      assert.strictEqual(unknown.source, 'hpc-workflows');
      assert.strictEqual(unknown.severity, 1);
      assert.match(unknown.codeDescription!.href, /docs\/rules\/slurm\/unknown-option\.md$/);
    });

    it('hover reads a time back in words', async () => {
      const h = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 11 } })) as { contents: { value: string } };
      assert.match(h.contents.value, /--time/);
      assert.match(h.contents.value, /1 day 12 hours/);
    });

    it('completes option names and enum values', async () => {
      const names = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 10 } })) as { label: string }[];
      assert.ok(names.some((c) => c.label === '--time'));
      const values = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 4, character: 20 } })) as { label: string }[];
      assert.ok(values.some((c) => c.label === 'END'), values.map((v) => v.label).join(','));
    });

    it('offers the did-you-mean quick fix for the diagnostic, keyed by its code', async () => {
      const d = await lsp.diagnosticsFor(URI, 1);
      const unknown = d.diagnostics.find((x) => x.code === 'slurm/unknown-option')!;
      const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] } })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
      const fix = actions.find((a) => a.title.includes('--time'));
      assert.ok(fix, actions.map((a) => a.title).join(','));
      assert.strictEqual(fix.edit.changes[URI][0].newText, '--time');
    });

    it('offers "fix all" with only the safe fixes (never a did-you-mean)', async () => {
      const uri = 'file:///work/fixall.sbatch';
      await lsp.open(uri, ['#!/bin/bash', '#SBATCH --time=5', '  #SBATCH --mem=1G', '#SBATCH --time=6', '#SBATCH --tmie=3', 'srun x', ''].join('\n'));
      await lsp.diagnosticsFor(uri, 1);
      const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as { title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } }[];
      assert.strictEqual(actions.length, 1, JSON.stringify(actions));
      assert.strictEqual(actions[0].kind, 'source.fixAll.hpc-workflows');
      const edits = actions[0].edit.changes[uri];
      assert.strictEqual(edits.length, 2, 'drop the overridden --time and unindent the directive');
      assert.ok(!edits.some((e) => e.newText.includes('--time=3')), 'the did-you-mean is not applied');
    });

    it('re-publishes for each new version after a change', async () => {
      await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } }, text: 'time' }] });
      const d = await lsp.diagnosticsFor(URI, 2);
      assert.ok(!d.diagnostics.some((x) => x.code === 'slurm/unknown-option'));
      assert.ok(d.diagnostics.some((x) => x.code === 'slurm/duplicate-option'), 'now --time is given twice');
    });

    it('publishes the directive findings first, then the complete ones with the shell rules', async () => {
      const uri = 'file:///work/two-steps.sbatch';
      await lsp.open(uri, ['#!/bin/bash', '#SBATCH --time=10 --tmie=5', 'pip install torch', 'srun python train.py', ''].join('\n'));
      const codes = (d: { diagnostics: { code?: string | number }[] }) => d.diagnostics.map((x) => x.code);
      const complete = await lsp.diagnosticsWhere(uri, (d) => codes(d).includes('io/pip-install-in-job'));
      assert.strictEqual(complete.version, 1);
      assert.ok(codes(complete).includes('slurm/unknown-option'), 'the complete publication keeps the directive findings');
      const first = lsp.published.find((p) => p.uri === uri)!;
      assert.ok(codes(first).includes('slurm/unknown-option'), 'the first publication already has the directive findings');
    });

    it('leaves plain shell scripts alone', async () => {
      await lsp.open('file:///work/build.sh', 'make -j4\n');
      const d = await lsp.diagnosticsFor('file:///work/build.sh');
      assert.deepStrictEqual(d.diagnostics, []);
    });
  });
}
