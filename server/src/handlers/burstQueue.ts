/**
 * Coalesces work per document URI: `add` during a burst of notifications queues each URI once, and
 * `run` is called for each after the input already received has been read (setImmediate), so a
 * burst of keystrokes costs one analysis per document, not one per keystroke.
 */
export class BurstQueue {
  private pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly run: (uri: string) => void) {}

  add(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) this.run(u);
    });
  }

  /** Forgets a queued URI (its document closed). */
  delete(uri: string): void {
    this.pending.delete(uri);
  }
}
