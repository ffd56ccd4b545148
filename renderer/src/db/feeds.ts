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
  /**
   * The stored copy the new revision was diffed against, with the `storedAt` read before it
   * was loaded. When the conference is still exactly that copy, only the rows that differ
   * are written; otherwise every row is replaced.
   */
  previous?: { feed: Feed; storedAt: number } | undefined;
}

type Keyed = { id: string };
type Row = Record<string, unknown> & Keyed;

/** Rows to put and keys to delete so that a table holds `next` where it held `before`. */
function delta(conferenceId: string, before: readonly Row[], next: readonly Row[]): { put: Row[]; remove: Array<[string, string]> } {
  const old = new Map(before.map((row) => [row.id, JSON.stringify(row)]));
  const put = next.filter((row) => old.get(row.id) !== JSON.stringify(row));
  const keep = new Set(next.map((row) => row.id));
  const remove = before.filter((row) => !keep.has(row.id)).map((row): [string, string] => [conferenceId, row.id]);
  return { put, remove };
}

/** A feed's rows as they are stored, table by table. */
function rowsOf(feed: Feed, conferenceId: string): Record<'sessions' | 'speakers' | 'rooms' | 'tracks' | 'announcements', Row[]> {
  return {
    sessions: feed.sessions.map((s) => ({ ...s, conferenceId })),
    speakers: feed.speakers.map((s) => ({ ...s, conferenceId })),
    rooms: feed.rooms.map((r, order) => ({ ...r, conferenceId, order })),
    tracks: feed.tracks.map((t) => ({ ...t, conferenceId })),
    announcements: feed.announcements.map((a) => ({ ...a, conferenceId })),
  };
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
  const rows = rowsOf(feed, id);
  await db.transaction('rw', [...FEED_TABLES, 'subscriptions', 'revisions', 'agenda', 'watchLater', 'prefs', 'reminders', 'changeMarks'], async () => {
    const current = await db.conferences.get(id);
    const previous = input.previous && current?.storedAt === input.previous.storedAt ? rowsOf(input.previous.feed, id) : undefined;
    const writes: Array<Promise<unknown>> = [];
    for (const table of ['sessions', 'speakers', 'rooms', 'tracks', 'announcements'] as const) {
      if (previous) {
        // A new revision of the copy we diffed against: write only what changed.
        const { put, remove } = delta(id, previous[table], rows[table]);
        if (remove.length) writes.push(db.table(table).bulkDelete(remove));
        if (put.length) writes.push(db.table(table).bulkPut(put));
      } else {
        if (current) await db.table(table).where('conferenceId').equals(id).delete();
        if (rows[table].length) writes.push(db.table(table).bulkPut(rows[table]));
      }
    }
    writes.push(db.conferences.put({
      id,
      conference: feed.conference,
      format: input.format,
      ...(feed.revision ? { revision: feed.revision } : {}),
      warnings: input.warnings,
      sessionCount: feed.sessions.length,
      firstStart: starts.length ? Math.min(...starts) : Date.parse(`${feed.conference.start}T00:00:00Z`),
      lastEnd: ends.length ? Math.max(...ends) : Date.parse(`${feed.conference.end}T23:59:59Z`),
      storedAt: now,
    }));
    let revision: Promise<number | undefined> | undefined;
    if (input.diff && !input.diff.isEmpty) {
      revision = db.revisions.add({ conferenceId: id, at: now, ...(feed.revision ? { revision: feed.revision } : {}), counts: input.diff.counts, changes: input.diff.changes });
      writes.push(revision);
    }
    writes.push(db.subscriptions.put(subscription));
    // Requests are queued at once and run in order; waiting on each in turn only adds round trips.
    await Promise.all(writes);
    const revisionId = revision ? await revision : undefined;
    // Stars, notes and reminders follow their sessions, in the same transaction as the new rows.
    await reattachPersonal(db, { conferenceId: id, previous: input.previous?.feed, next: feed, diff: input.diff, revisionId, now });
  });
}
