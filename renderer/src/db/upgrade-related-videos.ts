import type { Transaction } from 'dexie';
import { classifyLink } from '../../../core/feed/links';
import type { Link } from '../../../core/model/schema';

/**
 * A stored link read as a recording before version 9 knew related videos: one with a title
 * that names no recording, on a site where any video may be (YouTube, Vimeo, a file
 * elsewhere), is a video the session refers to ("Snowden speaks at HOPE X" under a 31C3
 * talk), not its recording. Untitled links stay: they may have come from the feed's own
 * recording field, which the stored link no longer tells apart.
 */
function asRelatedVideo(link: Link): Link {
  if (link.kind !== 'recording' || !link.title) return link;
  return classifyLink(link.url, link.title) === 'video' ? { ...link, kind: 'video' } : link;
}

/** What the upgrade reads and writes of a stored schedule (schema.ts's ScheduleRecord has it). */
interface StoredLinks {
  sessions: Array<{ links: Link[] }>;
}

/** The version 8 → 9 upgrade: stored sessions' links reclassified as the importer now does. */
export async function reclassifyRelatedVideos(tx: Transaction): Promise<void> {
  await tx.table<StoredLinks>('schedules').toCollection().modify((schedule) => {
    for (const session of schedule.sessions) {
      if (session.links.some((l) => l.kind === 'recording')) session.links = session.links.map(asRelatedVideo);
    }
  });
}
