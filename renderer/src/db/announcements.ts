import type { AnnouncementRecord, LanyardDb } from './schema';

/** Announcements older than this when they first arrive are kept in the history but not notified. */
const NOTIFY_MAX_AGE_MS = 24 * 3_600_000;

/** Every stored announcement's key; changes whenever a sync stores new ones. */
export async function announcementKeys(db: LanyardDb): Promise<Array<[string, string]>> {
  return db.announcements.toCollection().primaryKeys();
}

export type HistoryAnnouncement = AnnouncementRecord & { isWithdrawn: boolean };

/**
 * A conference's announcements, newest first: those in the current feed, plus any received
 * earlier that the organizers have since dropped from it (marked withdrawn), so the history
 * the attendee saw does not vanish when "Lunch moved to 12:30" is cleaned up after lunch.
 */
export async function announcementsOf(db: LanyardDb, conferenceId: string): Promise<HistoryAnnouncement[]> {
  const [current, seen] = await Promise.all([
    db.announcements.where('conferenceId').equals(conferenceId).toArray(),
    db.announcementSeen.where('conferenceId').equals(conferenceId).toArray(),
  ]);
  const ids = new Set(current.map((a) => a.id));
  const withdrawn = seen.flatMap((s) => (s.announcement && !ids.has(s.id) ? [{ ...s.announcement, conferenceId, isWithdrawn: true }] : []));
  return [...current.map((a) => ({ ...a, isWithdrawn: false })), ...withdrawn].sort((a, b) => b.time.localeCompare(a.time) || b.id.localeCompare(a.id));
}

/**
 * Claims the announcements nobody in this profile has dealt with yet and returns those worth a
 * notification. One read-write transaction marks them seen, so a second window (or a restart)
 * that runs this at the same moment finds them claimed: each announcement notifies once.
 *
 * Not notified (only listed): announcements dated before the user subscribed (the first sync
 * of a new subscription must not replay a conference's whole history) and announcements more
 * than a day old when they arrive.
 */
export async function claimNewAnnouncements(db: LanyardDb, now: number): Promise<Array<AnnouncementRecord & { conferenceTitle: string }>> {
  return db.transaction('rw', [db.announcements, db.announcementSeen, db.subscriptions, db.conferences], async () => {
    const [all, seen, subs] = await Promise.all([
      db.announcements.toArray(),
      db.announcementSeen.toCollection().primaryKeys(),
      db.subscriptions.toArray(),
    ]);
    const seenKeys = new Set(seen.map(([c, id]) => `${c}\n${id}`));
    const addedAt = new Map(subs.map((s) => [s.id, s.addedAt]));
    const fresh = all.filter((a) => !seenKeys.has(`${a.conferenceId}\n${a.id}`));
    if (fresh.length === 0) return [];
    const worthIt = (a: AnnouncementRecord): boolean => {
      const at = Date.parse(a.time);
      const subscribed = addedAt.get(a.conferenceId);
      return subscribed !== undefined && at >= subscribed && at >= now - NOTIFY_MAX_AGE_MS;
    };
    const notify = fresh.filter(worthIt);
    await db.announcementSeen.bulkPut(
      fresh.map(({ conferenceId, ...announcement }) => ({ conferenceId, id: announcement.id, seenAt: now, notified: worthIt({ conferenceId, ...announcement }), announcement })),
    );
    const titles = new Map((await db.conferences.bulkGet([...new Set(notify.map((a) => a.conferenceId))])).flatMap((c) => (c ? [[c.id, c.conference.title] as const] : [])));
    return notify.sort((a, b) => a.time.localeCompare(b.time)).map((a) => ({ ...a, conferenceTitle: titles.get(a.conferenceId) ?? a.conferenceId }));
  });
}
