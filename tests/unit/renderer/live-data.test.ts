import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveNow } from '../../../core/live/now';
import { recordedSessions } from '../../../core/live/recordings';
import type { Feed } from '../../../core/model/schema';
import { announcementsOf, claimNewAnnouncements } from '../../../renderer/src/db/announcements';
import { trustedHosts, trustHost } from '../../../renderer/src/db/links';
import { agendaStars, liveCandidates, nextSession, recordedCandidates, setWatched, setWatchLater, watchLaterList } from '../../../renderer/src/db/live';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const sample = (): Feed => JSON.parse(SAMPLE) as Feed;
const KMODS_START = Date.parse(sample().sessions.find((s) => s.id === 'kmods')!.start);
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('live');
});
afterEach(() => dropDb(db));

function revision(change: (feed: Feed) => void): string {
  const feed = sample();
  change(feed);
  return JSON.stringify(feed);
}

async function subscribeAt(now: number, text = SAMPLE): Promise<string> {
  return subscribe(db, readCandidate(text, { source: 'url', url: 'http://127.0.0.1:9/feed.json' }), now);
}

describe('Live now from the database', () => {
  it('finds what is on at a given instant, with the agenda first, and leaves archived conferences out', async () => {
    const id = await subscribeAt(KMODS_START - 86_400_000);
    const now = KMODS_START + 5 * 60_000;
    const first = liveNow({ now, conferences: await liveCandidates(db, now), agenda: await agendaStars(db) });
    expect(first.find((i) => i.session.id === 'kmods')?.state).toBe('live');
    expect(first.every((i) => Date.parse(i.session.end) > now && Date.parse(i.session.start) <= now + 15 * 60_000)).toBe(true);
    const later = first.at(-1)!;
    const identity = { id: later.session.id, title: later.session.title, speakers: [], day: later.session.day, start: later.session.start };
    await db.agenda.put({ conferenceId: id, sessionId: later.session.id, identity, star: 'going', updatedAt: now });
    const starred = liveNow({ now, conferences: await liveCandidates(db, now), agenda: await agendaStars(db) });
    expect(starred[0]?.session.id).toBe(later.session.id);
    expect(starred[0]?.star).toBe('going');
    await db.subscriptions.update(id, { archived: 1 });
    expect(await liveCandidates(db, now)).toEqual([]);
  });

  it('names the next session when nothing is on', async () => {
    await subscribeAt(KMODS_START - 86_400_000);
    const next = await nextSession(db, KMODS_START - 60_000);
    expect(next?.session.id).toBe('kmods');
    expect(next?.timeZone).toBe('Europe/Brussels');
    expect(await nextSession(db, Date.parse('2030-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('includes a session starting exactly 15 minutes from now (stored instants have no milliseconds)', async () => {
    await subscribeAt(KMODS_START - 86_400_000);
    const now = KMODS_START - 15 * 60_000;
    const items = liveNow({ now, conferences: await liveCandidates(db, now) });
    expect(items.find((i) => i.session.id === 'kmods')).toMatchObject({ state: 'soon', startsInMinutes: 15 });
  });
});

describe('Recordings from the database', () => {
  it('shows a recording as soon as a later revision carries it, and keeps a watch-later list', async () => {
    const id = await subscribeAt(KMODS_START - 86_400_000);
    const after = KMODS_START + 2 * 86_400_000;
    expect(recordedSessions({ now: after, conferences: await recordedCandidates(db, after) })).toEqual([]);
    const video = 'https://video.fosdem.org/2023/kmods.webm';
    const outcome = await applyFeedText(db, id, revision((f) => {
      f.revision = 'r-recordings';
      f.sessions.find((s) => s.id === 'kmods')!.links.push({ url: video, kind: 'recording' });
    }), {}, after);
    expect(outcome.kind).toBe('updated');
    await setWatchLater(db, id, 'kmods', true, after);
    const items = recordedSessions({ now: after, conferences: await recordedCandidates(db, after), watchLater: new Set([`${id}\nkmods`]) });
    expect(items.map((i) => [i.session.id, i.recordings[0]?.url, i.isWatchLater])).toEqual([['kmods', video, true]]);
    const [entry] = await watchLaterList(db);
    expect(entry).toMatchObject({ conferenceId: id, sessionId: 'kmods', identity: { title: 'Kmods SIG Update' }, addedAt: after });
    expect(entry!.identity.speakers.length).toBeGreaterThan(0);
    await setWatched(db, id, 'kmods', true, after + 1);
    expect((await watchLaterList(db))[0]?.watchedAt).toBe(after + 1);
    await setWatchLater(db, id, 'kmods', false, after + 2);
    expect(await watchLaterList(db)).toEqual([]);
  });
});

describe('trusted hosts', () => {
  it('remembers hosts the user allowed, lowercased', async () => {
    await trustHost(db, 'Example.ORG', 1);
    expect(await trustedHosts(db)).toEqual(new Set(['example.org']));
  });
});

describe('announcements notify once', () => {
  const announce = (feed: Feed, id: string, time: string): void => {
    feed.announcements.push({ id, time, severity: 'warning', text: `Note ${id}`, sessionIds: ['kmods'], roomIds: [] });
  };

  it('does not replay what was announced before subscribing, and claims each new one once', async () => {
    const subscribedAt = Date.parse('2023-02-03T07:00:00Z');
    const id = await subscribeAt(subscribedAt, revision((f) => announce(f, 'old', '2023-02-02T18:00:00Z')));
    expect(await claimNewAnnouncements(db, subscribedAt + 1000)).toEqual([]);
    expect(await db.announcementSeen.get([id, 'old'])).toMatchObject({ notified: false });

    const now = subscribedAt + 3_600_000;
    await applyFeedText(db, id, revision((f) => {
      f.revision = 'r2';
      announce(f, 'old', '2023-02-02T18:00:00Z');
      announce(f, 'lunch', new Date(now - 60_000).toISOString().replace('.000Z', 'Z'));
    }), {}, now);
    // Two windows ask at the same moment: exactly one of them gets the new announcement.
    const [a, b] = await Promise.all([claimNewAnnouncements(db, now), claimNewAnnouncements(db, now)]);
    expect([...a, ...b].map((x) => [x.id, x.conferenceTitle])).toEqual([['lunch', sample().conference.title]]);
    // The organizers drop it from the feed later: the history keeps it, marked withdrawn.
    await applyFeedText(db, id, revision((f) => {
      f.revision = 'r3';
      announce(f, 'old', '2023-02-02T18:00:00Z');
    }), {}, now + 1000);
    expect((await announcementsOf(db, id)).map((x) => [x.id, x.isWithdrawn])).toEqual([['lunch', true], ['old', false]]);
    // A restart (a new connection to the same database) does not notify again.
    db.close();
    db = new LanyardDb(db.name);
    await db.open();
    expect(await claimNewAnnouncements(db, now + 5000)).toEqual([]);
  });

  it('stores an announcement even when the organizer forgot to bump the revision, and an unchanged feed stays unchanged', async () => {
    const subscribedAt = Date.parse('2023-02-03T07:00:00Z');
    const id = await subscribeAt(subscribedAt);
    expect((await applyFeedText(db, id, SAMPLE, {}, subscribedAt + 1000)).kind).toBe('unchanged');
    const now = subscribedAt + 60_000;
    const outcome = await applyFeedText(db, id, revision((f) => announce(f, 'same-revision', '2023-02-03T07:00:30Z')), {}, now);
    expect(outcome.kind).toBe('updated');
    expect((await claimNewAnnouncements(db, now)).map((a) => a.id)).toEqual(['same-revision']);
    const roomLink = await applyFeedText(db, id, revision((f) => {
      announce(f, 'same-revision', '2023-02-03T07:00:30Z');
      f.rooms[0]!.links.push({ url: 'https://meet.jit.si/pagoda', kind: 'hallway' });
    }), {}, now + 1);
    expect(roomLink.kind).toBe('updated');
    expect((await db.schedules.get(id))?.rooms[0]?.links).toContainEqual({ url: 'https://meet.jit.si/pagoda', kind: 'hallway' });
  });

  it('lists but does not notify an announcement that arrives more than a day late', async () => {
    const subscribedAt = Date.parse('2023-02-01T07:00:00Z');
    const id = await subscribeAt(subscribedAt);
    const now = Date.parse('2023-02-05T07:00:00Z');
    await applyFeedText(db, id, revision((f) => {
      f.revision = 'r2';
      announce(f, 'stale', '2023-02-03T09:00:00Z');
    }), {}, now);
    expect(await claimNewAnnouncements(db, now)).toEqual([]);
    expect(await db.announcements.count()).toBe(1);
  });
});
