import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V5, speakerPhotoUrls } from '../../../renderer/src/db/schema';
import { scheduleOf } from '../../../renderer/src/db/schedules';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { changeConferenceSettings } from '../../../renderer/src/sync/conference-settings';
import { SAMPLE, sampleRevision } from '../support/sample-db';

const NAME = 'upgrade-sources';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database exactly as version 5 left it: a conference with its schedule, a star, a held revision, no feed text. */
async function writeVersion5(): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores({ schedules: 'id' });
  old.version(4).stores({ sessions: null, speakers: null, rooms: null, tracks: null });
  old.version(5).stores(SCHEMA_V5);
  const feed = importFeed(SAMPLE).feed;
  const id = 'centos';
  const first = feed.sessions[0]!;
  await old.table('subscriptions').put({ id, source: 'url', url: 'https://example.org/centos.json', timeZone: 'Europe/Brussels', addedAt: 1, archived: 0, failures: 0, etag: '"v5"', lastSuccessAt: 2 });
  await old.table('conferences').put({
    id, conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length, firstStart: 0, lastEnd: 0, storedAt: 1, photoUrls: speakerPhotoUrls(feed.speakers),
  });
  await old.table('schedules').put(scheduleOf(id, feed));
  await old.table('agenda').put({ conferenceId: id, sessionId: first.id, identity: { id: first.id, title: first.title, speakers: [], day: first.day, start: first.start }, star: 'going', updatedAt: 2 });
  await old.table('held').put({ conferenceId: id, text: '{}', hash: 'h', arrivedAt: 3, lastSeenAt: 3, before: 18, after: 1, counts: {}, changes: [], notifiedAt: 0 });
  old.close();
}

describe('Dexie schema version 6: the feed text of each stored copy', () => {
  it('opens a version 5 database with everything intact and an empty sources table that the next revision fills', async () => {
    await writeVersion5();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(6);
      expect(await db.sources.count()).toBe(0);
      expect((await loadFeed(db, 'centos'))?.sessions).toHaveLength(18);
      expect(await db.subscriptions.get('centos')).toMatchObject({ etag: '"v5"', timeZone: 'Europe/Brussels' });
      expect(await db.agenda.count()).toBe(1);
      expect(await db.held.count()).toBe(1);
      // Without a text, a rename still works at once.
      expect(await changeConferenceSettings(db, 'centos', { title: 'CentOS (mine)', timeZone: 'Europe/Brussels' }, 10)).toEqual({ kind: 'saved', reread: false });
      expect((await loadFeed(db, 'centos'))?.conference.title).toBe('CentOS (mine)');
      // The next revision is stored with its text, and keeps the name.
      const next = sampleRevision((f) => { f.revision = 'r2'; f.sessions[0]!.title = 'Welcome, again'; });
      expect(await applyFeedText(db, 'centos', next, { etag: '"v6"' }, 20)).toMatchObject({ kind: 'updated' });
      expect((await db.sources.get('centos'))?.text).toBe(next);
      expect((await loadFeed(db, 'centos'))?.conference.title).toBe('CentOS (mine)');
      expect((await db.agenda.toArray()).map((e) => e.star)).toEqual(['going']);
    } finally {
      db.close();
    }
  });
});
