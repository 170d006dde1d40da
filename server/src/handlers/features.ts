import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Hover,
  type HoverParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chooseSafeFixes } from '../core/fixAll';
import { completeAt } from '../features/completion';
import { hoverAt } from '../features/hover';
import { suppressionFix } from '../features/suppressFix';
import type { DocumentAnalyses } from './analyses';
import { toCodeAction, toCompletionItem, toDiagnostic, type MultiFileTarget } from './convert';
import { diskFileReader, documentFolder, fileUriFor } from './fileReader';
import { ruleById } from '../rules';
import type { Finding, Fix } from '../core/types';
import type { JobScriptAnalysis } from '../analyze';
import type { AnalysisSettings } from '../rules/types';

/** The code-action kind of "fix all safe problems" in a job script. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hpc-workflows`;

/**
 * The fixes of a rule that need other files' text (e.g. the job script a submit loop submits),
 * read from disk next to the document. Only for `file:` documents; a rule that throws gives none.
 */
function fixesWithFiles(uri: string, analysis: JobScriptAnalysis, settings: AnalysisSettings, finding: Finding): Fix[] {
  const rule = ruleById(finding.code);
  const folder = documentFolder(uri);
  if (!rule?.fixesWithFiles || !folder) return [];
  try {
    return rule.fixesWithFiles({ script: analysis.script, settings, kind: analysis.kind, shell: analysis.shell }, finding, diskFileReader(folder));
  } catch {
    return [];
  }
}

/** What the client said it can do with workspace edits (LSP `workspace.workspaceEdit`). */
export interface EditCapabilities {
  /** True when the client takes `documentChanges` with `create` operations (VS Code does). */
  createFiles: boolean;
}

/** Thin LSP handlers: document + position in, service call, LSP result out. */
export function createFeatureHandlers(documents: TextDocuments<TextDocument>, analyses: DocumentAnalyses, editCapabilities: () => EditCapabilities = () => ({ createFiles: false })) {
  return {
    hover(params: HoverParams): Hover | null {
      const doc = documents.get(params.textDocument.uri);
      const analysis = doc && analyses.quick(doc);
      if (!analysis) return null;
      const h = hoverAt(analysis, params.position, analyses.currentSettings);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    },

    completion(params: CompletionParams): CompletionItem[] {
      const doc = documents.get(params.textDocument.uri);
      const analysis = doc && analyses.quick(doc);
      if (!doc || !analysis) return [];
      const kinds = { option: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, directive: CompletionItemKind.Keyword, snippet: CompletionItemKind.Snippet };
      return completeAt(analysis, doc.getText(), params.position, analyses.currentSettings).map((e) => toCompletionItem(e, kinds[e.kind]));
    },

    codeActions(params: CodeActionParams): CodeAction[] {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      const analysis = doc && analyses.get(doc);
      if (!analysis) return [];
      const only = params.context.only;
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
      const actions: CodeAction[] = [];
      if (!only || only.some((k) => k.startsWith(CodeActionKind.QuickFix))) {
        // Fixes are found by the diagnostic's code and range, never by its message.
        for (const d of params.context.diagnostics) {
          const code = typeof d.code === 'string' ? d.code : undefined;
          const f = analysis.findings.find(
            (x) => x.code === code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character && x.range.end.line === d.range.end.line && x.range.end.character === d.range.end.character,
          );
          if (!f) continue;
          const folder = documentFolder(uri);
          const target: MultiFileTarget | undefined = folder && editCapabilities().createFiles ? { version: doc.version, uriFor: (p) => fileUriFor(folder, p) } : undefined;
          const fixes = target ? [...f.fixes, ...fixesWithFiles(uri, analysis, analyses.currentSettings, f)] : f.fixes;
          for (const fix of fixes) {
            const action = toCodeAction(uri, fix, [d], undefined, target);
            if (action) actions.push(action);
          }
          const suppress = toCodeAction(uri, suppressionFix(f, analysis.script.lines.lines), [d]);
          if (suppress) actions.push(suppress);
        }
      }
      if (wantsFixAll || !only) {
        const fixes = chooseSafeFixes(analysis.findings).filter((f) => f.edits.length > 0);
        if (fixes.length > 0) {
          actions.push({
            title: `Fix all safe job-script problems (${fixes.length})`,
            kind: FIX_ALL_KIND,
            edit: { changes: { [uri]: fixes.flatMap((f) => f.edits) } },
            diagnostics: analysis.findings.filter((f) => f.fixes.some((x) => fixes.includes(x))).map(toDiagnostic),
          });
        }
      }
      return actions;
    },
  };
}
