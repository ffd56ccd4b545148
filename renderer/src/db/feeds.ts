import type { FeedWarning } from '../../../core/errors';
import type { FeedDiff } from '../../../core/feed/diff';
import type { FormatId } from '../../../core/formats/sniff';
import type { Feed } from '../../../core/model/schema';
import { reattachPersonal } from './personal';
import type { LanyardDb, SubscriptionRecord } from './schema';

const FEED_TABLES = ['conferences', 'sessions', 'speakers', 'rooms', 'tracks', 'announcements'] as const;

/** Everything stored for one conference, reassembled as a feed (for diffing a new revision). */
export async function loadFeed(db: LanyardDb, conferenceId: string): Promise<Feed | undefined> {
  const record = await db.conferences.get(conferenceId);
  if (!record) return undefined;
  const strip = <T extends { conferenceId: string }>(rows: T[]): Array<Omit<T, 'conferenceId'>> =>
    rows.map(({ conferenceId: _c, ...rest }) => rest);
  const [sessions, speakers, rooms, tracks, announcements] = await Promise.all([
    db.sessions.where('conferenceId').equals(conferenceId).sortBy('start'),
    db.speakers.where('conferenceId').equals(conferenceId).toArray(),
    db.rooms.where('conferenceId').equals(conferenceId).sortBy('order'),
    db.tracks.where('conferenceId').equals(conferenceId).toArray(),
    db.announcements.where('conferenceId').equals(conferenceId).toArray(),
  ]);
  const feed: Feed = {
    lanyard: 1,
    conference: record.conference,
    sessions: strip(sessions),
    speakers: strip(speakers),
    rooms: strip(rooms).map(({ order: _o, ...room }) => room),
    tracks: strip(tracks),
    announcements: strip(announcements),
  };
  if (record.revision) feed.revision = record.revision;
  return feed;
}

export interface StoreFeedInput {
  subscription: SubscriptionRecord;
  feed: Feed;
  format: FormatId;
  warnings: FeedWarning[];
  diff: FeedDiff | undefined;
  now: number;
  /** The stored revision this one replaces, so agenda entries can follow renumbered sessions. */
  previous?: Feed | undefined;
}

/**
 * Replaces a conference's stored copy and records the subscription's new state in ONE
 * transaction: either everything is written, or (quota, crash, abort) nothing is, and the
 * last good copy stays exactly as it was.
 */
export async function storeFeed(db: LanyardDb, input: StoreFeedInput): Promise<void> {
  const { subscription, feed, now } = input;
  const id = subscription.id;
  const starts = feed.sessions.map((s) => Date.parse(s.start));
  const ends = feed.sessions.map((s) => Date.parse(s.end));
  await db.transaction('rw', [...FEED_TABLES, 'subscriptions', 'revisions', 'agenda', 'watchLater', 'prefs', 'reminders', 'changeMarks'], async () => {
    for (const table of FEED_TABLES.slice(1)) await db.table(table).where('conferenceId').equals(id).delete();
    await db.conferences.put({
      id,
      conference: feed.conference,
      format: input.format,
      ...(feed.revision ? { revision: feed.revision } : {}),
      warnings: input.warnings,
      sessionCount: feed.sessions.length,
      firstStart: starts.length ? Math.min(...starts) : Date.parse(`${feed.conference.start}T00:00:00Z`),
      lastEnd: ends.length ? Math.max(...ends) : Date.parse(`${feed.conference.end}T23:59:59Z`),
      storedAt: now,
    });
    await db.sessions.bulkPut(feed.sessions.map((s) => ({ ...s, conferenceId: id })));
    await db.speakers.bulkPut(feed.speakers.map((s) => ({ ...s, conferenceId: id })));
    await db.rooms.bulkPut(feed.rooms.map((r, order) => ({ ...r, conferenceId: id, order })));
    await db.tracks.bulkPut(feed.tracks.map((t) => ({ ...t, conferenceId: id })));
    await db.announcements.bulkPut(feed.announcements.map((a) => ({ ...a, conferenceId: id })));
    let revisionId: number | undefined;
    if (input.diff && !input.diff.isEmpty) {
      revisionId = await db.revisions.add({ conferenceId: id, at: now, ...(feed.revision ? { revision: feed.revision } : {}), counts: input.diff.counts, changes: input.diff.changes });
    }
    await reattachPersonal(db, { conferenceId: id, previous: input.previous, next: feed, diff: input.diff, revisionId, now });
    await db.subscriptions.put(subscription);
  });
}
