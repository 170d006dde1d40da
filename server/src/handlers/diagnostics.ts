import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JobScriptAnalysis } from '../analyze';
import type { DocumentAnalyses } from './analyses';
import { toDiagnostic } from './convert';

/**
 * Publishes diagnostics for changed documents, in two steps per version: at once the findings of
 * the directives (milliseconds), then, after pending input has been read (setImmediate), the
 * complete findings including the rules that read the shell body. Changes are coalesced: a burst of
 * keystrokes queues each document once, and a step whose version is already stale is skipped.
 */
export class DiagnosticsPublisher {
  private pending = new Set<string>();
  private scheduled = false;
  /** Per document: the version published and whether that publication was complete. */
  private published = new Map<string, { version: number; complete: boolean }>();

  constructor(
    private connection: Connection,
    private documents: TextDocuments<TextDocument>,
    private analyses: DocumentAnalyses,
  ) {}

  private send(doc: TextDocument, analysis: JobScriptAnalysis | undefined, complete: boolean): void {
    this.published.set(doc.uri, { version: doc.version, complete });
    const diagnostics = analysis ? analysis.findings.map(toDiagnostic) : [];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** Publishes the newest version of a document now (quick step), queueing the complete step. */
  publishNow(doc: TextDocument): void {
    const seen = this.published.get(doc.uri);
    if (seen?.version === doc.version && seen.complete) return;
    if (!this.analyses.readsShell || this.analyses.hasComplete(doc)) {
      this.send(doc, this.analyses.get(doc), true);
      return;
    }
    if (seen?.version !== doc.version) this.send(doc, this.analyses.quick(doc), false);
    this.schedule(doc.uri);
  }

  /** Queues a document for publishing after the current input is handled. */
  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) {
        const doc = this.documents.get(u);
        if (!doc) continue;
        const seen = this.published.get(u);
        // A version whose quick step is out: finish it. A newer version: start with its quick step.
        if (seen?.version === doc.version && !seen.complete) this.send(doc, this.analyses.get(doc), true);
        else this.publishNow(doc);
      }
    });
  }

  /** Publishes every open document again (after a settings change or once the shell parser is ready). */
  publishAll(): void {
    this.published.clear();
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
