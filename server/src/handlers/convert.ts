import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../core/types';
import { ruleDocsUrl } from '../rules';

export const SOURCE = 'hpc-workflows';
/** The command the VS Code client registers for fixes that text edits cannot express. */
export const SET_EOL_LF_COMMAND = 'hpcWorkflows.setEndOfLineLF';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic: code, source, docs link, and data naming the finding. */
export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocsUrl(f.code) },
    source: SOURCE,
    message: f.message,
    data: { code: f.code, ...(f.data ?? {}) },
  };
}

/** A fix as an LSP code action for one document. */
export function toCodeAction(uri: string, fix: Fix, diagnostics: Diagnostic[], kind: string = CodeActionKind.QuickFix): CodeAction {
  const action: CodeAction = { title: fix.title, kind, diagnostics, isPreferred: fix.isPreferred };
  if (fix.edits.length > 0) {
    const edit: WorkspaceEdit = { changes: { [uri]: fix.edits } };
    action.edit = edit;
  }
  if (fix.editorAction === 'set-eol-lf') action.command = { title: fix.title, command: SET_EOL_LF_COMMAND, arguments: [uri] };
  return action;
}
