import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V5, SCHEMA_V6 } from '../../../renderer/src/db/schema';
import { readSyncMeta, writeSyncMeta } from '../../../renderer/src/db/sync-meta';

const NAME = 'upgrade-sync';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database exactly as version 6 left it, with a subscription, a star, a held revision and a feed text. */
async function writeVersion6(): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores({ schedules: 'id' });
  old.version(4).stores({ sessions: null, speakers: null, rooms: null, tracks: null });
  old.version(5).stores(SCHEMA_V5);
  old.version(6).stores(SCHEMA_V6);
  await old.table('subscriptions').put({ id: 'centos', source: 'url', url: 'https://example.org/centos.json', addedAt: 1, archived: 0, failures: 0 });
  await old.table('agenda').put({ conferenceId: 'centos', sessionId: 's1', identity: { id: 's1', title: 'Talk', speakers: [], day: '2023-02-03', start: '2023-02-03T09:00:00Z' }, star: 'going', updatedAt: 2 });
  await old.table('held').put({ conferenceId: 'centos', text: '{}', hash: 'x', arrivedAt: 1, lastSeenAt: 1, before: 18, after: 1, counts: {}, changes: [], notifiedAt: 0 });
  await old.table('sources').put({ conferenceId: 'centos', text: '{}', storedAt: 1 });
  old.close();
}

describe('Dexie schema version 7: the sync folder’s bookkeeping', () => {
  it('opens a version 6 database with everything intact, and empty, working syncBase and syncMeta tables', async () => {
    await writeVersion6();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(7);
      expect(await db.sources.get('centos')).toMatchObject({ text: '{}' });
      expect(await db.subscriptions.get('centos')).toMatchObject({ url: 'https://example.org/centos.json' });
      expect(await db.agenda.get(['centos', 's1'])).toMatchObject({ star: 'going' });
      expect(await db.held.get('centos')).toMatchObject({ before: 18 });
      expect(await db.syncBase.count()).toBe(0);
      expect(await readSyncMeta(db)).toEqual({ deviceId: undefined, deviceName: undefined, clock: undefined, baseFolder: undefined });
      await writeSyncMeta(db, { deviceId: 'device-aaaa', clock: { wall: 5, counter: 1, device: 'device-aaaa' }, baseFolder: '/sync' });
      await db.syncBase.put({ key: '["star","centos","s1"]', value: '"going"' });
      expect(await readSyncMeta(db)).toEqual({ deviceId: 'device-aaaa', deviceName: undefined, clock: { wall: 5, counter: 1, device: 'device-aaaa' }, baseFolder: '/sync' });
      expect(await db.syncBase.get('["star","centos","s1"]')).toEqual({ key: '["star","centos","s1"]', value: '"going"' });
    } finally {
      db.close();
    }
  });
});
