import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { getHeld } from '../../../renderer/src/db/held';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2, speakerPhotoUrls } from '../../../renderer/src/db/schema';
import { scheduleOf } from '../../../renderer/src/db/schedules';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { SAMPLE, sampleRevision } from '../support/sample-db';

const NAME = 'upgrade-held';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database exactly as version 4 left it: one schedule row per conference, personal data, a revision. */
async function writeVersion4(): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores({ schedules: 'id' });
  old.version(4).stores({ sessions: null, speakers: null, rooms: null, tracks: null });
  const feed = importFeed(SAMPLE).feed;
  const id = 'centos';
  const first = feed.sessions[0]!;
  await old.table('subscriptions').put({ id, source: 'url', url: 'https://example.org/centos.json', addedAt: 1, archived: 0, failures: 0, etag: '"v4"', lastSuccessAt: 2 });
  await old.table('conferences').put({
    id, conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length, firstStart: 0, lastEnd: 0, storedAt: 1, photoUrls: speakerPhotoUrls(feed.speakers),
  });
  await old.table('schedules').put(scheduleOf(id, feed));
  await old.table('revisions').add({ conferenceId: id, at: 1, counts: {}, changes: [] });
  await old.table('agenda').put({ conferenceId: id, sessionId: first.id, identity: { id: first.id, title: first.title, speakers: [], day: first.day, start: first.start }, star: 'going', updatedAt: 2 });
  old.close();
}

describe('Dexie schema version 5: the held-back revision table', () => {
  it('opens a version 4 database with its conference, subscription, agenda and revisions intact, and an empty, working held table', async () => {
    await writeVersion4();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(5);
      expect(db.tables.map((t) => t.name)).toContain('held');
      expect(await db.held.count()).toBe(0);
      expect(db.held.schema.indexes.map((i) => i.name)).toEqual(['dismissedAt', 'notifiedAt']);
      const feed = await loadFeed(db, 'centos');
      expect(feed?.sessions).toHaveLength(18);
      expect(await db.subscriptions.get('centos')).toMatchObject({ etag: '"v4"', lastSuccessAt: 2 });
      expect(await db.agenda.count()).toBe(1);
      expect(await db.revisions.count()).toBe(1);
      // The upgraded store holds a revision that lost most of its sessions, and keeps the old copy.
      const shrunk = sampleRevision((f) => { f.sessions = f.sessions.slice(0, 2); });
      expect(await applyFeedText(db, 'centos', shrunk, { etag: '"v5"' }, 10)).toMatchObject({ kind: 'held', isNew: true });
      expect(await getHeld(db, 'centos')).toMatchObject({ before: 18, after: 2, etag: '"v5"', notifiedAt: 0 });
      expect((await loadFeed(db, 'centos'))?.sessions).toHaveLength(18);
    } finally {
      db.close();
    }
  });
});
