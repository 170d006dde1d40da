/**
 * QueueError: every failure of the queue model, with a kind the view can act on and a hint in
 * words that says what to do.
 */
import type { QueueErrorKind } from './types';

/** A failure of a Slurm command or of the connection to the cluster. */
export class QueueError extends Error {
  readonly kind: QueueErrorKind;
  /** What the user can do about it, in a sentence. */
  readonly hint: string;
  /** The command's own words (stderr), when there are any. */
  readonly detail?: string;

  constructor(kind: QueueErrorKind, message: string, hint: string, detail?: string) {
    super(message);
    this.name = 'QueueError';
    this.kind = kind;
    this.hint = hint;
    this.detail = detail;
  }
}

/** True when a value is a QueueError (also across module copies: checks the shape). */
export function isQueueError(value: unknown): value is QueueError {
  return value instanceof QueueError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QueueError' &&
      typeof (value as { kind?: unknown }).kind === 'string');
}
