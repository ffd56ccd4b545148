import type { LiveConference } from '../../../core/live/now';
import { sessionKey } from '../../../core/live/now';
import type { Star, WatchLater } from '../../../core/personal/model';
import type { LanyardDb, SessionRecord } from './schema';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** The agenda's stars by `conferenceId\nsessionId` (entries without a star are notes only). */
export async function agendaStars(db: LanyardDb): Promise<Map<string, Star>> {
  const rows = await db.agenda.toArray();
  return new Map(rows.filter((r) => r.star && r.removedAt === undefined).map((r) => [sessionKey(r.conferenceId, r.sessionId), r.star!]));
}

/** Groups sessions with their conference and rooms, for core/live; archived subscriptions are left out. */
async function withConferences(db: LanyardDb, sessions: SessionRecord[]): Promise<LiveConference[]> {
  const ids = [...new Set(sessions.map((s) => s.conferenceId))];
  const [records, subs] = await Promise.all([db.conferences.bulkGet(ids), db.subscriptions.bulkGet(ids)]);
  const out: LiveConference[] = [];
  for (const [i, id] of ids.entries()) {
    const record = records[i];
    if (!record || subs[i]?.archived) continue;
    const rooms = await db.rooms.where('conferenceId').equals(id).toArray();
    out.push({ id, conference: record.conference, rooms, sessions: sessions.filter((s) => s.conferenceId === id) });
  }
  return out;
}

/** Sessions that could be on at `now` or start within `soonMinutes`, across conferences. */
export async function liveCandidates(db: LanyardDb, now: number, soonMinutes = 15): Promise<LiveConference[]> {
  // Stored instants have no milliseconds (`…:00Z`), so leave a minute's slack on the upper bound.
  const sessions = await db.sessions.where('start').between(iso(now - DAY), iso(now + (soonMinutes + 1) * 60_000), true, true).toArray();
  return withConferences(db, sessions.filter((s) => Date.parse(s.end) > now));
}

/** The next session to start after `now` in a conference that is not archived (for an empty Live view). */
export async function nextSession(db: LanyardDb, now: number): Promise<{ session: SessionRecord; conferenceTitle: string; timeZone: string } | undefined> {
  const archived = new Set((await db.subscriptions.filter((s) => s.archived === 1).toArray()).map((s) => s.id));
  const session = await db.sessions
    .where('start')
    .above(iso(now))
    .filter((s) => !archived.has(s.conferenceId) && !s.cancelled && s.type !== 'break')
    .first();
  if (!session) return undefined;
  const record = await db.conferences.get(session.conferenceId);
  return record ? { session, conferenceTitle: record.conference.title, timeZone: record.conference.timeZone } : undefined;
}

/** Sessions that have ended and carry a recording link. */
export async function recordedCandidates(db: LanyardDb, now: number): Promise<LiveConference[]> {
  const sessions = await db.sessions.filter((s) => Date.parse(s.end) <= now && s.links.some((l) => l.kind === 'recording')).toArray();
  return withConferences(db, sessions);
}

export async function isWatchLater(db: LanyardDb, conferenceId: string, sessionId: string): Promise<boolean> {
  return (await db.watchLater.get([conferenceId, sessionId])) !== undefined;
}

export async function watchLaterList(db: LanyardDb): Promise<WatchLater[]> {
  return db.watchLater.orderBy('addedAt').toArray();
}

/** Adds a session to "watch later" (with its identity, so it survives renumbering) or removes it. */
export async function setWatchLater(db: LanyardDb, conferenceId: string, sessionId: string, on: boolean, now: number): Promise<void> {
  if (!on) {
    await db.watchLater.delete([conferenceId, sessionId]);
    return;
  }
  const session = await db.sessions.get([conferenceId, sessionId]);
  if (!session) throw new Error(`The session ${sessionId} is not stored any more.`);
  const speakers = await db.speakers.bulkGet(session.speakerIds.map((id) => [conferenceId, id] as [string, string]));
  await db.watchLater.put({
    conferenceId,
    sessionId,
    identity: {
      id: session.id,
      ...(session.guid ? { guid: session.guid } : {}),
      ...(session.sourceId ? { sourceId: session.sourceId } : {}),
      title: session.title,
      speakers: speakers.flatMap((s) => (s ? [s.name] : [])),
      day: session.day,
      start: session.start,
    },
    addedAt: now,
  });
}

/** Marks a watch-later entry as watched (or not yet). */
export async function setWatched(db: LanyardDb, conferenceId: string, sessionId: string, watched: boolean, now: number): Promise<void> {
  const entry = await db.watchLater.get([conferenceId, sessionId]);
  if (!entry) return;
  const { watchedAt: _old, ...rest } = entry;
  await db.watchLater.put(watched ? { ...rest, watchedAt: now } : rest);
}
