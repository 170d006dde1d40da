// An open document as the benchmark's client sees it: text, version, and how edits are sent.

import { applyEdit } from './generate.mjs';

/** One text document opened in one server. */
export class OpenDocument {
  constructor(client, uri, text) {
    this.client = client;
    this.uri = uri;
    this.text = text;
    this.version = 1;
  }

  /**
   * Sends didOpen and returns `{ sentAt, diagnostics }`, where `diagnostics` resolves at the
   * first publishDiagnostics for this uri.
   */
  open(timeoutMs) {
    const diagnostics = this.client.nextDiagnostics(this.uri, () => true, timeoutMs);
    diagnostics.catch(() => {});
    const sentAt = this.client.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: 'shellscript', version: this.version, text: this.text },
    });
    return { sentAt, diagnostics };
  }

  /**
   * Replaces `range` with `newText`, bumps the version and sends didChange (incremental when
   * the server asked for it, else the full text). Returns `{ sentAt, version, diagnostics }`,
   * where `diagnostics` resolves at the first publishDiagnostics for the new version (or the
   * first unversioned one after the change, for servers that do not send versions).
   */
  change(range, newText, timeoutMs) {
    this.text = applyEdit(this.text, range, newText);
    this.version += 1;
    const version = this.version;
    const contentChanges = this.client.wantsIncrementalSync ? [{ range, text: newText }] : [{ text: this.text }];
    const diagnostics = this.client.nextDiagnostics(
      this.uri,
      (params) => params.version === version || params.version === undefined || params.version === null,
      timeoutMs,
    );
    // A wait nobody ends up awaiting must not crash the process when it times out.
    diagnostics.catch(() => {});
    const sentAt = this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges,
    });
    return { sentAt, version, diagnostics };
  }

  /** Sends didClose. */
  close() {
    this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  /** Sends a hover request at `position`; resolves `{ ms, result }`. */
  hover(position, timeoutMs) {
    return this.client.request('textDocument/hover', { textDocument: { uri: this.uri }, position }, timeoutMs);
  }

  /** Sends a completion request at `position` as if `-` was just typed; resolves `{ ms, result }`. */
  complete(position, timeoutMs) {
    return this.client.request(
      'textDocument/completion',
      { textDocument: { uri: this.uri }, position, context: { triggerKind: 2, triggerCharacter: '-' } },
      timeoutMs,
    );
  }
}
