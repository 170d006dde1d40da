import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineRange, type Finding, type Fix } from '../core/types';
import { workflowCompletionsAt } from '../workflow/features/completion';
import { workflowHoverAt } from '../workflow/features/hover';
import { BurstQueue } from './burstQueue';
import { toCodeAction, toCompletionItem, toDiagnostic } from './convert';
import { isWorkflowDocument, WorkflowAnalyses } from './workflowAnalyses';

/** Schema-like files whose change can change other documents' analyses. */
const SCHEMA_FILE = /(nextflow_schema\.json|\.schema\.(json|ya?ml)|Snakefile)$/i;

/** A fix that turns the finding's rule off for its line with a YAML comment above it. */
function suppressLine(f: Finding, lines: readonly string[]): Fix {
  const line = f.range.start.line;
  const indent = /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
  return { title: `Turn off ${f.code} for this line`, edits: [{ range: lineRange(line, 0, 0), newText: `${indent}# hpc-disable-next-line ${f.code}\n` }], safe: false };
}

/**
 * The LSP edge for workflow files (YAML, JSON, CWL): diagnostics published once per document
 * version (changes are coalesced: a burst of keystrokes is analysed once, after pending input),
 * hover, completion and quick fixes, all from one cached analysis per version.
 */
export class WorkflowHandlers {
  private pending = new BurstQueue((uri) => {
    const current = this.documents.get(uri);
    if (current) this.publish(current);
  });
  private published = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    readonly analyses: WorkflowAnalyses,
  ) {}

  /** True when the document is one the workflow side answers for. */
  owns(doc: TextDocument | undefined): boolean {
    return doc !== undefined && isWorkflowDocument(doc);
  }

  /** True when the URI's document is open and a workflow document. */
  ownsUri(uri: string): boolean {
    return this.owns(this.documents.get(uri));
  }

  private publish(doc: TextDocument): void {
    if (this.published.get(doc.uri) === doc.version) return;
    const analysis = this.analyses.get(doc);
    // A YAML file that is no workflow file gets no diagnostics at all (unless it had some).
    if (!analysis && !this.published.has(doc.uri)) return;
    this.published.set(doc.uri, doc.version);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: analysis ? analysis.findings.map(toDiagnostic) : [] });
  }

  /** An opened document is analysed and published at once. */
  opened(doc: TextDocument): void {
    this.publish(doc);
  }

  /** A changed document is queued; a changed schema file re-publishes the others too. */
  changed(doc: TextDocument): void {
    if (SCHEMA_FILE.test(doc.uri)) {
      this.analyses.invalidate();
      this.publishAll();
      return;
    }
    this.queue(doc.uri);
  }

  /** Publishes the document after the input already received is handled (a burst costs one analysis). */
  private queue(uri: string): void {
    this.pending.add(uri);
  }

  closed(uri: string): void {
    this.pending.delete(uri);
    this.analyses.forget(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Publishes every open workflow document again (after a settings or schema change). */
  publishAll(): void {
    for (const doc of this.documents.all()) {
      if (!this.owns(doc)) continue;
      if (this.published.has(doc.uri)) this.published.set(doc.uri, -1);
      this.queue(doc.uri);
    }
  }

  hover(params: HoverParams): Hover | null {
    const doc = this.documents.get(params.textDocument.uri);
    const analysis = doc && this.analyses.get(doc);
    const h = analysis && workflowHoverAt(analysis, params.position);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  }

  completion(params: CompletionParams): CompletionItem[] {
    const doc = this.documents.get(params.textDocument.uri);
    const analysis = doc && this.analyses.get(doc);
    if (!analysis) return [];
    const kinds = { key: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, snippet: CompletionItemKind.Snippet };
    return workflowCompletionsAt(analysis, params.position).map((e) => toCompletionItem(e, kinds[e.kind]));
  }

  /** Quick fixes of the diagnostics in the request, found by code and range (never by message). */
  codeActions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const doc = this.documents.get(uri);
    const analysis = doc && this.analyses.get(doc);
    if (!analysis) return [];
    const only = params.context.only;
    if (only && !only.some((k) => k.startsWith(CodeActionKind.QuickFix))) return [];
    const same = (a: Finding['range'], b: Finding['range']) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const f = analysis.findings.find((x) => x.code === d.code && same(x.range, d.range));
      if (!f) continue;
      for (const fix of f.fixes) {
        const action = toCodeAction(uri, fix, [d]);
        if (action) actions.push(action);
      }
      if (!analysis.format.json) {
        const suppress = toCodeAction(uri, suppressLine(f, analysis.reading.lines.lines), [d]);
        if (suppress) actions.push(suppress);
      }
    }
    return actions;
  }
}
