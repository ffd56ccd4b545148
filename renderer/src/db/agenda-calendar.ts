import type { AgendaCalendarPart } from '../../../core/export/agenda-ical';
import type { IcsMatch, StoredConference } from '../../../core/personal/ical-import';
import type { AgendaEntry, SessionIdentity, Star } from '../../../core/personal/model';
import type { LanyardDb, SessionRecord } from './schema';

const strip = <T extends { conferenceId: string }>(rows: T[]): Array<Omit<T, 'conferenceId'>> => rows.map(({ conferenceId: _c, ...rest }) => rest);

/** One conference's export part: the given sessions with rooms, speakers, tracks and revision history. */
async function partFor(db: LanyardDb, conferenceId: string, pick: (s: SessionRecord) => boolean, stars: ReadonlyMap<string, Star>): Promise<AgendaCalendarPart | undefined> {
  const record = await db.conferences.get(conferenceId);
  if (!record) return undefined;
  const [sessions, rooms, speakers, tracks, revisions] = await Promise.all([
    db.sessions.where('conferenceId').equals(conferenceId).sortBy('start'),
    db.rooms.where('conferenceId').equals(conferenceId).toArray(),
    db.speakers.where('conferenceId').equals(conferenceId).toArray(),
    db.tracks.where('conferenceId').equals(conferenceId).toArray(),
    db.revisions.where('conferenceId').equals(conferenceId).toArray(),
  ]);
  const chosen = sessions.filter(pick);
  if (chosen.length === 0) return undefined;
  return {
    conferenceId,
    conference: record.conference,
    sessions: strip(chosen),
    rooms: strip(rooms).map(({ order: _o, ...room }) => room),
    speakers: strip(speakers),
    tracks: strip(tracks),
    revisions: revisions.map((r) => ({ at: r.at, changes: r.changes })),
    stars,
  };
}

/** The starred sessions (going or maybe) of one conference or of all, ready for agendaToICal. */
export async function agendaCalendarParts(db: LanyardDb, conferenceId?: string): Promise<AgendaCalendarPart[]> {
  const entries = await (conferenceId ? db.agenda.where('conferenceId').equals(conferenceId).toArray() : db.agenda.toArray());
  const byConference = new Map<string, Map<string, Star>>();
  for (const entry of entries) {
    if (!entry.star || entry.removedAt) continue;
    const stars = byConference.get(entry.conferenceId) ?? new Map<string, Star>();
    stars.set(entry.sessionId, entry.star);
    byConference.set(entry.conferenceId, stars);
  }
  const parts = await Promise.all([...byConference].map(([id, stars]) => partFor(db, id, (s) => stars.has(s.id), stars)));
  return parts.filter((p): p is AgendaCalendarPart => p !== undefined);
}

/** One session as an export part (the session page's "Add to calendar"). */
export async function sessionCalendarPart(db: LanyardDb, conferenceId: string, sessionId: string): Promise<AgendaCalendarPart | undefined> {
  const entry = await db.agenda.get([conferenceId, sessionId]);
  return partFor(db, conferenceId, (s) => s.id === sessionId, new Map(entry?.star ? [[sessionId, entry.star]] : []));
}

/** Every stored conference's sessions, for matching an imported .ics. */
export async function storedConferences(db: LanyardDb): Promise<StoredConference[]> {
  const records = await db.conferences.toArray();
  return Promise.all(
    records.map(async (record) => ({
      conferenceId: record.id,
      conference: record.conference,
      sessions: await db.sessions.where('conferenceId').equals(record.id).toArray(),
    })),
  );
}

/** The identity an agenda entry keeps, so it can be re-attached after renumbering. */
export async function identityOf(db: LanyardDb, session: SessionRecord): Promise<SessionIdentity> {
  const speakers = await db.speakers.where('[conferenceId+id]').anyOf(session.speakerIds.map((id) => [session.conferenceId, id])).toArray();
  const names = new Map(speakers.map((s) => [s.id, s.name]));
  const identity: SessionIdentity = { id: session.id, title: session.title, speakers: session.speakerIds.map((id) => names.get(id) ?? id), day: session.day, start: session.start };
  if (session.guid) identity.guid = session.guid;
  if (session.sourceId) identity.sourceId = session.sourceId;
  return identity;
}

/**
 * Stars the sessions an imported .ics matched (as "going", or the level the file carries).
 * A session already starred keeps its level and note. Returns how many were newly starred.
 */
export async function starMatches(db: LanyardDb, matches: readonly IcsMatch[], now: number): Promise<{ starred: number; already: number }> {
  let starred = 0;
  let already = 0;
  await db.transaction('rw', [db.agenda, db.sessions, db.speakers], async () => {
    for (const match of matches) {
      const existing = await db.agenda.get([match.conferenceId, match.sessionId]);
      if (existing?.star) {
        already += 1;
        continue;
      }
      const session = await db.sessions.get([match.conferenceId, match.sessionId]);
      if (!session) continue;
      const entry: AgendaEntry = existing
        ? { ...existing, star: match.star ?? 'going', updatedAt: now }
        : { conferenceId: match.conferenceId, sessionId: match.sessionId, identity: await identityOf(db, session), star: match.star ?? 'going', updatedAt: now };
      await db.agenda.put(entry);
      starred += 1;
    }
  });
  return { starred, already };
}
