import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeJobScript, type JobScriptAnalysis } from '../analyze';
import { shellDocumentKind } from '../core/jobScriptDetection';
import type { AnalysisSettings } from '../rules/types';
import type { ShellParser } from '../shell/model';

type Entry = { version: number; generation: number; analysis: JobScriptAnalysis | undefined };

/**
 * Analyses per open document, computed once per document version and settings generation and
 * shared by diagnostics, hover, completion and code actions. Two depths: `quick` reads the
 * directives only (milliseconds even for huge scripts; enough for hover and completion), `get`
 * also reads the shell body with tree-sitter for the rules that need it.
 */
export class DocumentAnalyses {
  private cache = new Map<string, Entry>();
  private quickCache = new Map<string, Entry>();
  private generation = 0;
  private shell: ShellParser | undefined;

  constructor(private settings: AnalysisSettings) {}

  /**
   * Hands over the shell parser once it has loaded (the server loads it asynchronously at
   * startup); every cached analysis is recomputed on next use, now with a shell model.
   */
  setShellParser(shell: ShellParser): void {
    this.shell = shell;
    this.generation++;
  }

  get currentSettings(): AnalysisSettings {
    return this.settings;
  }

  /** Replaces the settings; every cached analysis is recomputed on next use. */
  updateSettings(settings: AnalysisSettings): void {
    this.settings = settings;
    this.generation++;
  }

  /** True when a shell parser is loaded, so `get` finds more than `quick`. */
  get readsShell(): boolean {
    return this.shell !== undefined;
  }

  private cached(cache: Map<string, Entry>, doc: TextDocument): Entry | undefined {
    const hit = cache.get(doc.uri);
    return hit && hit.version === doc.version && hit.generation === this.generation ? hit : undefined;
  }

  private compute(cache: Map<string, Entry>, doc: TextDocument, shell: ShellParser | undefined): JobScriptAnalysis | undefined {
    const text = doc.getText();
    const kind = shellDocumentKind(doc.uri, text);
    const analysis = kind ? analyzeJobScript(text, this.settings, shell, kind) : undefined;
    cache.set(doc.uri, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  /** The complete analysis of a document (shell rules included), or undefined when it is neither a job script nor a submit script. */
  get(doc: TextDocument): JobScriptAnalysis | undefined {
    return (this.cached(this.cache, doc) ?? { analysis: this.compute(this.cache, doc, this.shell) }).analysis;
  }

  /** True when the complete analysis of this version is already computed. */
  hasComplete(doc: TextDocument): boolean {
    return this.cached(this.cache, doc) !== undefined;
  }

  /**
   * The analysis without the shell body (the complete one when it is already there). Used for the
   * first diagnostics of a version, for hover and for completion.
   */
  quick(doc: TextDocument): JobScriptAnalysis | undefined {
    const full = this.cached(this.cache, doc);
    if (full) return full.analysis;
    if (!this.shell) return this.get(doc);
    return (this.cached(this.quickCache, doc) ?? { analysis: this.compute(this.quickCache, doc, undefined) }).analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.quickCache.delete(uri);
  }
}
