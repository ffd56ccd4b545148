import { describe, expect, it } from 'vitest';
import type { CalendarObject } from '../../../core/export/ical-split';
import { retryDelay, startCaldavRunner, type RunnerClock } from '../../../main/services/caldav-runner';
import type { CaldavState, SyncOutcome } from '../../../main/services/caldav-sync';

/** A clock whose timers run only when the test says so. */
function manualClock(): RunnerClock & { timers: Array<{ at: number; run: () => void }>; advance(ms: number): void; time: number } {
  const clock = {
    time: 1_000_000,
    timers: [] as Array<{ at: number; run: () => void }>,
    now: () => clock.time,
    setTimeout: (run: () => void, ms: number) => {
      const timer = { at: clock.time + ms, run };
      clock.timers.push(timer);
      return timer;
    },
    clearTimeout: (handle: unknown) => {
      clock.timers = clock.timers.filter((t) => t !== handle);
    },
    advance: (ms: number) => {
      clock.time += ms;
      const due = clock.timers.filter((t) => t.at <= clock.time);
      clock.timers = clock.timers.filter((t) => t.at > clock.time);
      for (const t of due) t.run();
    },
  };
  return clock;
}

const objects = (n: number): CalendarObject[] => Array.from({ length: n }, (_, i) => ({ uid: `u${i}`, ics: `ics ${i}` }));
const ok = (objs: readonly CalendarObject[]): SyncOutcome => ({ state: { calendarUrl: 'https://dav.example/cal/', sent: {} }, events: objs.length, uploaded: objs.length, deleted: 0 });

describe('the CalDAV runner', () => {
  it('backs off 5 s, 10 s, 20 s … up to 15 minutes', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 640_000, 900_000]);
  });

  it('retries a failed round after the backoff, says why, and clears the error once in step', async () => {
    const clock = manualClock();
    const calls: number[] = [];
    let failing = 2;
    const saved: string[] = [];
    const runner = startCaldavRunner({
      clock,
      sync: (objs) => {
        calls.push(clock.now());
        if (failing-- > 0) return Promise.reject(new Error('ECONNREFUSED'));
        return Promise.resolve(ok(objs));
      },
      describe: (error) => `Could not reach dav.example (${(error as Error).message})`,
      save: (_state, status) => {
        saved.push(status.state);
        return Promise.resolve();
      },
      state: { sent: {} },
      status: { state: 'ok' },
      objects: objects(3),
    });
    await expect.poll(() => runner.status().state).toBe('error');
    expect(runner.status()).toMatchObject({ message: 'Could not reach dav.example (ECONNREFUSED)', nextRetryAt: clock.time + 5_000 });
    clock.advance(4_999);
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await expect.poll(() => calls.length).toBe(2);
    await expect.poll(() => clock.timers.length).toBe(1);
    expect(clock.timers[0]?.at).toBe(clock.time + 10_000);
    clock.advance(10_000);
    await expect.poll(() => runner.status().state).toBe('ok');
    expect(runner.status()).toMatchObject({ events: 3, lastSyncAt: clock.time, calendarUrl: 'https://dav.example/cal/' });
    expect(runner.status().message).toBeUndefined();
    expect(saved).toEqual(['error', 'error', 'ok']);
    runner.stop();
  });

  it('does nothing until an agenda is known, and runs again after a round when the agenda changed meanwhile', async () => {
    const clock = manualClock();
    const seen: number[] = [];
    let release: (() => void) | undefined;
    const runner = startCaldavRunner({
      clock,
      sync: (objs, _state: CaldavState) => {
        seen.push(objs.length);
        return new Promise((resolve) => {
          release = () => resolve(ok(objs));
        });
      },
      describe: String,
      save: () => Promise.resolve(),
      state: { sent: {} },
      status: { state: 'off' },
    });
    expect(await runner.syncNow()).toMatchObject({ state: 'off' });
    expect(seen).toEqual([]);
    runner.push(objects(1));
    runner.push(objects(2));
    runner.push(objects(3));
    const done = runner.syncNow();
    expect(seen).toEqual([1]);
    release?.();
    await expect.poll(() => seen).toEqual([1, 3]);
    release?.();
    expect(await done).toMatchObject({ state: 'ok', events: 3 });
    runner.stop();
  });
});
