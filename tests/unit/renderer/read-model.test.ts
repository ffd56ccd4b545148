import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduleCache } from '../../../renderer/src/db/schedule-cache';
import { goingState, setStar, updateEntry, upcomingGoing } from '../../../renderer/src/db/personal';
import { loadAgendaState } from '../../../renderer/src/db/queries';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';

/** The evening before CentOS Connect 2023 (3 Feb, Brussels). */
const T0 = Date.parse('2023-02-02T18:00:00Z');
let db: LanyardDb;
/** Every read of the schedules table (one row per conference, 2 MB for FOSDEM), counted below Dexie's API. */
let scheduleReads: number;

beforeEach(async () => {
  db = await openFreshDb('read-model');
  scheduleReads = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-schedule-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'schedules') return table;
        const counted = <A extends unknown[], R>(run: (...args: A) => R) => (...args: A): R => {
          scheduleReads += 1;
          return run(...args);
        };
        return { ...table, get: counted(table.get.bind(table)), getMany: counted(table.getMany.bind(table)), query: counted(table.query.bind(table)), openCursor: counted(table.openCursor.bind(table)), count: counted(table.count.bind(table)) };
      },
    }),
  });
  // Middleware applies from the next open.
  db.close();
  await db.open();
});
afterEach(() => dropDb(db));

/** Runs a Dexie live query as a view does; `emitted` counts its answers. */
function watch<T>(query: () => Promise<T>): { latest: () => T | undefined; emitted: () => number; stop: () => void } {
  let latest: T | undefined;
  let emitted = 0;
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      latest = value;
      emitted += 1;
    },
  });
  return { latest: () => latest, emitted: () => emitted, stop: () => subscription.unsubscribe() };
}

describe('the schedule read model', () => {
  it('reads a stored revision once; a star, an unstar, a note and a reminder change read no schedule, and reminders are re-planned from memory', async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://example.org/centos.json' }), T0);
    const cache = createScheduleCache(db);
    const { storedAt } = (await db.conferences.get(id))!;
    const model = (await cache.load(id, storedAt))!;
    expect(scheduleReads).toBe(1);
    expect(await cache.load(id, storedAt)).toBe(model);
    expect(scheduleReads).toBe(1);
    expect(model.byDay.get('2023-02-03')).toHaveLength(18);
    expect(model.byId.get('alma')?.title).toBe('AlmaLinux Build System and Project Updates');

    // The views' live queries: the user's own state of this conference, and "Next for me".
    const own = watch(() => loadAgendaState(db, id));
    const next = watch(() => goingState(db, T0));
    await expect.poll(() => own.emitted() > 0 && next.emitted() > 0).toBe(true);
    scheduleReads = 0;

    const emittedBefore = own.emitted();
    await setStar(db, id, 'alma', 'going', T0 + 1, cache.peek(id));
    await expect.poll(() => own.latest()?.agenda.get('alma')?.star).toBe('going');
    await expect.poll(() => next.latest()?.entries.length).toBe(1);
    expect(own.emitted()).toBeGreaterThan(emittedBefore);
    // Reminders are re-planned from the times in memory: ten minutes before 08:25Z.
    expect(own.latest()?.reminders.get('alma')).toMatchObject({ state: 'planned', fireAt: Date.parse('2023-02-03T08:15:00Z') });
    expect(upcomingGoing(next.latest()!, new Map([[id, model]]), T0)[0]).toMatchObject({ session: { id: 'alma' }, reminderAt: Date.parse('2023-02-03T08:15:00Z') });

    await updateEntry(db, id, 'alma', { note: 'front row' }, T0 + 2, cache.peek(id));
    await updateEntry(db, id, 'alma', { reminderMinutes: 30 }, T0 + 3, cache.peek(id));
    await expect.poll(() => own.latest()?.reminders.get('alma')?.fireAt).toBe(Date.parse('2023-02-03T07:55:00Z'));
    await setStar(db, id, 'alma', undefined, T0 + 4, cache.peek(id));
    await setStar(db, id, 'rheldevel', 'maybe', T0 + 5, cache.peek(id));
    await expect.poll(() => own.latest()?.agenda.get('rheldevel')?.star).toBe('maybe');
    expect(scheduleReads).toBe(0);

    // Without the schedule in memory, the same star reads it (what every star cost before).
    await setStar(db, id, 'alma', 'going', T0 + 6);
    expect(scheduleReads).toBeGreaterThan(0);
    own.stop();
    next.stop();
  });

  it('after a new revision is stored, a star with the old model reads the stored schedule instead of trusting it, and the new revision is read once', async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'https://example.org/centos.json' }), T0);
    const cache = createScheduleCache(db);
    const old = (await cache.load(id, (await db.conferences.get(id))!.storedAt))!;
    // The organizers move the AlmaLinux talk an hour later.
    const moved = sampleRevision((feed) => {
      const alma = feed.sessions.find((s) => s.id === 'alma')!;
      alma.start = '2023-02-03T09:25:00Z';
      alma.end = '2023-02-03T09:50:00Z';
      feed.revision = 'r2';
    });
    expect(await applyFeedText(db, id, moved, {}, T0 + 10)).toMatchObject({ kind: 'updated' });
    await setStar(db, id, 'alma', 'going', T0 + 11, old);
    expect((await db.reminders.get([id, 'alma']))?.fireAt).toBe(Date.parse('2023-02-03T09:15:00Z'));

    scheduleReads = 0;
    const { storedAt } = (await db.conferences.get(id))!;
    const fresh = (await cache.load(id, storedAt))!;
    expect(fresh.byId.get('alma')?.start).toBe('2023-02-03T09:25:00Z');
    expect(cache.peek(id)).toBe(fresh);
    await cache.load(id, storedAt);
    expect(scheduleReads).toBe(1);
  });
});
