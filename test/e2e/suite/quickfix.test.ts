// The quick fix for a misspelt option, applied through the editor, rewrites the line and clears the error.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, lineNumberOf, openWorkspaceFile, waitFor } from './helpers';

/** How many code actions VS Code resolves (fills `edit` in) when the server resolves edits lazily. */
const RESOLVE_COUNT = 20;

suite('quick fix', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    document = await openWorkspaceFile('quickfix.sbatch');
  });
  suiteTeardown(async () => {
    // Leave the file as it was on disk, so the workspace can be reused.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('"#SBATCH --tmie=10" is fixed to "#SBATCH --time=10"', async () => {
    const lineNumber = lineNumberOf(document, '#SBATCH --tmie=10');
    const onFixedLine = (d: vscode.Diagnostic): boolean => d.range.start.line === lineNumber && diagnosticCode(d) === 'slurm/unknown-option';
    const diagnostic = await waitFor(
      'slurm/unknown-option on --tmie',
      () => vscode.languages.getDiagnostics(document.uri).find(onFixedLine),
      () => describeDiagnostics(document.uri),
    );

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, RESOLVE_COUNT,
    );
    const titles = (actions ?? []).map((action) => action.title);
    // A `Command` has `command: string`; a `CodeAction` has `command?: Command`.
    const codeActions = (actions ?? []).filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
    const isQuickFix = (kind: vscode.CodeActionKind | undefined): boolean =>
      kind !== undefined && (kind.value === 'quickfix' || kind.value.startsWith('quickfix.'));
    const fix = codeActions.find((action) => isQuickFix(action.kind) && action.title.includes('--time'));
    assert.ok(fix, `no quick fix mentioning --time; offered: ${JSON.stringify(titles)}`);
    assert.ok(fix.edit || fix.command, `quick fix "${fix.title}" has neither an edit nor a command`);

    if (fix.edit) assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    assert.strictEqual(document.lineAt(lineNumber).text, '#SBATCH --time=10');
    // The server sees the edit and withdraws its diagnostic.
    await waitFor(
      'the unknown-option diagnostic to go away',
      () => (vscode.languages.getDiagnostics(document.uri).some(onFixedLine) ? undefined : true),
      () => describeDiagnostics(document.uri),
    );
  });
});
