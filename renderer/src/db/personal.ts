import Dexie from 'dexie';
import type { FeedDiff } from '../../../core/feed/diff';
import type { Feed, Session } from '../../../core/model/schema';
import { identityOf, locateInRevision, oldToNewIds } from '../../../core/personal/identity';
import type { AgendaEntry, ConferencePrefs, SessionIdentity, Star, WatchLater } from '../../../core/personal/model';
import { planReminders, reconcileReminders, type ReminderRecord, type SessionTimes } from '../../../core/personal/reminders';
import type { ScheduleInMemory, ScheduleModel } from './schedule-model';
import { getSessions } from './schedules';
import type { ChangeMarkRecord, ConferenceRecord, LanyardDb, RevisionRecord, SessionRecord } from './schema';

/** Tables every agenda write touches (the agenda and its reminders change together). */
const PERSONAL_TABLES = ['agenda', 'prefs', 'reminders', 'schedules', 'conferences'] as const;

/** Key of an entry whose session the organizers removed: it must not collide with a new session that reuses the id. */
function tombstoneKey(sessionId: string): string {
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
 * The schedule the caller holds in memory, when it is still the stored revision: then an
 * agenda write reads only the conference's small record, never its schedule (a FOSDEM
 * schedule is a 2 MB row). Call inside a transaction over PERSONAL_TABLES.
 */
async function currentInMemory(db: LanyardDb, conferenceId: string, schedule: ScheduleInMemory | undefined): Promise<ScheduleInMemory | undefined> {
  if (!schedule) return undefined;
  const record = await db.conferences.get(conferenceId);
  return record?.storedAt === schedule.storedAt ? schedule : undefined;
}

/**
 * Changes one session's agenda entry (star, note, reminder override) and re-plans the
 * conference's reminders in the same transaction. An entry left with nothing in it is deleted.
 * With the schedule in memory (`schedule`, the read model on screen) nothing reads the stored schedule.
 */
export async function updateEntry(db: LanyardDb, conferenceId: string, sessionId: string, change: EntryChange, now: number, schedule?: ScheduleInMemory): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    const [existing, inMemory] = await Promise.all([db.agenda.get([conferenceId, sessionId]), currentInMemory(db, conferenceId, schedule)]);
    let entry: AgendaEntry;
    if (existing) entry = { ...existing, updatedAt: now };
    else if (inMemory) {
      const session = inMemory.byId.get(sessionId);
      if (!session) throw new Error(`The session "${sessionId}" is not in the stored schedule.`);
      entry = { conferenceId, sessionId, identity: identityOf(session, (id) => inMemory.speakersById.get(id)?.name), updatedAt: now };
    } else {
      const stored = await db.schedules.get(conferenceId);
      const session = stored?.sessions.find((s) => s.id === sessionId);
      if (!stored || !session) throw new Error(`The session "${sessionId}" is not in the stored schedule.`);
      const names = new Map(stored.speakers.map((s) => [s.id, s.name]));
      entry = { conferenceId, sessionId, identity: identityOf(session, (id) => names.get(id)), updatedAt: now };
    }
    for (const [k, v] of Object.entries(change) as Array<[keyof EntryChange, EntryChange[keyof EntryChange]]>) {
      if (v === undefined || (k === 'note' && v === '')) delete entry[k];
      else Object.assign(entry, { [k]: v });
    }
    const isEmpty = entry.star === undefined && !entry.note && entry.reminderMinutes === undefined;
    if (isEmpty) await db.agenda.delete([conferenceId, sessionId]);
    else await db.agenda.put(entry);
    // Reminders are re-planned from the times already in memory.
    await replanReminders(db, conferenceId, now, inMemory?.byId);
  });
}

/** Stars (going / maybe) or unstars one session; see updateEntry. */
export function setStar(db: LanyardDb, conferenceId: string, sessionId: string, star: Star | undefined, now: number, schedule?: ScheduleInMemory): Promise<void> {
  return updateEntry(db, conferenceId, sessionId, { star }, now, schedule);
}

/** Per-conference reminder settings; reminders are re-planned at once (from `schedule` when it is in memory). */
export async function savePrefs(db: LanyardDb, prefs: ConferencePrefs, now: number, schedule?: ScheduleInMemory): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    await db.prefs.put(prefs);
    const inMemory = await currentInMemory(db, prefs.conferenceId, schedule);
    await replanReminders(db, prefs.conferenceId, now, inMemory?.byId);
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

/** What a removed session was in the last revision that had it: its end, room and track, beside the remembered title, start and speakers. */
function lastKnown(identity: SessionIdentity, session: Session, feed: Feed | undefined): SessionIdentity {
  const room = session.roomId ? feed?.rooms.find((r) => r.id === session.roomId)?.name : undefined;
  const track = session.trackId ? feed?.tracks.find((t) => t.id === session.trackId)?.name : undefined;
  return { ...identity, start: session.start, end: session.end, ...(room ? { room } : {}), ...(track ? { track } : {}) };
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
  const previousById = previous ? new Map(previous.sessions.map((s) => [s.id, s])) : undefined;

  const agenda = new Map<string, AgendaEntry>();
  let removed = 0;
  for (const entry of entries) {
    const session = located.get(entry.sessionId);
    let updated: AgendaEntry;
    if (session) {
      const { removedAt: _gone, ...rest } = entry;
      updated = { ...rest, sessionId: session.id, identity: identityOf(session, nameOf) };
    } else {
      const last = entry.removedAt === undefined ? previousById?.get(entry.sessionId) : undefined;
      updated = { ...entry, sessionId: tombstoneKey(entry.sessionId), removedAt: entry.removedAt ?? now, identity: last ? lastKnown(entry.identity, last, previous) : entry.identity };
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
export async function forgetEntry(db: LanyardDb, conferenceId: string, sessionId: string, now: number, schedule?: ScheduleInMemory): Promise<void> {
  await db.transaction('rw', [...PERSONAL_TABLES], async () => {
    await db.agenda.delete([conferenceId, sessionId]);
    const inMemory = await currentInMemory(db, conferenceId, schedule);
    await replanReminders(db, conferenceId, now, inMemory?.byId);
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

/** The user's "going" entries in conferences that have not ended, with their conferences and reminders: small, for a live query. */
export interface GoingState {
  entries: AgendaEntry[];
  conferences: ConferenceRecord[];
  reminders: ReminderRecord[];
}

/** Reads only agenda rows, conference records and reminders: a star re-runs it without reading any schedule. */
export async function goingState(db: LanyardDb, now: number): Promise<GoingState> {
  const going = await db.agenda.where('star').equals('going').filter((e) => e.removedAt === undefined).toArray();
  const ids = [...new Set(going.map((e) => e.conferenceId))];
  const conferences = (await db.conferences.bulkGet(ids)).filter((c): c is ConferenceRecord => c !== undefined && c.lastEnd > now);
  const open = new Set(conferences.map((c) => c.id));
  const entries = going.filter((e) => open.has(e.conferenceId));
  const reminders = (await db.reminders.bulkGet(entries.map((e): [string, string] => [e.conferenceId, e.sessionId]))).filter((r): r is ReminderRecord => r !== undefined);
  return { entries, conferences, reminders };
}

/** Every "going" session that has not ended, soonest first (for "Next for me"), from the schedules in memory. */
export function upcomingGoing(state: GoingState, schedules: ReadonlyMap<string, ScheduleModel>, now: number, limit = 3): NextSession[] {
  const records = new Map(state.conferences.map((c) => [c.id, c]));
  const reminders = new Map(state.reminders.map((r) => [`${r.conferenceId}\n${r.sessionId}`, r]));
  const live = state.entries
    .map((e) => schedules.get(e.conferenceId)?.byId.get(e.sessionId))
    .filter((s): s is SessionRecord => s !== undefined && !s.cancelled && Date.parse(s.end) > now)
    .sort((a, b) => a.start.localeCompare(b.start));
  const out: NextSession[] = [];
  for (const session of live) {
    const conference = records.get(session.conferenceId);
    if (!conference) continue;
    const reminder = reminders.get(`${session.conferenceId}\n${session.id}`);
    out.push({
      conferenceId: session.conferenceId,
      conferenceTitle: conference.conference.title,
      zone: conference.conference.timeZone,
      session,
      roomName: session.roomId ? schedules.get(session.conferenceId)?.roomsById.get(session.roomId)?.name : undefined,
      reminderAt: reminder?.state === 'planned' ? reminder.fireAt : undefined,
    });
    if (out.length === limit) break;
  }
  return out;
}
