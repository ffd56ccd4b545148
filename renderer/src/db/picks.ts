import type { Picks } from '../../../core/personal/picks-link';
import type { Star } from '../../../core/personal/model';
import { setStar } from './personal';
import { readSchedule } from './schedules';
import type { ConferenceRecord, LanyardDb, SessionRecord } from './schema';

export interface OpenedPicks {
  /** The conference the link names, when this app follows it (by key, else by feed URL). */
  conference?: ConferenceRecord;
  /** The picks found in it, in schedule order, with the user's own star if any. */
  found: Array<{ session: SessionRecord; star: Star | undefined }>;
  /** Ids the link names that this copy of the conference does not have. */
  missing: string[];
}

/** What a shared picks link points at here: the conference (if followed), its sessions found and not found. */
export async function openPicks(db: LanyardDb, picks: Picks): Promise<OpenedPicks> {
  let subscription = await db.subscriptions.get(picks.conferenceId);
  if (!subscription && picks.feedUrl) subscription = (await db.subscriptions.toArray()).find((s) => s.url === picks.feedUrl);
  const conference = subscription ? await db.conferences.get(subscription.id) : undefined;
  if (!conference) return { found: [], missing: [] };
  const [schedule, entries] = await Promise.all([readSchedule(db, conference.id), db.agenda.where('conferenceId').equals(conference.id).toArray()]);
  const wanted = new Set(picks.sessionIds);
  const stars = new Map(entries.map((e) => [e.sessionId, e.star]));
  const found = (schedule?.sessions ?? []).filter((s) => wanted.has(s.id)).map((session) => ({ session, star: stars.get(session.id) }));
  const have = new Set(found.map((f) => f.session.id));
  return { conference, found, missing: picks.sessionIds.filter((id) => !have.has(id)) };
}

/** Adds shared picks as *maybe*; a session the user already starred keeps its own level. */
export async function addPicksAsMaybe(db: LanyardDb, conferenceId: string, sessionIds: readonly string[], now: number): Promise<{ added: number; kept: number }> {
  const entries = await db.agenda.where('conferenceId').equals(conferenceId).toArray();
  const starred = new Set(entries.filter((e) => e.star).map((e) => e.sessionId));
  let added = 0;
  for (const id of sessionIds) {
    if (starred.has(id)) continue;
    await setStar(db, conferenceId, id, 'maybe', now);
    added += 1;
  }
  return { added, kept: sessionIds.length - added };
}
