import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import { announcementsOf } from '../../../renderer/src/db/announcements';
import { loadFeed, storeFeed } from '../../../renderer/src/db/feeds';
import { claimOnce, storePushedAnnouncement } from '../../../renderer/src/db/live-claims';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V5, speakerPhotoUrls } from '../../../renderer/src/db/schema';
import { scheduleOf } from '../../../renderer/src/db/schedules';
import { SAMPLE } from '../support/sample-db';

const NAME = 'upgrade-live-claims';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database exactly as version 5 left it, with a conference, an announcement, a star and a held-back revision. */
async function writeVersion5(): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores({ schedules: 'id' });
  old.version(4).stores({ sessions: null, speakers: null, rooms: null, tracks: null });
  old.version(5).stores(SCHEMA_V5);
  const feed = importFeed(SAMPLE).feed;
  const id = 'centos';
  await old.table('subscriptions').put({ id, source: 'url', url: 'https://example.org/centos.json', addedAt: 1, archived: 0, failures: 0 });
  await old.table('conferences').put({ id, conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length, firstStart: 0, lastEnd: 0, storedAt: 1, photoUrls: speakerPhotoUrls(feed.speakers) });
  await old.table('schedules').put(scheduleOf(id, feed));
  await old.table('announcements').put({ conferenceId: id, id: 'feed-1', time: '2023-02-03T08:00:00Z', severity: 'info', text: 'Welcome', sessionIds: [], roomIds: [] });
  await old.table('agenda').put({ conferenceId: id, sessionId: feed.sessions[0]!.id, identity: { id: feed.sessions[0]!.id, title: 't', speakers: [], day: feed.sessions[0]!.day, start: feed.sessions[0]!.start }, star: 'going', updatedAt: 2 });
  await old.table('held').put({ conferenceId: id, text: '{}', hash: 'h', arrivedAt: 3, lastSeenAt: 3, before: 10, after: 1, counts: {}, changes: [], notifiedAt: 0 });
  old.close();
}

describe('Dexie schema version 8: live claims and media.ccc.de lookups', () => {
  it('opens a version 5 database with everything intact and two empty, working tables', async () => {
    await writeVersion5();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(8);
      expect(await db.subscriptions.get('centos')).toMatchObject({ url: 'https://example.org/centos.json' });
      expect(await db.announcements.get(['centos', 'feed-1'])).toMatchObject({ text: 'Welcome' });
      expect(await db.agenda.count()).toBe(1);
      expect(await db.held.get('centos')).toMatchObject({ before: 10, after: 1 });
      expect(await db.liveClaims.count()).toBe(0);
      expect(await claimOnce(db, 'centos', 'room-full:s1', 5)).toBe(true);
      expect(await claimOnce(db, 'centos', 'room-full:s1', 6)).toBe(false);
      await db.externalRecordings.put({ conferenceId: 'centos', sessionId: 's1', guid: 'g', links: [], failures: 0 });
      expect(await db.externalRecordings.where('conferenceId').equals('centos').count()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('keeps pushed announcements through a new revision of the feed, and out of the feed copy that is diffed', async () => {
    await writeVersion5();
    const db = new LanyardDb(NAME);
    await db.open();
    try {
      await storePushedAnnouncement(db, 'centos', { id: 'push-1', time: '2023-02-03T09:00:00Z', severity: 'urgent', text: 'Evacuate Pagoda', sessionIds: [], roomIds: ['Pagoda'] });
      // The feed's own copy wins over a pushed one with the same id.
      await storePushedAnnouncement(db, 'centos', { id: 'feed-1', time: '2023-02-03T09:00:00Z', severity: 'urgent', text: 'Overwritten?', sessionIds: [], roomIds: [] });
      expect((await db.announcements.get(['centos', 'feed-1']))?.text).toBe('Welcome');
      expect((await loadFeed(db, 'centos'))?.announcements.map((a) => a.id)).toEqual(['feed-1']);
      const feed = importFeed(SAMPLE).feed;
      const subscription = (await db.subscriptions.get('centos'))!;
      await storeFeed(db, { subscription, feed: { ...feed, announcements: [] }, format: 'lanyard', warnings: [], diff: undefined, now: 10 });
      const history = await announcementsOf(db, 'centos');
      expect(history.map((a) => [a.id, a.isWithdrawn])).toEqual([['push-1', false]]);
    } finally {
      db.close();
    }
  });
});
