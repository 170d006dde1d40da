// The extension loads in a real workbench and claims the job-script file types.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, describeDiagnostics, diagnosticCode, openWorkspaceFile, ownDiagnostics, waitFor, waitForActivation } from './helpers';

suite('activation', () => {
  test('the extension is installed under its manifest id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} missing; loaded: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  });

  test('opening a job script activates the extension', async () => {
    await openWorkspaceFile('job.sbatch');
    const extension = await waitForActivation();
    assert.strictEqual(extension.isActive, true);
  });

  // Each file holds `#SBATCH --bogus`; seeing the diagnostic proves the file reached the language server.
  const jobScriptFiles = ['language.sbatch', 'language.slurm', 'language.job', 'language.sh'];
  for (const file of jobScriptFiles) {
    test(`${file} is a shellscript document that the language server analyses`, async () => {
      const document = await openWorkspaceFile(file);
      assert.strictEqual(document.languageId, 'shellscript');
      const codes = await waitFor(
        `diagnostics for ${file}`,
        () => {
          const found = ownDiagnostics(document.uri).map(diagnosticCode);
          return found.includes('slurm/unknown-option') ? found : undefined;
        },
        () => describeDiagnostics(document.uri),
      );
      assert.ok(codes.includes('slurm/unknown-option'));
    });
  }
});
