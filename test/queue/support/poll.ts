/**
 * Waiting for the real cluster without fixed sleeps: ask again until the answer is the wanted
 * one or a deadline passes (then fail with the last answer).
 */

/** Pause between two questions (not an assertion about time). */
const POLL_EVERY_MS = 250;

/**
 * Calls `read` until `done(value)` holds; resolves with that value. Rejects after `deadlineMs`
 * with `what` and the last value, or at once when `read` rejects.
 */
export async function pollUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}; last answer: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, POLL_EVERY_MS));
  }
}
