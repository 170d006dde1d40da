/**
 * Pending reasons explained in our own words.
 */

/** Placeholder, completed below. */
export function explainReason(reason: string): string {
  return reason;
}
