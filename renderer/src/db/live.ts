import type { LiveConference } from '../../../core/live/now';
import { sessionKey } from '../../../core/live/now';
import type { Star, WatchLater } from '../../../core/personal/model';
import { readSchedule, readSchedules, type StoredSchedule } from './schedules';
import type { ConferenceRecord, LanyardDb, SessionRecord } from './schema';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** The agenda's stars by `conferenceId\nsessionId` (entries without a star are notes only). */
export async function agendaStars(db: LanyardDb): Promise<Map<string, Star>> {
  const rows = await db.agenda.toArray();
  return new Map(rows.filter((r) => r.star && r.removedAt === undefined).map((r) => [sessionKey(r.conferenceId, r.sessionId), r.star!]));
}

/**
 * The schedules of the conferences that are not archived and whose sessions could fall in
 * [from, to] (by the stored first start and last end), with their records.
 */
async function schedulesOverlapping(db: LanyardDb, from: number, to: number): Promise<Array<{ record: ConferenceRecord; schedule: StoredSchedule; feedUrl: string | undefined }>> {
  const [records, subs] = await Promise.all([
    db.conferences.filter((c) => c.firstStart <= to && c.lastEnd >= from).toArray(),
    db.subscriptions.toArray(),
  ]);
  const byId = new Map(subs.map((s) => [s.id, s]));
  const wanted = records.filter((r) => !byId.get(r.id)?.archived);
  const schedules = await readSchedules(db, wanted.map((r) => r.id));
  return wanted.flatMap((record) => {
    const schedule = schedules.get(record.id);
    return schedule ? [{ record, schedule, feedUrl: byId.get(record.id)?.url }] : [];
  });
}

/** Conferences with the sessions `keep` picks, for core/live; conferences with none are left out. */
function pick(found: Array<{ record: ConferenceRecord; schedule: StoredSchedule; feedUrl: string | undefined }>, keep: (s: SessionRecord) => boolean): LiveConference[] {
  return found.flatMap(({ record, schedule, feedUrl }) => {
    const sessions = schedule.sessions.filter(keep);
    return sessions.length ? [{ id: record.id, conference: record.conference, feedUrl, rooms: schedule.rooms, sessions }] : [];
  });
}

/** Sessions that could be on at `now` or start within `soonMinutes`, across conferences. */
export async function liveCandidates(db: LanyardDb, now: number, soonMinutes = 15): Promise<LiveConference[]> {
  // Stored instants have no milliseconds (`…:00Z`), so leave a minute's slack on the upper bound.
  const from = iso(now - DAY);
  const to = iso(now + (soonMinutes + 1) * 60_000);
  const found = await schedulesOverlapping(db, now, now + (soonMinutes + 1) * 60_000);
  return pick(found, (s) => s.start >= from && s.start <= to && Date.parse(s.end) > now);
}

/** The next session to start after `now` in a conference that is not archived (for an empty Live view). */
export async function nextSession(db: LanyardDb, now: number): Promise<{ session: SessionRecord; conferenceTitle: string; timeZone: string } | undefined> {
  const after = iso(now);
  let best: { session: SessionRecord; record: ConferenceRecord } | undefined;
  for (const { record, schedule } of await schedulesOverlapping(db, now, Infinity)) {
    // Sessions are stored by start: the first one after `now` is this conference's next.
    const session = schedule.sessions.find((s) => s.start > after && !s.cancelled && s.type !== 'break');
    if (session && (!best || session.start < best.session.start)) best = { session, record };
  }
  return best ? { session: best.session, conferenceTitle: best.record.conference.title, timeZone: best.record.conference.timeZone } : undefined;
}

/**
 * Sessions that have ended and carry a recording link: from their feed, or found on
 * media.ccc.de by the recordings watcher (added to the session's links here).
 */
export async function recordedCandidates(db: LanyardDb, now: number): Promise<LiveConference[]> {
  const [found, external] = await Promise.all([schedulesOverlapping(db, -Infinity, now), db.externalRecordings.filter((r) => r.links.length > 0).toArray()]);
  const extra = new Map(external.map((r) => [sessionKey(r.conferenceId, r.sessionId), r.links]));
  const withExtra = found.map((f) => {
    if (!external.some((r) => r.conferenceId === f.record.id)) return f;
    const sessions = f.schedule.sessions.map((s) => {
      const links = extra.get(sessionKey(s.conferenceId, s.id));
      return links ? { ...s, links: [...s.links, ...links.filter((l) => !s.links.some((x) => x.url === l.url))] } : s;
    });
    return { ...f, schedule: { ...f.schedule, sessions } };
  });
  return pick(withExtra, (s) => Date.parse(s.end) <= now && s.links.some((l) => l.kind === 'recording'));
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
  const schedule = await readSchedule(db, conferenceId);
  const session = schedule?.sessions.find((s) => s.id === sessionId);
  if (!schedule || !session) throw new Error(`The session ${sessionId} is not stored any more.`);
  const speakers = session.speakerIds.map((id) => schedule.speakers.find((s) => s.id === id));
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
