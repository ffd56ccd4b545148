import type { AgendaCalendarPart } from '../../../core/export/agenda-ical';
import type { IcsMatch, StoredConference } from '../../../core/personal/ical-import';
import { identityOf } from '../../../core/personal/identity';
import type { AgendaEntry, Star } from '../../../core/personal/model';
import { effectivePrefs, reminderMinutesFor } from '../../../core/personal/reminders';
import { readSchedules } from './schedules';
import type { LanyardDb, SessionRecord } from './schema';

/**
 * One conference's export part: the given sessions with rooms, speakers, tracks, revision
 * history, and from the user's entries their star levels, reminders (the per-session or the
 * conference's setting, as the app itself reminds: *going* sessions, reminders on) and edit times.
 */
async function partFor(db: LanyardDb, conferenceId: string, pick: (s: SessionRecord) => boolean, entries: readonly AgendaEntry[]): Promise<AgendaCalendarPart | undefined> {
  const record = await db.conferences.get(conferenceId);
  if (!record) return undefined;
  const [schedule, revisions, prefs] = await Promise.all([
    db.schedules.get(conferenceId),
    db.revisions.where('conferenceId').equals(conferenceId).toArray(),
    db.prefs.get(conferenceId),
  ]);
  const settings = effectivePrefs(conferenceId, prefs);
  const stars = new Map<string, Star>();
  const reminders = new Map<string, number>();
  const updatedAt = new Map<string, number>();
  for (const entry of entries) {
    if (entry.star) stars.set(entry.sessionId, entry.star);
    const minutes = reminderMinutesFor(entry, settings);
    if (minutes !== undefined) reminders.set(entry.sessionId, minutes);
    updatedAt.set(entry.sessionId, entry.updatedAt);
  }
  const chosen = schedule?.sessions.filter((s) => pick({ ...s, conferenceId })) ?? [];
  if (!schedule || chosen.length === 0) return undefined;
  return {
    conferenceId,
    conference: record.conference,
    sessions: chosen,
    rooms: schedule.rooms,
    speakers: schedule.speakers,
    tracks: schedule.tracks,
    revisions: revisions.map((r) => ({ at: r.at, changes: r.changes })),
    stars,
    reminders,
    updatedAt,
  };
}

/** The starred sessions (going or maybe) of one conference or of all, ready for agendaToICal. */
export async function agendaCalendarParts(db: LanyardDb, conferenceId?: string): Promise<AgendaCalendarPart[]> {
  const entries = await (conferenceId ? db.agenda.where('conferenceId').equals(conferenceId).toArray() : db.agenda.toArray());
  const byConference = new Map<string, AgendaEntry[]>();
  for (const entry of entries) {
    if (!entry.star || entry.removedAt) continue;
    const list = byConference.get(entry.conferenceId) ?? [];
    list.push(entry);
    byConference.set(entry.conferenceId, list);
  }
  const parts = await Promise.all(
    [...byConference].map(([id, list]) => {
      const ids = new Set(list.map((e) => e.sessionId));
      return partFor(db, id, (s) => ids.has(s.id), list);
    }),
  );
  return parts.filter((p): p is AgendaCalendarPart => p !== undefined);
}

/** One session as an export part (the session page's "Add to calendar"). */
export async function sessionCalendarPart(db: LanyardDb, conferenceId: string, sessionId: string): Promise<AgendaCalendarPart | undefined> {
  const entry = await db.agenda.get([conferenceId, sessionId]);
  return partFor(db, conferenceId, (s) => s.id === sessionId, entry?.star ? [entry] : []);
}

/** Every stored conference's sessions, for matching an imported .ics. */
export async function storedConferences(db: LanyardDb): Promise<StoredConference[]> {
  const [records, schedules] = await Promise.all([db.conferences.toArray(), readSchedules(db)]);
  return records.map((record) => ({ conferenceId: record.id, conference: record.conference, sessions: schedules.get(record.id)?.sessions ?? [] }));
}

/**
 * Stars the sessions an imported .ics matched (as "going", or the level the file carries).
 * A session already starred keeps its level and note. Returns how many were newly starred.
 */
export async function starMatches(db: LanyardDb, matches: readonly IcsMatch[], now: number): Promise<{ starred: number; already: number }> {
  let starred = 0;
  let already = 0;
  await db.transaction('rw', [db.agenda, db.schedules], async () => {
    for (const match of matches) {
      const existing = await db.agenda.get([match.conferenceId, match.sessionId]);
      if (existing?.star) {
        already += 1;
        continue;
      }
      const schedule = await db.schedules.get(match.conferenceId);
      const session = schedule?.sessions.find((s) => s.id === match.sessionId);
      if (!schedule || !session) continue;
      const names = new Map(schedule.speakers.map((s) => [s.id, s.name]));
      const entry: AgendaEntry = existing
        ? { ...existing, star: match.star ?? 'going', updatedAt: now }
        : { conferenceId: match.conferenceId, sessionId: match.sessionId, identity: identityOf(session, (id) => names.get(id)), star: match.star ?? 'going', updatedAt: now };
      await db.agenda.put(entry);
      starred += 1;
    }
  });
  return { starred, already };
}
