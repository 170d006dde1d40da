import { CodeActionKind, DiagnosticSeverity, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionItemKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type CreateFile, type WorkspaceEdit } from 'vscode-languageserver';
import type { Completion, Finding, Fix, Severity } from '../core/types';
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

/**
 * How a fix that changes other files reaches the editor: the analysed document's version (so a
 * stale edit is refused) and a way to turn the paths the fix names into URIs. Without it (or when
 * a path cannot be turned into a URI) such a fix is not offered.
 */
export interface MultiFileTarget {
  version: number;
  uriFor(path: string): string | undefined;
}

/** The edits of a fix that also creates or edits other files, as ordered document changes. */
function multiFileEdit(uri: string, fix: Fix, target: MultiFileTarget): WorkspaceEdit | undefined {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  if (fix.edits.length > 0) changes.push({ textDocument: { uri, version: target.version }, edits: fix.edits });
  for (const change of fix.files ?? []) {
    const other = target.uriFor(change.path);
    if (!other) return undefined;
    if (change.kind === 'create') {
      changes.push({ kind: 'create', uri: other, options: { overwrite: false, ignoreIfExists: false } });
      changes.push({ textDocument: { uri: other, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }] });
    } else {
      changes.push({ textDocument: { uri: other, version: null }, edits: change.edits });
    }
  }
  return { documentChanges: changes };
}

/**
 * A fix as an LSP code action for one document, or undefined when it changes other files and the
 * client cannot take such an edit (`target` missing or a path without a URI).
 */
export function toCodeAction(uri: string, fix: Fix, diagnostics: Diagnostic[], kind: string = CodeActionKind.QuickFix, target?: MultiFileTarget): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind, diagnostics, isPreferred: fix.isPreferred };
  if (fix.files && fix.files.length > 0) {
    const edit = target && multiFileEdit(uri, fix, target);
    if (!edit) return undefined;
    action.edit = edit;
  } else if (fix.edits.length > 0) {
    const edit: WorkspaceEdit = { changes: { [uri]: fix.edits } };
    action.edit = edit;
  }
  if (fix.editorAction === 'set-eol-lf') action.command = { title: fix.title, command: SET_EOL_LF_COMMAND, arguments: [uri] };
  return action;
}

/** A completion entry as an LSP completion item that replaces `range` with its text. */
export function toCompletionItem(e: Completion, kind: CompletionItemKind): CompletionItem {
  return {
    label: e.label,
    kind,
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: e.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: e.sortText,
    filterText: e.filterText ?? e.label,
  };
}
