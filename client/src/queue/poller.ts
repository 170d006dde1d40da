/**
 * Poller: runs a refresh on an interval, backs off after failures, pauses while the view is
 * hidden and coalesces on-demand refreshes. Pure timer logic: the timer functions are injected.
 */
import type { ClearTimer, PollerOptions, SetTimer } from './types';

/** Schedules refreshes; see {@link PollerOptions}. Never runs two ticks at the same time. */
export class Poller {
  private intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly tick: () => Promise<void>;
  private readonly setTimer: SetTimer;
  private readonly clearTimer: ClearTimer;
  private readonly onError?: (error: unknown, nextDelayMs: number) => void;
  private timer: unknown = undefined;
  private started = false;
  private paused = false;
  private disposed = false;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private failureCount = 0;

  constructor(opts: PollerOptions) {
    this.intervalMs = Math.max(1, opts.intervalMs);
    this.maxBackoffMs = Math.max(this.intervalMs, opts.maxBackoffMs);
    this.tick = opts.tick;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.onError = opts.onError;
  }

  /** Failed ticks in a row (0 after a success). */
  get failures(): number {
    return this.failureCount;
  }

  /** The delay before the next scheduled tick: the interval, or the backoff after failures. */
  get nextDelayMs(): number {
    if (this.failureCount === 0) return this.intervalMs;
    return Math.min(this.maxBackoffMs, this.intervalMs * 2 ** this.failureCount);
  }

  /** Whether ticks are scheduled (started, not paused, not disposed). */
  get active(): boolean {
    return this.started && !this.paused && !this.disposed;
  }

  /** Starts polling: one tick now, then one per interval. A second call does nothing. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    if (!this.paused) void this.refreshNow();
  }

  /** Stops scheduling (a tick in flight finishes but schedules nothing). */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  /** Resumes after pause(): refreshes at once (the view was hidden, its data is old). */
  resume(): void {
    if (!this.paused || this.disposed) return;
    this.paused = false;
    if (this.started) void this.refreshNow();
  }

  /** Changes the interval; takes effect from the next scheduling. */
  setIntervalMs(ms: number): void {
    this.intervalMs = Math.max(1, ms);
    if (this.active && !this.running) this.schedule();
  }

  /**
   * Runs a tick now. When one is running, one more is queued after it and every caller during
   * that time shares it (at most one running and one queued). Resolves when the tick that
   * serves this call has finished; never rejects (failures go to onError and the backoff).
   */
  refreshNow(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (!this.running) {
      this.running = this.runOnce();
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running.then(() => {
        this.queued = undefined;
        if (this.disposed) return;
        this.running = this.runOnce();
        return this.running;
      });
    }
    return this.queued;
  }

  /** Stops for good. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private async runOnce(): Promise<void> {
    this.cancelTimer();
    try {
      await this.tick();
      this.failureCount = 0;
    } catch (error) {
      this.failureCount++;
      try {
        this.onError?.(error, this.nextDelayMs);
      } catch {
        // a broken listener must not stop the polling
      }
    } finally {
      this.running = undefined;
      if (this.active && !this.queued) this.schedule();
    }
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      if (this.active) void this.refreshNow();
    }, this.nextDelayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
  }
}
