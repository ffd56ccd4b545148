import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffFeeds } from '../../../core/feed/diff';
import { importFeed } from '../../../core/formats';
import type { Feed } from '../../../core/model/schema';
import { loadFeed, storeFeed, type StoreFeedInput } from '../../../renderer/src/db/feeds';
import { listConferences, loadConference, loadSubscription } from '../../../renderer/src/db/queries';
import { type LanyardDb, type SubscriptionRecord } from '../../../renderer/src/db/schema';
import { applyFilters, pickDay } from '../../../renderer/src/features/schedule/filtering';
import { NO_FILTERS } from '../../../renderer/src/store/ui';
import { describeCorpus, readCorpus } from '../support/corpus';
import { dropDb, openFreshDb, SAMPLE } from '../support/sample-db';

const T0 = Date.parse('2023-01-20T10:00:00Z');
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('repositories');
});
afterEach(() => dropDb(db));

function sample(change: (feed: Feed) => void = () => undefined): Feed {
  const feed = JSON.parse(SAMPLE) as Feed;
  change(feed);
  return importFeed(JSON.stringify(feed)).feed;
}

function subscription(id: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return { id, source: 'url', url: `https://example.org/${id}.json`, addedAt: T0, archived: 0, failures: 0, ...extra };
}

function input(id: string, feed: Feed, extra: Partial<StoreFeedInput> = {}): StoreFeedInput {
  return { subscription: subscription(id), feed, format: 'lanyard', warnings: [], diff: undefined, now: T0, ...extra };
}

/** Everything stored for a conference's schedule: what "the same copy" means. */
async function dump(id: string, from: LanyardDb = db): Promise<Record<string, unknown>> {
  return {
    schedule: await from.schedules.get(id),
    announcements: await from.announcements.where('conferenceId').equals(id).sortBy('id'),
    conference: await from.conferences.get(id),
  };
}

/** Moves a feed's sessions by whole days, as a copy of the same conference in another year. */
function shifted(feed: Feed, days: number): Feed {
  const move = (iso: string): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
  const day = (d: string): string => move(`${d}T12:00:00Z`).slice(0, 10);
  return {
    ...feed,
    conference: { ...feed.conference, start: day(feed.conference.start), end: day(feed.conference.end) },
    sessions: feed.sessions.map((s) => ({ ...s, start: move(s.start), end: move(s.end), day: day(s.day) })),
  };
}

describe('the conference list', () => {
  it('puts active conferences first, soonest first, then archived ones, and keeps subscriptions without a stored copy', async () => {
    const base = sample();
    await storeFeed(db, input('later', shifted(base, 300)));
    await storeFeed(db, input('sooner', shifted(base, 100)));
    await storeFeed(db, { ...input('old', base), subscription: subscription('old', { archived: 1 }) });
    await storeFeed(db, { ...input('older', shifted(base, -365)), subscription: subscription('older', { archived: 1 }) });
    await db.subscriptions.put(subscription('pending'));
    const list = await listConferences(db);
    expect(list.map((c) => c.subscription.id)).toEqual(['pending', 'sooner', 'later', 'older', 'old']);
    expect(list[0]!.conference).toBeUndefined();
    expect(list[1]!.conference).toMatchObject({ id: 'sooner', sessionCount: 18, format: 'lanyard' });
    expect(list[1]!.conference!.firstStart).toBeLessThan(list[2]!.conference!.firstStart);
  });
});

describe('loading one conference', () => {
  it('returns sessions by start, rooms in feed order, and speakers and tracks by id', async () => {
    const feed = sample();
    await storeFeed(db, input('centos', feed));
    const data = await loadConference(db, 'centos');
    if (!data) throw new Error('not loaded');
    // Sync state is read on its own (it changes on every attempt; the sessions do not).
    expect(data.subscription).toBeUndefined();
    expect((await loadSubscription(db, 'centos'))?.url).toBe('https://example.org/centos.json');
    expect(data.sessions).toHaveLength(18);
    const starts = data.sessions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort());
    expect(data.rooms.map((r) => r.name)).toEqual(feed.rooms.map((r) => r.name));
    expect(data.rooms.map((r) => r.order)).toEqual(feed.rooms.map((_r, i) => i));
    expect(data.speakers.get('michel')?.name).toBe('Michel Salim');
    expect([...data.tracks.keys()].sort()).toEqual(feed.tracks.map((t) => t.id).sort());
    expect(await loadConference(db, 'nope')).toBeUndefined();
  });
});

describeCorpus('day, room and track queries on FOSDEM 2020', () => {
  it('stores one schedule row, answers per day and filters by room and track', async () => {
    const { feed } = importFeed(readCorpus('fosdem/fosdem-2020.xml'));
    await storeFeed(db, input('fosdem-2020', feed));
    await storeFeed(db, input('centos', sample()));
    const days = [...new Set(feed.sessions.map((s) => s.day))].sort();
    expect(days).toEqual(['2020-02-01', '2020-02-02']);
    expect(await db.schedules.count()).toBe(2);
    const data = await loadConference(db, 'fosdem-2020');
    if (!data) throw new Error('not loaded');
    for (const day of days) {
      expect(data.sessions.filter((s) => s.day === day).length).toBe(feed.sessions.filter((s) => s.day === day).length);
    }
    expect(data.sessions).toHaveLength(feed.sessions.length);
    expect(data.sessions.every((s) => s.conferenceId === 'fosdem-2020')).toBe(true);
    expect(pickDay(days, undefined, '2026-01-01')).toBe('2020-02-01');
    expect(pickDay(days, '2020-02-02', '2026-01-01')).toBe('2020-02-02');

    const janson = data.rooms.find((r) => r.name === 'Janson')!;
    const inJanson = applyFilters(data.sessions, { ...NO_FILTERS, rooms: [janson.id] });
    expect(inJanson.length).toBe(feed.sessions.filter((s) => s.roomId === janson.id).length);
    expect(inJanson.length).toBeGreaterThan(5);
    const track = data.tracks.get(data.sessions.find((s) => s.day === '2020-02-02' && s.trackId)!.trackId!)!;
    const trackOnSunday = applyFilters(data.sessions.filter((s) => s.day === '2020-02-02'), { ...NO_FILTERS, tracks: [track.id] });
    expect(trackOnSunday.length).toBe(feed.sessions.filter((s) => s.day === '2020-02-02' && s.trackId === track.id).length);
    expect(trackOnSunday.length).toBeGreaterThan(0);
    expect(trackOnSunday.every((s) => s.trackId === track.id && s.day === '2020-02-02')).toBe(true);
  });
});

describe('storeFeed and loadFeed', () => {
  it('round-trips a feed', async () => {
    const feed = sample((f) => {
      f.revision = 'r7';
    });
    await storeFeed(db, input('centos', feed));
    const loaded = await loadFeed(db, 'centos');
    // Sessions come back by start time, speakers and tracks by id; rooms keep the feed's order.
    const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const normal = (f: Feed): Feed => ({ ...f, sessions: byId(f.sessions), speakers: byId(f.speakers), tracks: byId(f.tracks), announcements: byId(f.announcements) });
    expect(normal(loaded!)).toEqual(normal(feed));
    expect(loaded!.rooms).toEqual(feed.rooms);
    expect(await loadFeed(db, 'nope')).toBeUndefined();
  });

  it('replaces one conference’s rows and leaves other conferences alone', async () => {
    await storeFeed(db, input('a', sample()));
    await storeFeed(db, input('b', sample()));
    const otherBefore = await dump('b');
    const smaller = sample((f) => {
      f.sessions = f.sessions.slice(0, 5);
      f.speakers = f.speakers.slice(0, 3);
      for (const s of f.sessions) s.speakerIds = s.speakerIds.filter((id) => f.speakers.some((p) => p.id === id));
    });
    await storeFeed(db, input('a', smaller, { now: T0 + 1 }));
    expect((await db.schedules.get('a'))?.sessions).toHaveLength(5);
    expect((await db.schedules.get('a'))?.speakers).toHaveLength(3);
    expect((await db.conferences.get('a'))?.sessionCount).toBe(5);
    expect(await dump('b')).toEqual(otherBefore);
  });

  it('writes a new revision as one schedule row, the same copy as storing it afresh, and logs the revision', async () => {
    const before = sample();
    const after = sample((f) => {
      f.revision = 'r2';
      f.sessions[0]!.title = 'Renamed';
      f.sessions = f.sessions.filter((s) => s.id !== f.sessions[3]!.id);
      f.sessions.push({ ...f.sessions[1]!, id: 'brand-new', guid: undefined, title: 'A new talk' });
    });
    const diff = diffFeeds(before, after);
    await storeFeed(db, input('centos', before));
    const previous = { feed: (await loadFeed(db, 'centos'))!, storedAt: T0 };
    let writes = 0;
    const count = (): void => void (writes += 1);
    db.schedules.hook('creating', count);
    db.schedules.hook('updating', count);
    await storeFeed(db, input('centos', after, { now: T0 + 1, diff, previous }));
    expect(writes).toBe(1);
    expect(await db.revisions.count()).toBe(1);
    const fresh = await openFreshDb('repositories-fresh');
    try {
      await storeFeed(fresh, input('centos', after, { now: T0 + 1 }));
      expect(await dump('centos')).toEqual(await dump('centos', fresh));
      const titles = (await loadFeed(db, 'centos'))!.sessions.map((s) => s.title);
      expect(titles).toContain('A new talk');
      expect(titles).toContain('Renamed');
      expect(titles).toHaveLength(after.sessions.length);
    } finally {
      await dropDb(fresh);
    }
  });

  it('keeps sessions by start then id, and speakers and tracks by id, whatever order the feed gives', async () => {
    const feed = sample((f) => {
      f.sessions.reverse();
      f.speakers.reverse();
      f.tracks.reverse();
    });
    await storeFeed(db, input('centos', feed));
    const stored = (await db.schedules.get('centos'))!;
    const keys = stored.sessions.map((s) => `${s.start} ${s.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(stored.speakers.map((s) => s.id)).toEqual(feed.speakers.map((s) => s.id).sort());
    expect(stored.tracks.map((t) => t.id)).toEqual(feed.tracks.map((t) => t.id).sort());
    expect(stored.rooms.map((r) => r.id)).toEqual(feed.rooms.map((r) => r.id));
    // The feed handed in is not reordered.
    expect(feed.sessions[0]!.start >= feed.sessions.at(-1)!.start).toBe(true);
  });

  it('stores the newest copy when the one it diffed against changed in between', async () => {
    await storeFeed(db, input('centos', sample()));
    const stale = { feed: (await loadFeed(db, 'centos'))!, storedAt: T0 };
    // Something else stores a revision in between.
    await storeFeed(db, input('centos', sample((f) => { f.sessions[2]!.title = 'Changed elsewhere'; }), { now: T0 + 5 }));
    const latest = sample((f) => { f.sessions[0]!.title = 'Renamed'; });
    await storeFeed(db, input('centos', latest, { now: T0 + 6, previous: stale }));
    const titles = (await loadFeed(db, 'centos'))!.sessions.map((s) => s.title);
    expect(titles).not.toContain('Changed elsewhere');
    expect(titles).toContain('Renamed');
  });

  it('writes nothing at all when the transaction fails midway', async () => {
    await storeFeed(db, input('centos', sample()));
    const before = await dump('centos');
    const fail = (): void => {
      throw new Error('QuotaExceededError');
    };
    db.schedules.hook('updating', fail);
    await expect(storeFeed(db, input('centos', sample((f) => { f.sessions[0]!.title = 'Renamed'; }), { now: T0 + 1 }))).rejects.toThrow('QuotaExceededError');
    db.schedules.hook('updating').unsubscribe(fail);
    expect(await dump('centos')).toEqual(before);
    expect((await db.conferences.get('centos'))?.storedAt).toBe(T0);
  });
});
