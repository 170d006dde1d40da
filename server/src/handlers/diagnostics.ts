import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalyses } from './analyses';
import { toDiagnostic } from './convert';

/**
 * Publishes diagnostics for changed documents. Changes are coalesced: a burst of keystrokes
 * queues each document once, and only its newest version is analysed, after pending input has
 * been read (setImmediate), so typing is never blocked behind stale work.
 */
export class DiagnosticsPublisher {
  private pending = new Set<string>();
  private scheduled = false;
  private published = new Map<string, number>();

  constructor(
    private connection: Connection,
    private documents: TextDocuments<TextDocument>,
    private analyses: DocumentAnalyses,
  ) {}

  /** Publishes at once (used when a document opens). */
  publishNow(doc: TextDocument): void {
    if (this.published.get(doc.uri) === doc.version) return;
    this.published.set(doc.uri, doc.version);
    const analysis = this.analyses.get(doc);
    const diagnostics = analysis ? analysis.findings.map(toDiagnostic) : [];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
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
        if (doc) this.publishNow(doc);
      }
    });
  }

  /** Publishes every open document again (after a settings change). */
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
