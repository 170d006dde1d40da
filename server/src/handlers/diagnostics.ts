import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JobScriptAnalysis } from '../analyze';
import type { DocumentAnalyses } from './analyses';
import { BurstQueue } from './burstQueue';
import { toDiagnostic } from './convert';

/**
 * The pause in typing, in ms, before the complete (shell) step of a changed document: long enough
 * to span keystrokes, short enough to feel immediate. A newly opened document gets it at once.
 */
const COMPLETE_STEP_DELAY_MS = 250;

/**
 * Publishes diagnostics for changed documents, in two steps per version: at once the findings of
 * the directives (milliseconds), then, after pending input has been read (setImmediate), the
 * complete findings including the rules that read the shell body (after a pause in typing, so that a
 * burst of keystrokes costs one complete step, not one per keystroke).
 * Changes are coalesced: a burst queues each document once, and a stale step is skipped.
 */
export class DiagnosticsPublisher {
  private queue = new BurstQueue((uri) => {
    const doc = this.documents.get(uri);
    if (doc) this.publishNow(doc);
  });
  /** Per document: the version published and whether that publication was complete. */
  private published = new Map<string, { version: number; complete: boolean }>();
  private completeTimers = new Map<string, NodeJS.Timeout>();
  /** The version each document had when it was opened (its complete step is not delayed). */
  private openedVersion = new Map<string, number>();

  constructor(
    private connection: Connection,
    private documents: TextDocuments<TextDocument>,
    private analyses: DocumentAnalyses,
    /** Documents another publisher answers for (workflow files): never published here. */
    private skip: (doc: TextDocument) => boolean = () => false,
  ) {}

  private send(doc: TextDocument, analysis: JobScriptAnalysis | undefined, complete: boolean): void {
    this.published.set(doc.uri, { version: doc.version, complete });
    const diagnostics = analysis ? analysis.findings.map(toDiagnostic) : [];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** Called when a document opens: its first complete step comes without waiting. */
  opened(doc: TextDocument): void {
    this.openedVersion.set(doc.uri, doc.version);
    this.publishNow(doc);
  }

  /** Publishes the newest version of a document now (quick step), queueing the complete step. */
  publishNow(doc: TextDocument): void {
    if (this.skip(doc)) return;
    const seen = this.published.get(doc.uri);
    if (seen?.version === doc.version && seen.complete) return;
    if (!this.analyses.readsShell || this.analyses.hasComplete(doc)) {
      this.send(doc, this.analyses.get(doc), true);
      return;
    }
    if (seen?.version !== doc.version) this.send(doc, this.analyses.quick(doc), false);
    this.scheduleComplete(doc);
  }

  /** Queues the complete step of the document's current version (restarting the wait for long ones). */
  private scheduleComplete(doc: TextDocument): void {
    const uri = doc.uri;
    clearTimeout(this.completeTimers.get(uri));
    const delay = doc.version === this.openedVersion.get(uri) ? 0 : COMPLETE_STEP_DELAY_MS;
    this.completeTimers.set(uri, setTimeout(() => {
      this.completeTimers.delete(uri);
      const current = this.documents.get(uri);
      const seen = this.published.get(uri);
      if (current && seen?.version === current.version && !seen.complete) this.send(current, this.analyses.get(current), true);
    }, delay));
  }

  /** Queues a document for publishing after the current input is handled. */
  schedule(uri: string): void {
    this.queue.add(uri);
  }

  /** Publishes every open document again (after a settings change or once the shell parser is ready). */
  publishAll(): void {
    this.published.clear();
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.queue.delete(uri);
    this.published.delete(uri);
    clearTimeout(this.completeTimers.get(uri));
    this.completeTimers.delete(uri);
    this.openedVersion.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
