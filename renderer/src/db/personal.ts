import Dexie from 'dexie';
import type { FeedDiff } from '../../../core/feed/diff';
import type { Feed } from '../../../core/model/schema';
import { identityOf, locateInRevision, oldToNewIds } from '../../../core/personal/identity';
import type { AgendaEntry, ConferencePrefs, Star, WatchLater } from '../../../core/personal/model';
import { planReminders, reconcileReminders, type SessionTimes } from '../../../core/personal/reminders';
import { getSessions } from './schedules';
import type { ChangeMarkRecord, LanyardDb, RevisionRecord, SessionRecord } from './schema';

/** Tables every agenda write touches (the agenda and its reminders change together). */
export const PERSONAL_TABLES = ['agenda', 'prefs', 'reminders', 'schedules'] as const;

/** Key of an entry whose session the organizers removed: it must not collide with a new session that reuses the id. */
export function tombstoneKey(sessionId: string): string {
  return sessionId.startsWith('removed:') ? sessionId : `removed:${sessionId}`;
}

/** Re-plans one conference's reminders from its agenda, prefs and sessions. Call inside a transaction over PERSONAL_TABLES. */
export async function replanReminders(db: LanyardDb, conferenceId: string, now: number, sessions?: ReadonlyMap<string, SessionTimes>): Promise<void> {
  const [entries, prefs, stored] = await Promise.all([
    db.agenda.where('conferenceId').equals(conferenceId).toArray(),
    db.prefs.get(conferenceId),
    db.reminders.where('conferenceId').equals(conferenceId).toArray(),
  ]);
  let times = sessions;
  if (!times) {
    const going = entries.filter((e) => e.star === 'going' && e.removedAt === undefined);
    const rows = await getSessions(db, going.map((e): [string, string] => [conferenceId, e.sessionId]));
    times = new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
  }
  const { put, remove } = reconcileReminders(stored, planReminders(conferenceId, entries, times, prefs), now);
  if (remove.length) await db.reminders.bulkDelete(remove);
  if (put.length) await db.reminders.bulkPut(put);
}


type EntryChange = Partial<Pick<AgendaEntry, 'star' | 'note' | 'reminderMinutes'>>;

/**
 * Changes one session's agenda entry (star, note, reminder override) and re-plans the
 * conference's reminders in the same transaction. An entry left with nothing in it is deleted.
 */
export async function updateEntry(db: LanyardDb, conferenceId: string, sessionId: string, change: EntryChange, now: number): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    const existing = await db.agenda.get([conferenceId, sessionId]);
    let entry: AgendaEntry;
    if (existing) entry = { ...existing, updatedAt: now };
    else {
      const schedule = await db.schedules.get(conferenceId);
      const session = schedule?.sessions.find((s) => s.id === sessionId);
      if (!schedule || !session) throw new Error(`The session "${sessionId}" is not in the stored schedule.`);
      const names = new Map(schedule.speakers.map((s) => [s.id, s.name]));
      entry = { conferenceId, sessionId, identity: identityOf(session, (id) => names.get(id)), updatedAt: now };
    }
    for (const [k, v] of Object.entries(change) as Array<[keyof EntryChange, EntryChange[keyof EntryChange]]>) {
      if (v === undefined || (k === 'note' && v === '')) delete entry[k];
      else Object.assign(entry, { [k]: v });
    }
    const isEmpty = entry.star === undefined && !entry.note && entry.reminderMinutes === undefined;
    if (isEmpty) await db.agenda.delete([conferenceId, sessionId]);
    else await db.agenda.put(entry);
    await replanReminders(db, conferenceId, now);
  });
}

export function setStar(db: LanyardDb, conferenceId: string, sessionId: string, star: Star | undefined, now: number): Promise<void> {
  return updateEntry(db, conferenceId, sessionId, { star }, now);
}

/** Per-conference reminder settings; reminders are re-planned at once. */
export async function savePrefs(db: LanyardDb, prefs: ConferencePrefs, now: number): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    await db.prefs.put(prefs);
    await replanReminders(db, prefs.conferenceId, now);
  });
}

function merge(a: AgendaEntry, b: AgendaEntry): AgendaEntry {
  const star: Star | undefined = a.star === 'going' || b.star === 'going' ? 'going' : (a.star ?? b.star);
  const notes = [a.note, b.note].filter((n): n is string => Boolean(n));
  const merged: AgendaEntry = { ...b, ...a, updatedAt: Math.max(a.updatedAt, b.updatedAt) };
  if (star) merged.star = star;
  if (notes.length) merged.note = [...new Set(notes)].join('\n\n').slice(0, 20_000);
  return merged;
}

export interface ReattachInput {
  conferenceId: string;
  previous: Feed | undefined;
  next: Feed;
  diff: FeedDiff | undefined;
  revisionId: number | undefined;
  now: number;
}

/**
 * After a new revision is written (inside the same transaction, so a favourite never points
 * at nothing): every agenda entry and watch-later item is re-attached to its session's id in
 * the new revision; an entry whose session vanished stays, marked removed by the organizers;
 * reminders are re-planned; changed sessions get an unseen mark.
 */
export async function reattachPersonal(db: LanyardDb, input: ReattachInput): Promise<{ reattached: number; removed: number }> {
  const { conferenceId, previous, next, now } = input;
  const [entries, watch, marks] = await Promise.all([
    db.agenda.where('conferenceId').equals(conferenceId).toArray(),
    db.watchLater.where('conferenceId').equals(conferenceId).toArray(),
    db.changeMarks.where('conferenceId').equals(conferenceId).toArray(),
  ]);
  const byOldId = previous ? oldToNewIds(previous, next) : undefined;
  const previousIds = previous ? new Set(previous.sessions.map((s) => s.id)) : undefined;
  const located = locateInRevision([...entries, ...watch], next, previousIds, byOldId);
  const names = new Map(next.speakers.map((s) => [s.id, s.name]));
  const nameOf = (id: string): string | undefined => names.get(id);

  const agenda = new Map<string, AgendaEntry>();
  let removed = 0;
  for (const entry of entries) {
    const session = located.get(entry.sessionId);
    let updated: AgendaEntry;
    if (session) {
      const { removedAt: _gone, ...rest } = entry;
      updated = { ...rest, sessionId: session.id, identity: identityOf(session, nameOf) };
    } else {
      updated = { ...entry, sessionId: tombstoneKey(entry.sessionId), removedAt: entry.removedAt ?? now };
      removed += 1;
    }
    const clash = agenda.get(updated.sessionId);
    agenda.set(updated.sessionId, clash ? merge(clash, updated) : updated);
  }
  const watchLater = new Map<string, WatchLater>();
  for (const item of watch) {
    const session = located.get(item.sessionId);
    const updated = session ? { ...item, sessionId: session.id, identity: identityOf(session, nameOf) } : item;
    if (!watchLater.has(updated.sessionId)) watchLater.set(updated.sessionId, updated);
  }
  await db.agenda.where('conferenceId').equals(conferenceId).delete();
  await db.agenda.bulkPut([...agenda.values()]);
  await db.watchLater.where('conferenceId').equals(conferenceId).delete();
  await db.watchLater.bulkPut([...watchLater.values()]);

  const nextMarks = new Map<string, ChangeMarkRecord>();
  for (const mark of marks) {
    const session = previousIds?.has(mark.sessionId) ? byOldId?.get(mark.sessionId) : next.sessions.find((s) => s.id === mark.sessionId);
    if (session) nextMarks.set(session.id, { ...mark, sessionId: session.id });
  }
  if (input.diff && input.revisionId !== undefined) {
    for (const change of input.diff.changes) {
      if (change.tags.includes('removed')) continue;
      const before = nextMarks.get(change.sessionId);
      const tags = [...new Set([...(before?.tags ?? []), ...change.tags])];
      nextMarks.set(change.sessionId, { conferenceId, sessionId: change.sessionId, revisionId: input.revisionId, at: now, tags });
    }
  }
  await db.changeMarks.where('conferenceId').equals(conferenceId).delete();
  await db.changeMarks.bulkPut([...nextMarks.values()]);

  // Reminders follow their sessions' new ids, so a re-plan sees the old fire time (and says the reminder moved).
  const reminders = await db.reminders.where('conferenceId').equals(conferenceId).toArray();
  await db.reminders.where('conferenceId').equals(conferenceId).delete();
  await db.reminders.bulkPut(reminders.flatMap((r) => {
    const session = located.get(r.sessionId);
    return session ? [{ ...r, sessionId: session.id }] : [];
  }));
  await replanReminders(db, conferenceId, now, new Map(next.sessions.map((s) => [s.id, s])));
  return { reattached: entries.length - removed, removed };
}

/** The session was looked at: its change mark goes. */
export async function markSeen(db: LanyardDb, conferenceId: string, sessionId: string): Promise<void> {
  await db.changeMarks.delete([conferenceId, sessionId]);
}

export async function markAllSeen(db: LanyardDb, conferenceId: string): Promise<void> {
  await db.changeMarks.where('conferenceId').equals(conferenceId).delete();
}

/** Re-plans every conference's reminders (start-up: the clock, prefs or sessions may have changed while closed). */
export async function replanAll(db: LanyardDb, now: number): Promise<void> {
  const ids = await db.conferences.toCollection().primaryKeys();
  for (const id of ids) await db.transaction('rw', [...PERSONAL_TABLES], () => replanReminders(db, id, now));
}

/** One revision record (for a session's "what changed" box). */
export function getRevision(db: LanyardDb, id: number): Promise<RevisionRecord | undefined> {
  return db.revisions.get(id);
}

/** A conference's revisions that changed something, newest first. */
export function listRevisions(db: LanyardDb, conferenceId: string): Promise<RevisionRecord[]> {
  return db.revisions.where('[conferenceId+at]').between([conferenceId, Dexie.minKey], [conferenceId, Dexie.maxKey]).reverse().toArray();
}

/** Forgets an agenda entry (a removed session the user no longer wants listed). */
export async function forgetEntry(db: LanyardDb, conferenceId: string, sessionId: string, now: number): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    await db.agenda.delete([conferenceId, sessionId]);
    await replanReminders(db, conferenceId, now);
  });
}

export interface NextSession {
  conferenceId: string;
  conferenceTitle: string;
  zone: string;
  session: SessionRecord;
  roomName: string | undefined;
  reminderAt: number | undefined;
}

/** Every "going" session across conferences that has not ended, soonest first (for "Next for me"). */
export async function upcomingGoing(db: LanyardDb, now: number): Promise<NextSession[]> {
  const going = await db.agenda.where('star').equals('going').filter((e) => e.removedAt === undefined).toArray();
  const sessions = await getSessions(db, going.map((e): [string, string] => [e.conferenceId, e.sessionId]));
  const live = sessions.filter((s): s is SessionRecord => s !== undefined && !s.cancelled && Date.parse(s.end) > now).sort((a, b) => a.start.localeCompare(b.start));
  const out: NextSession[] = [];
  for (const session of live.slice(0, 3)) {
    const [conference, schedule, reminder] = await Promise.all([
      db.conferences.get(session.conferenceId),
      session.roomId ? db.schedules.get(session.conferenceId) : undefined,
      db.reminders.get([session.conferenceId, session.id]),
    ]);
    const room = schedule?.rooms.find((r) => r.id === session.roomId);
    if (!conference) continue;
    out.push({
      conferenceId: session.conferenceId,
      conferenceTitle: conference.conference.title,
      zone: conference.conference.timeZone,
      session,
      roomName: room?.name,
      reminderAt: reminder?.state === 'planned' ? reminder.fireAt : undefined,
    });
  }
  return out;
}
