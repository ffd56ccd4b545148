import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LanyardDb, SCHEMA_V1 } from '../../../renderer/src/db/schema';

const NAME = 'upgrade-v1-v2-live';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('Dexie schema version 2: trusted hosts and seen announcements', () => {
  it('adds both tables to a version 1 database, keeping its announcements', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('announcements').put({ conferenceId: 'c', id: 'a1', time: '2023-02-03T08:00:00Z', severity: 'info', text: 'Hello', sessionIds: [], roomIds: [] });
    v1.close();
    const db = new LanyardDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.announcements.get(['c', 'a1'])).toMatchObject({ text: 'Hello' });
    await db.trustedHosts.put({ host: 'example.org', addedAt: 1 });
    await db.announcementSeen.put({ conferenceId: 'c', id: 'a1', seenAt: 2, notified: true });
    expect(await db.trustedHosts.get('example.org')).toEqual({ host: 'example.org', addedAt: 1 });
    expect(await db.announcementSeen.where('conferenceId').equals('c').count()).toBe(1);
    db.close();
  });
});
