import type { Announcement } from '../../../core/model/schema';
import type { LanyardDb } from './schema';

/**
 * Claims `key` for a conference unless this profile already did: true for the one caller (in
 * any window, or after a restart) that should tell the user. The check and the write are one
 * read-write transaction, which IndexedDB runs one after another.
 */
export function claimOnce(db: LanyardDb, conferenceId: string, key: string, now: number, notified = true): Promise<boolean> {
  return db.transaction('rw', db.liveClaims, async () => {
    if (await db.liveClaims.get([conferenceId, key])) return false;
    await db.liveClaims.put({ conferenceId, key, at: now, notified });
    return true;
  });
}

/** Pushed announcements kept per conference; older ones are dropped (the feed's own are never touched). */
const KEEP_PUSHED = 200;

/**
 * Stores an announcement that arrived on the live channel, beside the feed's. It is then
 * listed and notified exactly like a feed announcement (db/announcements.ts claims it once),
 * and a later revision of the feed leaves it alone. The same id pushed again replaces it.
 */
export async function storePushedAnnouncement(db: LanyardDb, conferenceId: string, announcement: Announcement): Promise<void> {
  await db.transaction('rw', db.announcements, async () => {
    const existing = await db.announcements.get([conferenceId, announcement.id]);
    // The feed's own copy of an announcement wins over a pushed one with the same id.
    if (existing && existing.via !== 'push') return;
    await db.announcements.put({ ...announcement, conferenceId, via: 'push' });
    const pushed = await db.announcements.where('conferenceId').equals(conferenceId).filter((a) => a.via === 'push').toArray();
    if (pushed.length > KEEP_PUSHED) {
      const old = pushed.sort((a, b) => a.time.localeCompare(b.time)).slice(0, pushed.length - KEEP_PUSHED);
      await db.announcements.bulkDelete(old.map((a) => [conferenceId, a.id] as [string, string]));
    }
  });
}
