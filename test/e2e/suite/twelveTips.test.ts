// Fixes of the twelve-tips rules applied through the editor's own code-action path: the bind a
// container needs (one file), and the submit loop turned into one job array (two files).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, lineNumberOf, openWorkspaceFile, waitFor } from './helpers';

/** How many code actions VS Code resolves (fills `edit` in) when the server resolves edits lazily. */
const RESOLVE_COUNT = 20;

/** The quick fixes VS Code offers for a diagnostic, through the same command its light bulb uses. */
export async function quickFixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, RESOLVE_COUNT,
  );
  const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
  return codeActions.filter((a) => a.kind !== undefined && a.kind.value.startsWith('quickfix'));
}

/** Waits for the diagnostic of a rule on a line. */
export function diagnosticOn(document: vscode.TextDocument, code: string, line: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `${code} on line ${line + 1}`,
    () => vscode.languages.getDiagnostics(document.uri).find((d) => diagnosticCode(d) === code && d.range.start.line === line),
    () => describeDiagnostics(document.uri),
  );
}

/** Reverts a document the test changed, so the workspace copy stays as it was. */
async function revert(document: vscode.TextDocument | undefined): Promise<void> {
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('twelve-tips fixes', () => {
  let bindDoc: vscode.TextDocument | undefined;
  let loopDoc: vscode.TextDocument | undefined;
  let created: vscode.Uri | undefined;
  suiteTeardown(async () => {
    await revert(bindDoc);
    await revert(loopDoc);
    if (created) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === created!.toString());
      if (doc) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    }
  });

  test('container/missing-bind: the fix adds --bind for the data directory and the warning goes away', async () => {
    bindDoc = await openWorkspaceFile('container-bind.sbatch');
    const line = lineNumberOf(bindDoc, 'apptainer exec --nv colabfold.sif colabfold_batch "$DATA/queries.fasta" results/');
    const diagnostic = await diagnosticOn(bindDoc, 'container/missing-bind', line);
    const fixes = await quickFixesFor(bindDoc, diagnostic);
    const fix = fixes.find((a) => a.title.includes('--bind /project/lab'));
    assert.ok(fix?.edit, `no bind fix; offered: ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');
    assert.ok(bindDoc.lineAt(line).text.startsWith('apptainer exec --bind /project/lab'), bindDoc.lineAt(line).text);
    await waitFor(
      'the missing-bind warning to go away',
      () => (vscode.languages.getDiagnostics(bindDoc!.uri).some((d) => diagnosticCode(d) === 'container/missing-bind') ? undefined : true),
      () => describeDiagnostics(bindDoc!.uri),
    );
  });

  test('array/submit-loop: the fix creates the array script and replaces the loop with one sbatch --array', async () => {
    loopDoc = await openWorkspaceFile('submit-loop/submit_all.sh');
    const line = lineNumberOf(loopDoc, 'sbatch align.sh "$sample"');
    const diagnostic = await diagnosticOn(loopDoc, 'array/submit-loop', line);
    const fixes = await quickFixesFor(loopDoc, diagnostic);
    const fix = fixes.find((a) => a.title === 'Convert to one job array');
    assert.ok(fix?.edit, `no conversion; offered: ${JSON.stringify(fixes.map((a) => a.title))}`);
    created = vscode.Uri.joinPath(loopDoc.uri, '..', 'align.array.sh');
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');

    assert.ok(/^\s*sbatch --array=0-3 align\.array\.sh\s*$/m.test(loopDoc.getText()), loopDoc.getText());
    assert.ok(!/\bfor sample in\b/.test(loopDoc.getText()), 'the loop is gone');
    const arrayScript = await vscode.workspace.openTextDocument(created);
    const text = arrayScript.getText();
    assert.ok(text.startsWith('#!/bin/bash\n#SBATCH --job-name=align\n#SBATCH --time=01:00:00\n#SBATCH --cpus-per-task=4\n'), text);
    assert.ok(text.includes('SLURM_ARRAY_TASK_ID'), text);
    assert.ok(text.includes('bwa mem'), 'the commands of the job script are kept');
    await waitFor(
      'the submit-loop warning to go away',
      () => (vscode.languages.getDiagnostics(loopDoc!.uri).some((d) => diagnosticCode(d) === 'array/submit-loop') ? undefined : true),
      () => describeDiagnostics(loopDoc!.uri),
    );
  });
});
