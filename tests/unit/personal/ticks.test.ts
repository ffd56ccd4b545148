import { describe, expect, it } from 'vitest';
import { SLEEP_GAP_MS, TICK_MS } from '../../../core/personal/reminders';
import { serialTicks } from '../../../core/personal/ticks';

/** A tick runner whose runs end only when the test says so. */
function harness() {
  let now = 1_000_000;
  const runs: Array<{ now: number; lastAwake: number | undefined; finish: () => void }> = [];
  const request = serialTicks(
    (at, lastAwake) => new Promise<void>((resolve) => runs.push({ now: at, lastAwake, finish: resolve })),
    () => now,
  );
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  return { runs, request, settle, advance: (ms: number) => (now += ms) };
}

describe('serialTicks', () => {
  it('runs one tick at a time, and once after a slow one however many were asked for meanwhile, at the time it runs', async () => {
    const h = harness();
    h.request();
    expect(h.runs).toHaveLength(1);
    for (let i = 0; i < 10; i += 1) {
      h.advance(TICK_MS);
      h.request();
    }
    expect(h.runs).toHaveLength(1);
    h.runs[0]!.finish();
    await h.settle();
    expect(h.runs).toHaveLength(2);
    expect(h.runs[1]!.now).toBe(h.runs[0]!.now + 10 * TICK_MS);
    h.runs[1]!.finish();
    await h.settle();
    expect(h.runs).toHaveLength(2);
  });

  it('does not take a tick that waited for a slow one for a wake from sleep', async () => {
    const h = harness();
    h.request();
    // The first run takes 20 minutes while the interval keeps asking every 15 s: the machine was awake.
    for (let i = 0; i < 80; i += 1) {
      h.advance(TICK_MS);
      h.request();
    }
    h.runs[0]!.finish();
    await h.settle();
    const waited = h.runs[1]!;
    expect(waited.now - waited.lastAwake!).toBeLessThanOrEqual(TICK_MS);
  });

  it('hands the start of a sleep-length gap to the next tick, even when that tick had to wait', async () => {
    const h = harness();
    h.request();
    h.runs[0]!.finish();
    await h.settle();
    h.advance(TICK_MS);
    h.request();
    const beforeSleep = h.runs[1]!.now;
    // Asleep for an hour while that tick was still running; woken, two requests arrive.
    h.advance(60 * 60_000);
    h.request();
    h.advance(1_000);
    h.request();
    h.runs[1]!.finish();
    await h.settle();
    const afterWake = h.runs[2]!;
    expect(afterWake.lastAwake).toBe(beforeSleep);
    expect(afterWake.now - afterWake.lastAwake!).toBeGreaterThan(SLEEP_GAP_MS);
    afterWake.finish();
    await h.settle();
    // The gap is told once: the next tick is an ordinary one.
    h.advance(TICK_MS);
    h.request();
    expect(h.runs[3]!.now - h.runs[3]!.lastAwake!).toBe(TICK_MS);
  });

  it('keeps running ticks after one fails', async () => {
    let calls = 0;
    const request = serialTicks(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('disk')) : Promise.resolve();
    }, () => 0);
    request();
    await new Promise((resolve) => setTimeout(resolve, 0));
    request();
    expect(calls).toBe(2);
  });
});
