// Shared helpers for the editor tests that run inside a real VS Code extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';

/** The extension's id as VS Code knows it: `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'hpc-workflows.hpc-workflows';

/** The `source` every diagnostic of this extension carries. */
export const DIAGNOSTIC_SOURCE = 'hpc-workflows';

/** How long to wait for the language server before a test gives up (ms). */
export const SERVER_DEADLINE_MS = 10_000;

const POLL_INTERVAL_MS = 50;

/**
 * Calls `probe` until it returns a value other than `undefined`, or the deadline passes.
 * Used instead of fixed sleeps: returns as soon as the editor has the answer.
 * Returns the probe's value; throws (naming `what` and the last observation) on timeout.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  describeLast: () => string = () => '',
  deadlineMs: number = SERVER_DEADLINE_MS,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > deadlineMs) {
      const last = describeLast();
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${last ? `; last seen: ${last}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Returns the URI of a file in the opened test workspace (test/fixtures/e2e-workspace or its copy). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder; start the workbench with ?folder=');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in an editor (which also activates the extension) and returns its document. */
export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Returns the rule id of a diagnostic: `code` is a string/number, or `{ value, target }` when the
 * server also sent `codeDescription.href`.
 */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Returns this extension's diagnostics for a document (other linters' diagnostics are left out). */
export function ownDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** One line of text per diagnostic, for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(no diagnostics)';
  return all
    .map((d) => `${d.range.start.line + 1}: [${d.source}/${diagnosticCode(d)}/${vscode.DiagnosticSeverity[d.severity]}] ${d.message}`)
    .join(' | ');
}

/** Returns the 0-based number of the first line whose text, trimmed, equals `text`; fails the test if none. */
export function lineNumberOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.trim() === text) return line;
  }
  assert.fail(`${document.uri.path} has no line "${text}"`);
}

/**
 * Returns the position marked by `|` in `marked`, which must match the text of one line once the
 * marker is removed, e.g. `#SBATCH --ti|me=1-12:00:00` is the position between "ti" and "me".
 */
export function markedPosition(document: vscode.TextDocument, marked: string): vscode.Position {
  const column = marked.indexOf('|');
  assert.ok(column >= 0, `marker "|" missing in ${marked}`);
  const text = marked.slice(0, column) + marked.slice(column + 1);
  for (let line = 0; line < document.lineCount; line++) {
    const start = document.lineAt(line).text.indexOf(text);
    if (start >= 0) return new vscode.Position(line, start + column);
  }
  assert.fail(`${document.uri.path} has no line containing "${text}"`);
}

/** Waits until the extension is active (activation is asynchronous after a document opens). */
export async function waitForActivation(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await waitFor('extension activation', () => (extension.isActive ? true : undefined));
  return extension;
}
