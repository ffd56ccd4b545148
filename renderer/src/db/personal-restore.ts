import { loadFeed } from './feeds';
import { reattachPersonal } from './personal';
import type { LanyardDb } from './schema';

/**
 * Re-attaches agenda entries and watch-later items to the stored revision by their remembered
 * identity, and re-plans reminders. For personal data that arrives without a sync: restored from
 * the mirror file after a wiped store, or imported from an export made against another revision.
 */
export async function reattachToStored(db: LanyardDb, conferenceId: string, now: number): Promise<{ reattached: number; removed: number } | undefined> {
  const feed = await loadFeed(db, conferenceId);
  if (!feed) return undefined;
  return db.transaction('rw', ['agenda', 'watchLater', 'prefs', 'reminders', 'changeMarks', 'schedules'], () =>
    reattachPersonal(db, { conferenceId, previous: undefined, next: feed, diff: undefined, revisionId: undefined, now }),
  );
}
