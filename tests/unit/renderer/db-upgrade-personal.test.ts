import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AgendaEntrySchema } from '../../../core/personal/model';
import { collectPersonalData } from '../../../renderer/src/db/personal-data';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2 } from '../../../renderer/src/db/schema';
import { agendaEntry, watchEntry } from '../support/personal';

const NAME = 'upgrade-personal';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('favourites across schema versions', () => {
  it('every favourite, note and reminder written at version 2 survives opening with the current schema', async () => {
    const entries = Array.from({ length: 1_500 }, (_, k) =>
      agendaEntry(k % 2 ? 'fosdem-2024' : 'fosdem-2025', `s${k}`, {
        star: k % 3 === 0 ? 'maybe' : 'going',
        ...(k % 5 === 0 ? { note: `note ${k} — with “quotes”` } : {}),
        ...(k % 7 === 0 ? { reminderMinutes: k % 14 === 0 ? null : 30 } : {}),
        ...(k % 11 === 0 ? { removedAt: 1_700_000_000_000 } : {}),
        updatedAt: 1_000 + k,
      }),
    );
    const old = new Dexie(NAME);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.table('agenda').bulkPut(entries);
    await old.table('prefs').put({ conferenceId: 'fosdem-2024', remindersEnabled: false, reminderMinutes: 25 });
    await old.table('watchLater').bulkPut([watchEntry('fosdem-2024', 'w1'), watchEntry('fosdem-2025', 'w2', { watchedAt: 9 })]);
    old.close();

    const db = new LanyardDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const stored = await db.agenda.toArray();
    expect(stored).toHaveLength(entries.length);
    const byKey = new Map(stored.map((e) => [`${e.conferenceId}\n${e.sessionId}`, e]));
    for (const entry of entries) expect(byKey.get(`${entry.conferenceId}\n${entry.sessionId}`)).toEqual(entry);
    expect(await db.agenda.where('star').equals('maybe').count()).toBe(entries.filter((e) => e.star === 'maybe').length);
    expect(await db.prefs.get('fosdem-2024')).toEqual({ conferenceId: 'fosdem-2024', remindersEnabled: false, reminderMinutes: 25 });
    expect(await db.watchLater.count()).toBe(2);
    // …and all of it is still valid personal data for the mirror and the export.
    const { data, skipped } = await collectPersonalData(db, 1);
    expect(skipped).toBe(0);
    expect(data.agenda.every((e) => AgendaEntrySchema.safeParse(e).success)).toBe(true);
    db.close();
  });
});
