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
  suiteTeardown(async () => {
    await revert(bindDoc);
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
});
