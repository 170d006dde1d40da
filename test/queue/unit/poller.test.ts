/**
 * Poller with fake timers: interval, exponential backoff up to the maximum, pause/resume,
 * refreshNow coalescing. No real time passes.
 */
import * as assert from 'assert';
import { Poller } from '../../../client/src/queue/poller';

/** Fake timers: a list of pending callbacks the test fires by hand. */
class FakeClock {
  next = 1;
  timers = new Map<number, { fn: () => void; ms: number }>();
  setTimer = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { fn, ms });
    return id;
  };
  clearTimer = (h: unknown): void => void this.timers.delete(h as number);
  /** The delays of the pending timers. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.ms);
  }
  /** Fires the single pending timer (asserts there is exactly one). */
  fire(): void {
    assert.strictEqual(this.timers.size, 1, `one timer pending, have ${this.pending().join(',')}`);
    const [id, t] = [...this.timers.entries()][0];
    this.timers.delete(id);
    t.fn();
  }
}

/** Lets promise callbacks run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('queue/Poller', () => {
  it('ticks at start, then every interval', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 60000, tick: async () => void ticks++, ...clock });
    p.start();
    await settle();
    assert.strictEqual(ticks, 1);
    assert.deepStrictEqual(clock.pending(), [1000]);
    clock.fire();
    await settle();
    assert.strictEqual(ticks, 2);
    assert.deepStrictEqual(clock.pending(), [1000]);
    p.dispose();
    assert.deepStrictEqual(clock.pending(), []);
  });

  it('backs off exponentially on failure up to the maximum, and recovers', async () => {
    const clock = new FakeClock();
    let fail = true;
    const errors: number[] = [];
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 5000, tick: async () => { if (fail) throw new Error('down'); }, onError: (_e, next) => errors.push(next), ...clock });
    p.start();
    await settle();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push(clock.pending()[0]);
      clock.fire();
      await settle();
    }
    assert.deepStrictEqual(delays, [2000, 4000, 5000, 5000]);
    assert.deepStrictEqual(errors, [2000, 4000, 5000, 5000, 5000]);
    assert.strictEqual(p.failures, 5);
    fail = false;
    clock.fire();
    await settle();
    assert.strictEqual(p.failures, 0);
    assert.deepStrictEqual(clock.pending(), [1000]);
  });

  it('pause stops scheduling; resume refreshes at once', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 8000, tick: async () => void ticks++, ...clock });
    p.start();
    await settle();
    p.pause();
    assert.deepStrictEqual(clock.pending(), []);
    assert.strictEqual(p.active, false);
    p.resume();
    await settle();
    assert.strictEqual(ticks, 2);
    assert.deepStrictEqual(clock.pending(), [1000]);
  });

  it('refreshNow while a tick runs queues ONE more tick, shared by all callers', async () => {
    const clock = new FakeClock();
    const releases: (() => void)[] = [];
    let started = 0;
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 8000, tick: () => new Promise<void>((r) => { started++; releases.push(r); }), ...clock });
    p.start();
    await settle();
    assert.strictEqual(started, 1);
    const a = p.refreshNow();
    const b = p.refreshNow();
    const c = p.refreshNow();
    assert.strictEqual(a, b);
    assert.strictEqual(b, c);
    releases[0]();
    await settle();
    assert.strictEqual(started, 2, 'one queued tick ran after the first');
    assert.deepStrictEqual(clock.pending(), [], 'nothing scheduled while a tick runs');
    releases[1]();
    await a;
    assert.strictEqual(started, 2);
    assert.deepStrictEqual(clock.pending(), [1000]);
  });

  it('a paused poller still refreshes on demand, but schedules nothing', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 8000, tick: async () => void ticks++, ...clock });
    p.start();
    await settle();
    p.pause();
    await p.refreshNow();
    assert.strictEqual(ticks, 2);
    assert.deepStrictEqual(clock.pending(), []);
  });

  it('setIntervalMs reschedules with the new interval; dispose makes refreshNow a no-op', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const p = new Poller({ intervalMs: 1000, maxBackoffMs: 8000, tick: async () => void ticks++, ...clock });
    p.start();
    await settle();
    p.setIntervalMs(3000);
    assert.deepStrictEqual(clock.pending(), [3000]);
    p.dispose();
    await p.refreshNow();
    assert.strictEqual(ticks, 1);
  });
});
