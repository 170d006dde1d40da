// The other workflow formats in the real editor, one row each: a Nextflow params file checked against
// its pipeline's nextflow_schema.json (and the did-you-mean fix applied), a Maestro study, and a user
// schema named by a yaml-language-server modeline — each reported at the right line and hovered with
// the description its schema gives.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, markedPosition, openWorkspaceFile, waitFor } from './helpers';

interface FormatCase {
  name: string;
  file: string;
  /** The rule and the text of the line its diagnostic starts on. */
  code: string;
  line: string;
  /** A position (marked with `|`) whose hover must contain `hover`. */
  hoverAt: string;
  hover: string;
}

const CASES: FormatCase[] = [
  { name: 'Nextflow params file', file: 'workflow/pipeline/params.yaml', code: 'workflow/nextflow-unknown-param', line: 'outdri: results-old', hoverAt: 'out|dir: results', hover: 'Folder the results are written to.' },
  { name: 'Maestro study', file: 'workflow/study/lulesh.yaml', code: 'workflow/study-steps', line: '      depends: [biuld]', hoverAt: '      wall|time: "00:30:00"', hover: 'walltime' },
  { name: 'user schema by modeline', file: 'workflow/runs/run1.yaml', code: 'workflow/schema', line: 'samples: many', hoverAt: 'sam|ples: many', hover: 'How many samples one run processes.' },
];

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

suite('workflow formats', () => {
  const touched: vscode.TextDocument[] = [];
  suiteTeardown(async () => {
    for (const doc of touched) {
      if (!doc.isDirty) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  for (const c of CASES) {
    test(`${c.name}: ${c.code} on "${c.line.trim()}", hover from its schema`, async () => {
      const doc = await openWorkspaceFile(c.file);
      touched.push(doc);
      const line = [...Array(doc.lineCount).keys()].find((l) => doc.lineAt(l).text === c.line);
      assert.ok(line !== undefined, `${c.file} has no line ${JSON.stringify(c.line)}`);
      await waitFor(
        `${c.code} on line ${line + 1}`,
        () => vscode.languages.getDiagnostics(doc.uri).find((d) => diagnosticCode(d) === c.code && d.range.start.line === line),
        () => describeDiagnostics(doc.uri),
      );
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, markedPosition(doc, c.hoverAt));
      const text = hoverText(hovers ?? []);
      assert.ok(text.includes(c.hover), `hover at ${c.hoverAt}: ${text || '(none)'}`);
    });
  }

  test('Nextflow params: the did-you-mean fix renames outdri and the warning goes away', async () => {
    const doc = await openWorkspaceFile('workflow/pipeline/params.yaml');
    touched.push(doc);
    const diagnostic = await waitFor(
      'the unknown-param warning',
      () => vscode.languages.getDiagnostics(doc.uri).find((d) => diagnosticCode(d) === 'workflow/nextflow-unknown-param'),
      () => describeDiagnostics(doc.uri),
    );
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 20);
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    const fix = fixes.find((a) => a.title.includes('outdir'));
    assert.ok(fix?.edit, `no did-you-mean; offered: ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
    assert.strictEqual(doc.lineAt(diagnostic.range.start.line).text, 'outdir: results-old');
  });
});
