import Dexie from 'dexie';
import type { FeedWarning } from '../../../core/errors';
import type { FeedDiff } from '../../../core/feed/diff';
import type { FormatId } from '../../../core/formats/sniff';
import type { Feed } from '../../../core/model/schema';
import { reattachPersonal } from './personal';
import { scheduleOf } from './schedules';
import { speakerPhotoUrls, type LanyardDb, type SubscriptionRecord } from './schema';

const FEED_TABLES = ['conferences', 'schedules', 'announcements'] as const;

/**
 * Revisions kept per conference, newest first. The log feeds *What changed* and the history
 * in calendar exports; a conference changes a few dozen times in its life (FOSDEM: about one
 * revision an hour around the event), so 100 keeps the whole history of a real conference
 * while a feed that changes at every poll can no longer grow the store without end.
 */
export const MAX_REVISIONS_PER_CONFERENCE = 100;

/** Deletes a conference's revisions beyond the newest MAX_REVISIONS_PER_CONFERENCE (inside the caller's transaction). */
async function pruneRevisions(db: LanyardDb, conferenceId: string): Promise<number> {
  const older = await db.revisions
    .where('[conferenceId+at]')
    .between([conferenceId, Dexie.minKey], [conferenceId, Dexie.maxKey])
    .reverse()
    .offset(MAX_REVISIONS_PER_CONFERENCE)
    .primaryKeys();
  await db.revisions.bulkDelete(older);
  return older.length;
}

/** Everything stored for one conference, reassembled as a feed (for diffing a new revision). */
export async function loadFeed(db: LanyardDb, conferenceId: string): Promise<Feed | undefined> {
  const [record, schedule, announcements] = await Promise.all([
    db.conferences.get(conferenceId),
    db.schedules.get(conferenceId),
    db.announcements.where('conferenceId').equals(conferenceId).filter((a) => a.via !== 'push').toArray(),
  ]);
  if (!record) return undefined;
  const feed: Feed = {
    lanyard: 1,
    conference: record.conference,
    sessions: schedule?.sessions ?? [],
    speakers: schedule?.speakers ?? [],
    rooms: schedule?.rooms ?? [],
    tracks: schedule?.tracks ?? [],
    announcements: announcements.map(({ conferenceId: _c, ...rest }) => rest),
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
   * was loaded. Agenda entries are re-attached through it (old id → new id) only while the
   * conference is still exactly that copy; otherwise by their remembered identity alone.
   */
  previous?: { feed: Feed; storedAt: number } | undefined;
  /** The feed text the copy was read from, kept so that a change of time zone can read it again. */
  source?: string | undefined;
  /** A re-read of the same revision (the user changed the zone): a revision held back for review stays on offer. */
  keepHeld?: boolean | undefined;
}

/**
 * Replaces a conference's stored copy and records the subscription's new state in ONE
 * transaction: either everything is written, or (quota, crash, abort) nothing is, and the
 * last good copy stays exactly as it was. The schedule is one row (see ScheduleRecord).
 */
export async function storeFeed(db: LanyardDb, input: StoreFeedInput): Promise<void> {
  const { subscription, feed, now } = input;
  const id = subscription.id;
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const s of feed.sessions) {
    firstStart = Math.min(firstStart, Date.parse(s.start));
    lastEnd = Math.max(lastEnd, Date.parse(s.end));
  }
  const schedule = scheduleOf(id, feed);
  const announcements = feed.announcements.map((a) => ({ ...a, conferenceId: id }));
  await db.transaction('rw', [...FEED_TABLES, 'subscriptions', 'revisions', 'agenda', 'watchLater', 'prefs', 'reminders', 'changeMarks', 'held', 'sources'], async () => {
    const current = await db.conferences.get(id);
    const previous = input.previous && current?.storedAt === input.previous.storedAt ? input.previous.feed : undefined;
    const writes: Array<Promise<unknown>> = [db.schedules.put(schedule)];
    // Announcements pushed on the live channel are not the feed's: a new revision keeps them.
    if (current) await db.announcements.where('conferenceId').equals(id).filter((a) => a.via !== 'push').delete();
    if (announcements.length) writes.push(db.announcements.bulkPut(announcements));
    writes.push(db.conferences.put({
      id,
      conference: feed.conference,
      format: input.format,
      ...(feed.revision ? { revision: feed.revision } : {}),
      warnings: input.warnings,
      sessionCount: feed.sessions.length,
      firstStart: feed.sessions.length ? firstStart : Date.parse(`${feed.conference.start}T00:00:00Z`),
      lastEnd: feed.sessions.length ? lastEnd : Date.parse(`${feed.conference.end}T23:59:59Z`),
      storedAt: now,
      photoUrls: speakerPhotoUrls(feed.speakers),
    }));
    let revision: Promise<number | undefined> | undefined;
    if (input.diff && !input.diff.isEmpty) {
      revision = db.revisions.add({ conferenceId: id, at: now, ...(feed.revision ? { revision: feed.revision } : {}), counts: input.diff.counts, changes: input.diff.changes });
      writes.push(revision);
    }
    writes.push(db.subscriptions.put(subscription));
    // A revision held back against the copy being replaced no longer applies (applied anyway, or superseded).
    if (!input.keepHeld) writes.push(db.held.delete(id));
    if (input.source !== undefined) writes.push(db.sources.put({ conferenceId: id, text: input.source, storedAt: now }));
    // Requests are queued at once and run in order; waiting on each in turn only adds round trips.
    await Promise.all(writes);
    const revisionId = revision ? await revision : undefined;
    if (revision) await pruneRevisions(db, id);
    // Stars, notes and reminders follow their sessions, in the same transaction as the new rows.
    await reattachPersonal(db, { conferenceId: id, previous, next: feed, diff: input.diff, revisionId, now });
  });
}
