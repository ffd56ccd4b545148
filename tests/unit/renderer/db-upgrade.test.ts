import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats';
import type { Feed } from '../../../core/model/schema';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { loadConference } from '../../../renderer/src/db/queries';
import { LanyardDb, SCHEMA_V1, SCHEMA_V2 } from '../../../renderer/src/db/schema';
import { updateEntry } from '../../../renderer/src/db/personal';
import { describeCorpus, readCorpus } from '../support/corpus';

const SAMPLE = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');
const NAME = 'upgrade-schema';
afterEach(async () => {
  await Dexie.delete(NAME);
});

/** Writes conferences the way versions 1 and 2 stored them: one row per session, speaker, room and track. */
async function writeOld(version: 1 | 2, feeds: Record<string, Feed>): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SCHEMA_V1);
  if (version === 2) old.version(2).stores(SCHEMA_V2);
  for (const [id, feed] of Object.entries(feeds)) {
    await old.table('subscriptions').put({ id, source: 'sample', addedAt: 1, archived: 0, failures: 0, etag: `"${id}"` });
    await old.table('conferences').put({ id, conference: feed.conference, format: 'lanyard', warnings: [], sessionCount: feed.sessions.length, firstStart: 0, lastEnd: 0, storedAt: 1 });
    // Shuffled, as a delta-written version 2 store could hold them: keys, not insertion, give the order.
    await old.table('sessions').bulkPut([...feed.sessions].reverse().map((s) => ({ ...s, conferenceId: id })));
    await old.table('speakers').bulkPut([...feed.speakers].reverse().map((s) => ({ ...s, conferenceId: id })));
    await old.table('rooms').bulkPut(feed.rooms.map((r, order) => ({ ...r, conferenceId: id, order })).reverse());
    await old.table('tracks').bulkPut(feed.tracks.map((t) => ({ ...t, conferenceId: id })));
    await old.table('announcements').bulkPut(feed.announcements.map((a) => ({ ...a, conferenceId: id })));
    await old.table('revisions').add({ conferenceId: id, at: 1, counts: {}, changes: [] });
  }
  if (version === 2) {
    const first = Object.entries(feeds)[0]!;
    const session = first[1].sessions[0]!;
    await old.table('agenda').put({ conferenceId: first[0], sessionId: session.id, identity: { id: session.id, title: session.title, speakers: [], day: session.day, start: session.start }, star: 'going', note: 'front row', updatedAt: 2 });
    await old.table('trustedHosts').put({ host: 'example.org', addedAt: 1 });
  }
  old.close();
}

const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The same conference, whatever order its rows are in. */
function normal(feed: Feed): Feed {
  return { ...feed, revision: undefined, sessions: byId(feed.sessions), speakers: byId(feed.speakers), tracks: byId(feed.tracks), announcements: byId(feed.announcements) };
}

async function expectCarriedOver(db: LanyardDb, feeds: Record<string, Feed>): Promise<void> {
  expect(db.verno).toBeGreaterThanOrEqual(5);
  expect(db.tables.map((t) => t.name)).not.toContain('sessions');
  expect(await db.schedules.count()).toBe(Object.keys(feeds).length);
  for (const [id, feed] of Object.entries(feeds)) {
    const loaded = await loadFeed(db, id);
    expect(normal(loaded!)).toEqual(normal(feed));
    // Rooms keep the feed's order, sessions come by start as before.
    expect(loaded!.rooms.map((r) => r.id)).toEqual(feed.rooms.map((r) => r.id));
    const starts = loaded!.sessions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort());
    expect((await db.subscriptions.get(id))?.etag).toBe(`"${id}"`);
    // The photo cache's list of URLs is filled in for conferences stored before it existed.
    const photos = [...new Set(feed.speakers.flatMap((s) => (s.photoUrl ? [s.photoUrl] : [])))].sort();
    expect([...(await db.conferences.get(id))!.photoUrls].sort()).toEqual(photos);
  }
  expect(await db.revisions.count()).toBe(Object.keys(feeds).length);
}

describe('Dexie schema versions 3 and 4: one schedule row per conference', () => {
  it('moves a version 1 database’s rows into schedule rows and drops the old tables', async () => {
    const feeds = { centos: importFeed(SAMPLE).feed };
    expect(feeds.centos.speakers.filter((s) => s.photoUrl).length).toBeGreaterThan(3);
    await writeOld(1, feeds);
    const db = new LanyardDb(NAME);
    await db.open();
    await expectCarriedOver(db, feeds);
    // The personal tables of version 2 are there and work against the moved schedule.
    const first = (await loadConference(db, 'centos'))!.sessions[0]!;
    await updateEntry(db, 'centos', first.id, { star: 'going' }, 5);
    expect((await db.agenda.get(['centos', first.id]))?.identity.title).toBe(first.title);
    db.close();
  });

  it('moves a version 2 database’s rows and keeps its personal data', async () => {
    const sample = importFeed(SAMPLE).feed;
    const moved = { ...sample, conference: { ...sample.conference, id: 'other' } };
    const feeds = { centos: sample, other: moved };
    await writeOld(2, feeds);
    const db = new LanyardDb(NAME);
    await db.open();
    await expectCarriedOver(db, feeds);
    expect(await db.agenda.toArray()).toEqual([expect.objectContaining({ conferenceId: 'centos', sessionId: sample.sessions[0]!.id, star: 'going', note: 'front row' })]);
    expect(await db.trustedHosts.get('example.org')).toEqual({ host: 'example.org', addedAt: 1 });
    db.close();
  });
});

describeCorpus('the version 3 upgrade on real conferences', () => {
  it('carries FOSDEM 2020 and the sample over row for row', async () => {
    const feeds = { 'fosdem-2020': importFeed(readCorpus('fosdem/fosdem-2020.xml')).feed, centos: importFeed(SAMPLE).feed };
    await writeOld(2, feeds);
    const db = new LanyardDb(NAME);
    await db.open();
    await expectCarriedOver(db, feeds);
    const data = (await loadConference(db, 'fosdem-2020'))!;
    expect(data.sessions).toHaveLength(feeds['fosdem-2020'].sessions.length);
    expect(data.rooms.map((r) => r.order)).toEqual(feeds['fosdem-2020'].rooms.map((_r, i) => i));
    db.close();
  });
});
