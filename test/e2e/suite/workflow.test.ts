// Workflow files in the real editor: a CWL tool's misspelt key is reported at the key itself, hover
// shows our schema's description, completion offers a step's keys (required first), the did-you-mean
// fix applied through VS Code's code-action path clears the error, and a Snakemake profile under
// profiles/slurm/ is recognised and checked (an option spelt with `_`, a slurm_extra the SLURM plugin refuses).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, EXTENSION_ID, lineNumberOf, markedPosition, openWorkspaceFile, waitFor, waitForActivation } from './helpers';

/** How many code actions VS Code resolves (fills `edit` in) when the server resolves edits lazily. */
const RESOLVE_COUNT = 20;

/** Reverts a document the test changed, so the workspace copy stays as it was. */
async function revert(document: vscode.TextDocument | undefined): Promise<void> {
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Joins every hover's contents into one string (MarkdownString, MarkedString or plain string). */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Returns the label text of a completion item (labels may be strings or `{ label, detail }`). */
function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The order the suggest widget shows items in before any typing: by sortText, else by label. */
function inWidgetOrder(items: readonly vscode.CompletionItem[]): string[] {
  const key = (item: vscode.CompletionItem): string => item.sortText ?? labelOf(item);
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(labelOf);
}

/** A description from our bundled CWL schema, read from the extension under test (never copied into the test). */
function cwlSchemaDescription(definition: string, property: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'schemas', 'cwl-v1.2.schema.json'), 'utf8')) as {
    $defs: Record<string, { properties?: Record<string, { description?: string }> }>;
  };
  const description = schema.$defs[definition]?.properties?.[property]?.description;
  assert.ok(description, `the CWL schema has no description for ${definition}.${property}`);
  return description;
}

/** The diagnostic with this code whose range starts on `line`, once the server has published it. */
function diagnosticOn(document: vscode.TextDocument, code: string, line: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `${code} on line ${line + 1} of ${path.basename(document.uri.path)}`,
    () => vscode.languages.getDiagnostics(document.uri).find((d) => diagnosticCode(d) === code && d.range.start.line === line),
    () => describeDiagnostics(document.uri),
  );
}

suite('workflow files', () => {
  let toolDoc: vscode.TextDocument | undefined;
  let stepDoc: vscode.TextDocument | undefined;
  suiteTeardown(async () => {
    await revert(toolDoc);
    await revert(stepDoc);
  });

  test('CWL: a misspelt key is an error on exactly that key', async () => {
    toolDoc = await openWorkspaceFile('workflow/sort-bam.cwl');
    const line = lineNumberOf(toolDoc, 'baseComand: [samtools, sort]');
    const diagnostic = await diagnosticOn(toolDoc, 'workflow/schema', line);
    assert.deepStrictEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [line, 0, line, 'baseComand'.length],
      'the range covers the key, not the line or the value',
    );
    assert.strictEqual(vscode.DiagnosticSeverity[diagnostic.severity], vscode.DiagnosticSeverity[vscode.DiagnosticSeverity.Error]);
    assert.ok(diagnostic.message.includes('baseCommand'), `the message names the key meant: ${diagnostic.message}`);
    // Nothing else in this valid-but-for-one-key tool is reported.
    const others = vscode.languages.getDiagnostics(toolDoc.uri).filter((d) => d !== diagnostic && d.source === diagnostic.source);
    assert.deepStrictEqual(others.map((d) => d.message), []);
  });

  test('CWL: hover on a requirement field shows the description from our schema', async () => {
    const document = toolDoc ?? (await openWorkspaceFile('workflow/sort-bam.cwl'));
    await waitForActivation();
    const description = cwlSchemaDescription('ResourceRequirement', 'ramMin');
    const position = markedPosition(document, 'ram|Min: 8000');
    let last = '';
    const text = await waitFor(
      'a hover on ramMin',
      async () => {
        last = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? []);
        return last.includes(description) ? last : undefined;
      },
      () => JSON.stringify(last),
    );
    assert.ok(text.includes('ramMin'), `the hover names the key: ${text}`);
  });

  test('CWL: completion on a new line of a step offers its keys, the missing required `out` first', async () => {
    stepDoc = await openWorkspaceFile('workflow/align.cwl');
    const inLine = lineNumberOf(stepDoc, 'in: {bam: reads}');
    await diagnosticOn(stepDoc, 'workflow/schema', lineNumberOf(stepDoc, 'sort:'));
    // The user starts a new key in the step: a new line at the step's indentation.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(stepDoc.uri, stepDoc.lineAt(inLine).range.end, '\n    ');
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true, 'applyEdit refused the edit');
    const position = stepDoc.lineAt(inLine + 1).range.end;
    assert.strictEqual(position.character, 4);
    let last: string[] = [];
    const labels = await waitFor(
      'step keys from the language server',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', stepDoc!.uri, position);
        last = inWidgetOrder(list?.items ?? []);
        return last.includes('out') && last.includes('scatter') ? last : undefined;
      },
      () => `${last.length} items: ${last.slice(0, 30).join(', ')}`,
    );
    assert.strictEqual(labels[0], 'out', `the required key comes first: ${labels.join(', ')}`);
    for (const present of ['run', 'in']) assert.ok(!labels.includes(present), `"${present}" is already written: ${labels.join(', ')}`);
    for (const root of ['cwlVersion', 'steps']) assert.ok(!labels.includes(root), `"${root}" belongs to the document, not the step: ${labels.join(', ')}`);
  });

  test('CWL: the did-you-mean fix, applied through the editor, renames the key and clears the error', async () => {
    const document = toolDoc ?? (await openWorkspaceFile('workflow/sort-bam.cwl'));
    toolDoc = document;
    const line = lineNumberOf(document, 'baseComand: [samtools, sort]');
    const diagnostic = await diagnosticOn(document, 'workflow/schema', line);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, RESOLVE_COUNT,
    );
    // A `Command` has `command: string`; a `CodeAction` has `command?: Command`.
    const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    const fix = codeActions.find((a) => a.kind?.value.startsWith('quickfix') && a.title.includes('baseCommand'));
    assert.ok(fix?.edit, `no fix to baseCommand; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the edit');
    assert.strictEqual(document.lineAt(line).text, 'baseCommand: [samtools, sort]');
    await waitFor(
      'the schema error to go away',
      () => (vscode.languages.getDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'workflow/schema') ? undefined : true),
      () => describeDiagnostics(document.uri),
    );
  });

  test('Snakemake: a profile under profiles/slurm/ is checked (an option spelt with `_`)', async () => {
    const document = await openWorkspaceFile('workflow/profiles/slurm/config.yaml');
    const line = lineNumberOf(document, 'latency_wait: 60');
    const diagnostic = await diagnosticOn(document, 'workflow/schema', line);
    assert.strictEqual(diagnostic.range.end.character, 'latency_wait'.length, 'the range covers the key');
    assert.strictEqual(vscode.DiagnosticSeverity[diagnostic.severity], vscode.DiagnosticSeverity[vscode.DiagnosticSeverity.Warning]);
    const fixes = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, RESOLVE_COUNT,
    );
    const titles = (fixes ?? []).map((a) => a.title);
    assert.ok(titles.some((t) => t.includes('latency-wait')), `a fix to latency-wait is offered: ${JSON.stringify(titles)}`);
  });

  test('Snakemake: slurm_extra setting the job name is reported at `--job-name` inside the string', async () => {
    const document = await openWorkspaceFile('workflow/profiles/slurm/config.yaml');
    const line = lineNumberOf(document, 'slurm_extra: "--job-name=sort --mail-type=FAIL"');
    const diagnostic = await diagnosticOn(document, 'workflow/snakemake-resources', line);
    assert.strictEqual(document.getText(diagnostic.range), '--job-name');
    assert.ok(diagnostic.message.includes('sets `--job-name` itself'), diagnostic.message);
  });
});
