// The language server's diagnostics reach the editor with the rule id, source and severity.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, describeDiagnostics, diagnosticCode, lineNumberOf, openWorkspaceFile, waitFor } from './helpers';

interface ExpectedDiagnostic {
  /** The directive line (trimmed) the diagnostic must sit on. */
  line: string;
  code: string;
  /** Checked only where the rule's severity is part of the contract. */
  severity?: vscode.DiagnosticSeverity;
}

const expectedInDiagnosticsFile: ExpectedDiagnostic[] = [
  { line: '#SBATCH --bogus', code: 'slurm/unknown-option' },
  { line: '#SBATCH --time=abc', code: 'slurm/invalid-value', severity: vscode.DiagnosticSeverity.Error },
];

suite('diagnostics', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    document = await openWorkspaceFile('diagnostics.sbatch');
  });

  for (const expected of expectedInDiagnosticsFile) {
    test(`${expected.line} -> ${expected.code}`, async () => {
      const lineNumber = lineNumberOf(document, expected.line);
      const diagnostic = await waitFor(
        `${expected.code} on line ${lineNumber + 1}`,
        () =>
          vscode.languages
            .getDiagnostics(document.uri)
            .find((d) => d.range.start.line === lineNumber && diagnosticCode(d) === expected.code),
        () => describeDiagnostics(document.uri),
      );
      assert.strictEqual(diagnostic.source, DIAGNOSTIC_SOURCE);
      assert.ok(diagnostic.message.length > 0, 'a diagnostic needs a message');
      if (expected.severity !== undefined) {
        assert.strictEqual(vscode.DiagnosticSeverity[diagnostic.severity], vscode.DiagnosticSeverity[expected.severity]);
      }
    });
  }

  test('a valid directive gets no error', async () => {
    const invalidLine = lineNumberOf(document, '#SBATCH --time=abc');
    await waitFor('diagnostics to arrive', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.range.start.line === invalidLine) ? true : undefined,
    );
    const validLine = lineNumberOf(document, '#SBATCH --mem=4G');
    const errorsOnValidLine = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.start.line === validLine && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errorsOnValidLine.map((d) => d.message), []);
  });
});
