import type { LanyardDb } from './schema';

/** Tables holding rows of one conference, keyed or indexed by `conferenceId`. */
const BY_CONFERENCE = ['announcements', 'revisions', 'agenda', 'watchLater', 'reminders', 'changeMarks', 'announcementSeen'] as const;

/**
 * Moves a conference to the archive (kept, shown under Past conferences, no longer polled;
 * Refresh now still fetches it) or back (polled again from the next sync tick).
 */
export async function setArchived(db: LanyardDb, id: string, archived: boolean, now: number): Promise<void> {
  await db.transaction('rw', db.subscriptions, async () => {
    const sub = await db.subscriptions.get(id);
    if (!sub) throw new Error(`The conference "${id}" is not subscribed.`);
    const { nextPollAt: _poll, ...rest } = sub;
    await db.subscriptions.put(archived ? { ...rest, archived: 1 } : { ...rest, archived: 0, ...(sub.source === 'url' ? { nextPollAt: now } : {}) });
  });
}

/** What removing a conference would delete of the user's own data, for the confirmation. */
export async function personalDataOf(db: LanyardDb, id: string): Promise<{ starred: number; notes: number; watchLater: number }> {
  const [agenda, watchLater] = await Promise.all([db.agenda.where('conferenceId').equals(id).toArray(), db.watchLater.where('conferenceId').equals(id).count()]);
  return { starred: agenda.filter((e) => e.star).length, notes: agenda.filter((e) => e.note).length, watchLater };
}

/**
 * Deletes a conference and everything stored for it (schedule, revisions, announcements, and
 * the user's stars, notes, reminders and watch-later items for it) in one transaction; other
 * conferences are untouched. Cached speaker photos no other conference names go at the next prune.
 */
export async function removeConference(db: LanyardDb, id: string): Promise<void> {
  await db.transaction('rw', ['subscriptions', 'conferences', 'schedules', 'prefs', 'sources', 'held', ...BY_CONFERENCE], async () => {
    await Promise.all([
      db.sources.delete(id),
      db.held.delete(id),
      db.subscriptions.delete(id),
      db.conferences.delete(id),
      db.schedules.delete(id),
      db.prefs.delete(id),
      ...BY_CONFERENCE.map((table) => db.table(table).where('conferenceId').equals(id).delete()),
    ]);
  });
}
