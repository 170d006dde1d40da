import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeJobScript, type JobScriptAnalysis } from '../analyze';
import { looksLikeJobScript } from '../core/jobScriptDetection';
import type { AnalysisSettings } from '../rules/types';
import type { ShellParser } from '../shell/model';

/**
 * Analyses per open document, computed once per document version and settings generation and
 * shared by diagnostics, hover, completion and code actions.
 */
export class DocumentAnalyses {
  private cache = new Map<string, { version: number; generation: number; analysis: JobScriptAnalysis | undefined }>();
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

  /** The analysis of a document, or undefined when it is not a job script. */
  get(doc: TextDocument): JobScriptAnalysis | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.analysis;
    const text = doc.getText();
    const analysis = looksLikeJobScript(doc.uri, text) ? analyzeJobScript(text, this.settings, this.shell) : undefined;
    this.cache.set(doc.uri, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
