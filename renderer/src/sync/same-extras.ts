import type { Feed } from '../../../core/model/schema';

/**
 * Whether everything outside the sessions is unchanged: announcements, the conference (its
 * participation links) and the rooms (their stream and hallway links). The session diff does
 * not look at these, and an organizer who adds an announcement by hand may forget to bump
 * the revision: such a feed must still be stored.
 */
export function sameExtras(previous: Feed, next: Feed): boolean {
  return (
    JSON.stringify(previous.announcements) === JSON.stringify(next.announcements) &&
    JSON.stringify(previous.conference) === JSON.stringify(next.conference) &&
    JSON.stringify(previous.rooms) === JSON.stringify(next.rooms)
  );
}
