import { describe, expect, it } from 'vitest';
import type { AgendaEntry } from '../../../core/personal/model';
import {
  decideDue, LATE_LIMIT_MS, planReminders, reconcileReminders, SLEEP_GAP_MS, startsIn, TICK_MS, type ReminderRecord, type SessionTimes,
} from '../../../core/personal/reminders';

const MIN = 60_000;
const T0 = Date.parse('2023-02-03T08:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function entry(sessionId: string, extra: Partial<AgendaEntry> = {}): AgendaEntry {
  return { conferenceId: 'c', sessionId, identity: { id: sessionId, title: sessionId, speakers: [], day: '2023-02-03', start: iso(T0) }, star: 'going', updatedAt: 0, ...extra };
}
const sessions = (pairs: Record<string, number>, cancelled: string[] = []): Map<string, SessionTimes> =>
  new Map(Object.entries(pairs).map(([id, start]) => [id, { start: iso(start), cancelled: cancelled.includes(id) }]));

/** A tiny in-memory store driven like the Dexie one: reconcile, then claim due reminders tick by tick. */
class Store {
  records = new Map<string, ReminderRecord>();
  shown: string[] = [];
  missed: string[][] = [];
  private lastTick: number | undefined;
  replan(desired: ReturnType<typeof planReminders>, now: number): void {
    const { put, remove } = reconcileReminders([...this.records.values()], desired, now);
    for (const [, id] of remove) this.records.delete(id);
    for (const r of put) this.records.set(r.sessionId, r);
  }
  tick(now: number): void {
    const decision = decideDue([...this.records.values()], now, this.lastTick);
    this.lastTick = now;
    for (const r of decision.fire) {
      this.records.set(r.sessionId, { ...r, state: 'fired', claimedAt: now });
      this.shown.push(r.sessionId);
    }
    for (const r of decision.missed) this.records.set(r.sessionId, { ...r, state: 'missed', claimedAt: now });
    if (decision.missed.length) this.missed.push(decision.missed.map((r) => r.sessionId));
  }
  run(from: number, to: number): void {
    for (let t = from; t <= to; t += TICK_MS) this.tick(t);
  }
}

describe('reminder planning', () => {
  it('plans one reminder per going session, default 10 minutes, overridable, off per conference', () => {
    const entries = [entry('a'), entry('b', { reminderMinutes: 30 }), entry('c', { reminderMinutes: null }), entry('m', { star: 'maybe' }), entry('r', { removedAt: 1 }), entry('x')];
    const times = sessions({ a: T0 + 60 * MIN, b: T0 + 60 * MIN, c: T0, m: T0, r: T0, x: T0 }, ['x']);
    const planned = planReminders('c', entries, times, undefined);
    expect(planned.map((p) => [p.sessionId, p.minutes, p.fireAt])).toEqual([
      ['a', 10, T0 + 50 * MIN],
      ['b', 30, T0 + 30 * MIN],
    ]);
    expect(planReminders('c', entries, times, { conferenceId: 'c', remindersEnabled: false, reminderMinutes: 10 })).toEqual([]);
    expect(planReminders('c', [entry('a')], times, { conferenceId: 'c', remindersEnabled: true, reminderMinutes: 5 })[0]?.fireAt).toBe(T0 + 55 * MIN);
  });

  it('fires each reminder exactly once while awake, on time, and never twice after re-planning', () => {
    const store = new Store();
    const times = sessions({ a: T0 + 20 * MIN, b: T0 + 40 * MIN });
    store.replan(planReminders('c', [entry('a'), entry('b')], times, undefined), T0);
    store.run(T0, T0 + 9 * MIN);
    expect(store.shown).toEqual([]);
    store.run(T0 + 9 * MIN + TICK_MS, T0 + 45 * MIN);
    expect(store.shown).toEqual(['a', 'b']);
    expect(store.records.get('a')?.claimedAt).toBeLessThanOrEqual(T0 + 10 * MIN + TICK_MS);
    // A sync with no change re-plans: fired reminders stay fired.
    store.replan(planReminders('c', [entry('a'), entry('b')], times, undefined), T0 + 45 * MIN);
    store.run(T0 + 45 * MIN, T0 + 50 * MIN);
    expect(store.shown).toEqual(['a', 'b']);
    expect(store.missed).toEqual([]);
  });

  it('moves the reminder when the session moves, and fires it at the new time only', () => {
    const store = new Store();
    store.replan(planReminders('c', [entry('a')], sessions({ a: T0 + 30 * MIN }), undefined), T0);
    store.run(T0, T0 + 10 * MIN);
    store.replan(planReminders('c', [entry('a')], sessions({ a: T0 + 75 * MIN }), undefined), T0 + 10 * MIN);
    const moved = store.records.get('a')!;
    expect(moved).toMatchObject({ fireAt: T0 + 65 * MIN, previousFireAt: T0 + 20 * MIN, state: 'planned' });
    store.run(T0 + 10 * MIN, T0 + 64 * MIN);
    expect(store.shown).toEqual([]);
    store.run(T0 + 65 * MIN, T0 + 70 * MIN);
    expect(store.shown).toEqual(['a']);
  });

  it('fires at once for a session starred after its reminder time but before it starts; not at all once it started', () => {
    const store = new Store();
    store.replan(planReminders('c', [entry('soon'), entry('late')], sessions({ soon: T0 + 4 * MIN, late: T0 - MIN }), undefined), T0);
    expect(store.records.get('soon')?.fireAt).toBe(T0);
    expect(store.records.has('late')).toBe(false);
    store.tick(T0);
    expect(store.shown).toEqual(['soon']);
  });

  it('does not fire late after a sleep: one summary of everything missed instead', () => {
    const store = new Store();
    const times = sessions({ a: T0 + 20 * MIN, b: T0 + 30 * MIN, c: T0 + 120 * MIN });
    store.replan(planReminders('c', [entry('a'), entry('b'), entry('c')], times, undefined), T0);
    store.run(T0, T0 + 5 * MIN);
    // The lid closes at +5 min and opens at +60 min: the first tick after waking sees the gap.
    store.tick(T0 + 60 * MIN);
    expect(store.shown).toEqual([]);
    expect(store.missed).toEqual([['a', 'b']]);
    store.run(T0 + 60 * MIN + TICK_MS, T0 + 115 * MIN);
    expect(store.shown).toEqual(['c']);
    expect(store.missed).toHaveLength(1);
  });

  it('after a short sleep still fires a reminder that fell due just before waking', () => {
    const gap = SLEEP_GAP_MS + MIN;
    const record: ReminderRecord = { conferenceId: 'c', sessionId: 'a', fireAt: T0 + gap - 10_000, start: T0 + gap + 10 * MIN, minutes: 10, state: 'planned', plannedAt: T0 };
    const decision = decideDue([record], T0 + gap, T0);
    expect(decision.slept).toBe(true);
    expect(decision.fire).toHaveLength(1);
  });

  it('on start-up fires what is a little late and reports as missed what is long past', () => {
    const base = { conferenceId: 'c', minutes: 10, state: 'planned' as const, plannedAt: T0 };
    const recent: ReminderRecord = { ...base, sessionId: 'recent', fireAt: T0 - 2 * MIN, start: T0 + 8 * MIN };
    const old: ReminderRecord = { ...base, sessionId: 'old', fireAt: T0 - LATE_LIMIT_MS - MIN, start: T0 + 3 * MIN };
    const started: ReminderRecord = { ...base, sessionId: 'started', fireAt: T0 - 3 * MIN, start: T0 - 2 * MIN };
    const decision = decideDue([recent, old, started], T0, undefined);
    expect(decision.slept).toBe(false);
    expect(decision.fire.map((r) => r.sessionId)).toEqual(['recent']);
    expect(decision.missed.map((r) => r.sessionId).sort()).toEqual(['old', 'started']);
  });

  it('drops reminders for sessions no longer starred as going', () => {
    const store = new Store();
    store.replan(planReminders('c', [entry('a'), entry('b')], sessions({ a: T0 + 60 * MIN, b: T0 + 60 * MIN }), undefined), T0);
    store.replan(planReminders('c', [entry('a', { star: 'maybe' }), entry('b')], sessions({ a: T0 + 60 * MIN, b: T0 + 60 * MIN }), undefined), T0);
    expect([...store.records.keys()]).toEqual(['b']);
  });

  it('says when the session starts relative to now', () => {
    expect(startsIn(T0 + 10 * MIN, T0)).toBe('in 10 min');
    expect(startsIn(T0, T0)).toBe('now');
    expect(startsIn(T0 - 3 * MIN, T0)).toBe('3 min ago');
    expect(startsIn(T0 + 135 * MIN, T0)).toBe('in 2 h 15 min');
    // A 10-minute reminder shown a tick late (9 min 44 s ahead), or a hidden window's minute late, still says 10.
    expect(startsIn(T0 + 9 * MIN + 44_000, T0)).toBe('in 10 min');
    expect(startsIn(T0 + 9 * MIN + 1_000, T0)).toBe('in 10 min');
    expect(startsIn(T0 + 9 * MIN, T0)).toBe('in 9 min');
    expect(startsIn(T0 + 20_000, T0)).toBe('in 1 min');
    expect(startsIn(T0 - 50_000, T0)).toBe('now');
    expect(startsIn(T0 - 3 * MIN - 59_000, T0)).toBe('3 min ago');
  });
});
