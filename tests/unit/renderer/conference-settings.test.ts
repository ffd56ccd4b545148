import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFeed } from '../../../renderer/src/db/feeds';
import { holdRevision } from '../../../renderer/src/db/held';
import { personalSubscription } from '../../../renderer/src/db/personal-data';
import { setStar } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { changeConferenceSettings } from '../../../renderer/src/sync/conference-settings';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb } from '../support/sample-db';

const T0 = Date.parse('2025-01-20T10:00:00Z');
let db: LanyardDb;
beforeEach(async () => {
  db = await openFreshDb('settings');
});
afterEach(() => dropDb(db));

/** A hand-written Pentabarf XML with local times and no zone or known city (floating times, like many small conferences). */
function floatingXml(revision: string, extraTalk = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>${revision}</version><conference><acronym>smallconf</acronym><title>SmallConf</title><city>Hometown</city><start>2025-02-01</start><end>2025-02-01</end><days>1</days></conference>
<day index="1" date="2025-02-01"><room name="A">
<event id="1"><start>09:30</start><duration>00:45</duration><room>A</room><slug>opening</slug><title>Opening</title><persons><person id="1">Ada</person></persons></event>
<event id="2"><start>14:00</start><duration>01:00</duration><room>A</room><slug>keynote</slug><title>Keynote</title><persons><person id="2">Grace</person></persons></event>
${extraTalk}</room></day></schedule>`;
}

const startOf = async (id: string, title: string): Promise<string | undefined> => (await loadFeed(db, id))?.sessions.find((s) => s.title === title)?.start;

async function subscribed(source: 'url' | 'file' = 'url'): Promise<string> {
  const base = source === 'url' ? { source, url: 'http://127.0.0.1:9/small.xml', etag: '"r1"' } : { source, fileName: 'small.xml' };
  return subscribe(db, readCandidate(floatingXml('r1'), base), T0);
}

describe('changing the time zone of a conference with floating times', () => {
  it('re-reads the stored feed text: sessions land at the right instants, stars stay attached, no organizer change is reported', async () => {
    const id = await subscribed();
    expect((await loadFeed(db, id))?.conference.timeZone).toBe('UTC');
    expect(await startOf(id, 'Keynote')).toBe('2025-02-01T14:00:00Z');
    const keynote = (await loadFeed(db, id))!.sessions.find((s) => s.title === 'Keynote')!;
    await setStar(db, id, keynote.id, 'going', T0);

    expect(await changeConferenceSettings(db, id, { title: undefined, timeZone: 'Europe/Brussels' }, T0 + 1)).toEqual({ kind: 'saved', reread: true });
    const feed = (await loadFeed(db, id))!;
    expect(feed.conference.timeZone).toBe('Europe/Brussels');
    expect(await startOf(id, 'Keynote')).toBe('2025-02-01T13:00:00Z');
    expect(await startOf(id, 'Opening')).toBe('2025-02-01T08:30:00Z');
    const star = (await db.agenda.where('conferenceId').equals(id).toArray())[0]!;
    expect(star.star).toBe('going');
    expect(feed.sessions.find((s) => s.id === star.sessionId)?.title).toBe('Keynote');
    // The reminder follows the new time.
    const reminder = await db.reminders.get([id, star.sessionId]);
    expect(reminder?.fireAt).toBeLessThan(Date.parse('2025-02-01T13:00:00Z'));
    expect(reminder?.fireAt).toBeGreaterThan(Date.parse('2025-02-01T12:00:00Z'));
    expect(await db.revisions.count()).toBe(0);
    expect(await db.changeMarks.count()).toBe(0);
    expect(await db.subscriptions.get(id)).toMatchObject({ timeZone: 'Europe/Brussels', etag: '"r1"' });
  });

  it('keeps a new name and the zone through a later revision, and both (with a link’s live channel) reach the personal-data mirror', async () => {
    const id = await subscribed();
    expect(await changeConferenceSettings(db, id, { title: 'My SmallConf', timeZone: 'America/New_York' }, T0 + 1)).toMatchObject({ kind: 'saved' });
    expect((await loadFeed(db, id))?.conference.title).toBe('My SmallConf');

    const talk = '<event id="3"><start>16:00</start><duration>00:30</duration><room>A</room><slug>late</slug><title>Late addition</title></event>';
    expect(await applyFeedText(db, id, floatingXml('r2', talk), { etag: '"r2"' }, T0 + 2)).toMatchObject({ kind: 'updated' });
    const feed = (await loadFeed(db, id))!;
    expect(feed.conference).toMatchObject({ title: 'My SmallConf', timeZone: 'America/New_York' });
    expect(await startOf(id, 'Late addition')).toBe('2025-02-01T21:00:00Z');
    expect(await startOf(id, 'Keynote')).toBe('2025-02-01T19:00:00Z');
    // The revision's diff lists the one added session, not moved times.
    const revisions = await db.revisions.toArray();
    expect(revisions.map((r) => r.counts)).toEqual([expect.objectContaining({ new: 1, 'moved-time': 0 })]);
    await db.subscriptions.update(id, { live: { mqtt: 'wss://live.example.org/mqtt', topic: 'small' } });
    expect(personalSubscription((await db.subscriptions.get(id))!)).toMatchObject({ title: 'My SmallConf', timeZone: 'America/New_York', live: { mqtt: 'wss://live.example.org/mqtt', topic: 'small' } });
  });

  it('going back to the feed\'s zone and name', async () => {
    const id = await subscribed();
    await changeConferenceSettings(db, id, { title: 'Renamed', timeZone: 'Asia/Tokyo' }, T0 + 1);
    expect(await changeConferenceSettings(db, id, { title: undefined, timeZone: undefined }, T0 + 2)).toEqual({ kind: 'saved', reread: true });
    expect((await loadFeed(db, id))?.conference).toMatchObject({ title: 'SmallConf', timeZone: 'UTC' });
    const sub = await db.subscriptions.get(id);
    expect(sub?.title).toBeUndefined();
    expect(sub?.timeZone).toBeUndefined();
  });

  it('refuses a zone that does not exist, changing nothing', async () => {
    const id = await subscribed();
    expect(await changeConferenceSettings(db, id, { title: undefined, timeZone: 'Mars/Olympus' }, T0 + 1)).toMatchObject({ kind: 'failed' });
    expect((await db.subscriptions.get(id))?.timeZone).toBeUndefined();
  });

  it('keeps a revision held back for review', async () => {
    const id = await subscribed();
    const empty = { counts: {}, changes: [], isEmpty: false } as unknown as Parameters<typeof holdRevision>[1]['diff'];
    await holdRevision(db, { conferenceId: id, text: 'held text', hash: 'h', before: 2, after: 0, diff: empty, now: T0 });
    await changeConferenceSettings(db, id, { title: undefined, timeZone: 'Europe/Paris' }, T0 + 1);
    expect(await db.held.get(id)).toMatchObject({ hash: 'h' });
  });
});

describe('a conference stored before feed texts were kept', () => {
  it('fetches the feed of a URL subscription again to re-read it', async () => {
    const id = await subscribed();
    await db.sources.clear();
    const fetched: string[] = [];
    const outcome = await changeConferenceSettings(db, id, { title: undefined, timeZone: 'Europe/Berlin' }, T0 + 1, (url) => {
      fetched.push(url);
      return Promise.resolve(floatingXml('r1'));
    });
    expect(outcome).toEqual({ kind: 'saved', reread: true });
    expect(fetched).toEqual(['http://127.0.0.1:9/small.xml']);
    expect(await startOf(id, 'Keynote')).toBe('2025-02-01T13:00:00Z');
    expect((await db.sources.get(id))?.text).toContain('SmallConf');
  });

  it('when nothing can be fetched, keeps the settings and has the next sync download the feed in full', async () => {
    const id = await subscribed();
    await db.sources.clear();
    const outcome = await changeConferenceSettings(db, id, { title: 'Renamed', timeZone: 'Europe/Berlin' }, T0 + 1, () => Promise.resolve(undefined));
    expect(outcome).toMatchObject({ kind: 'pending' });
    expect((await loadFeed(db, id))?.conference.title).toBe('Renamed');
    const sub = await db.subscriptions.get(id);
    expect(sub).toMatchObject({ timeZone: 'Europe/Berlin', title: 'Renamed', nextPollAt: T0 + 1 });
    expect(sub?.etag).toBeUndefined();
    // That sync reads the feed in the new zone.
    await applyFeedText(db, id, floatingXml('r1'), {}, T0 + 2);
    expect(await startOf(id, 'Keynote')).toBe('2025-02-01T13:00:00Z');
  });

  it('for a file, says the file is needed', async () => {
    const id = await subscribed('file');
    await db.sources.clear();
    const outcome = await changeConferenceSettings(db, id, { title: undefined, timeZone: 'Europe/Berlin' }, T0 + 1);
    expect(outcome.kind).toBe('pending');
    expect(outcome.kind === 'pending' ? outcome.message : '').toContain('add the file again');
  });
});
