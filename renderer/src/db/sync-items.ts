import type { AgendaEntry, SessionIdentity, WatchLater } from '../../../core/personal/model';
import { keyId, type AnyItemValue, type ItemKey, type ItemValue } from '../../../core/sync-folder/ops';
import { replanReminders } from './personal';
import { personalSubscription } from './personal-data';
import type { LanyardDb, SubscriptionRecord } from './schema';

/** One synced item as this profile holds it now. */
export interface LocalItem {
  key: ItemKey;
  value: AnyItemValue;
  identity?: SessionIdentity;
  /** When the row says it last changed (0 when it does not say): the timestamp of a first sync's op. */
  ts: number;
}

/** A value to put into the store for an item (undefined: the item goes). */
export interface ItemWrite {
  key: ItemKey;
  value: AnyItemValue | undefined;
  identity?: SessionIdentity;
}

/** Every table a sync-folder apply reads or writes, in one transaction. */
export const SYNC_APPLY_TABLES = [
  'agenda', 'prefs', 'watchLater', 'subscriptions', 'reminders', 'schedules', 'conferences', 'revisions',
  'announcements', 'changeMarks', 'announcementSeen', 'held', 'syncBase', 'syncMeta',
] as const;

/** A conference's tables that are not the user's own (what goes when its subscription is removed elsewhere). */
const CONFERENCE_TABLES = ['announcements', 'revisions', 'reminders', 'changeMarks', 'announcementSeen'] as const;

/** A subscription's item: its personal fields, as the backup copy has them (without the id, which is the key). */
function subValue(sub: SubscriptionRecord): ItemValue<'sub'> {
  const { id: _id, ...value } = personalSubscription(sub);
  return value;
}

/** The user's own settings of a subscription, as a sub item carries them. */
function setSettings(record: SubscriptionRecord, value: ItemValue<'sub'>): void {
  if (value.timeZone) record.timeZone = value.timeZone;
  if (value.title) record.title = value.title;
  if (value.live) record.live = value.live;
}

function add(out: Map<string, LocalItem>, item: LocalItem): void {
  out.set(keyId(item.key), item);
}

/** The synced items in the store's personal rows: stars, notes and reminders per session, reminder settings, watch later, subscriptions. */
export async function readLocalItems(db: LanyardDb): Promise<Map<string, LocalItem>> {
  const [agenda, prefs, watch, subs] = await db.transaction('r', [db.agenda, db.prefs, db.watchLater, db.subscriptions], () =>
    Promise.all([db.agenda.toArray(), db.prefs.toArray(), db.watchLater.toArray(), db.subscriptions.toArray()]),
  );
  const out = new Map<string, LocalItem>();
  for (const e of agenda) {
    const at = { identity: e.identity, ts: e.updatedAt };
    if (e.star) add(out, { key: ['star', e.conferenceId, e.sessionId], value: e.star, ...at });
    if (e.note) add(out, { key: ['note', e.conferenceId, e.sessionId], value: e.note, ...at });
    if (e.reminderMinutes !== undefined) add(out, { key: ['remind', e.conferenceId, e.sessionId], value: e.reminderMinutes, ...at });
  }
  for (const p of prefs) add(out, { key: ['prefs', p.conferenceId], value: { remindersEnabled: p.remindersEnabled, reminderMinutes: p.reminderMinutes }, ts: 0 });
  for (const w of watch) {
    const value: ItemValue<'watch'> = { addedAt: w.addedAt };
    if (w.watchedAt !== undefined) value.watchedAt = w.watchedAt;
    add(out, { key: ['watch', w.conferenceId, w.sessionId], value, identity: w.identity, ts: Math.max(w.addedAt, w.watchedAt ?? 0) });
  }
  for (const s of subs) add(out, { key: ['sub', s.id], value: subValue(s), ts: s.addedAt });
  return out;
}

const placeholder = (sessionId: string): SessionIdentity => ({ id: sessionId, title: '', speakers: [], day: '', start: '' });

export interface ApplyOutcome {
  /** Subscriptions created here: their feeds are to be fetched. */
  subscribed: string[];
  /** Stored conferences whose name or time zone was changed elsewhere: their stored copy is to be read again with it. */
  resettled: string[];
  /** Subscriptions that cannot be created here (from a file, or a URL this profile follows under another name). */
  notCreated: string[];
}

/**
 * Puts item values into the store's rows. Call inside a transaction over SYNC_APPLY_TABLES.
 * An agenda row is built from its three items (an empty row is deleted); a subscription that
 * arrives is created to be fetched like any new one, and one removed elsewhere takes its
 * schedule with it (the user's own rows follow their own items, never the subscription).
 */
export async function writeItems(db: LanyardDb, writes: readonly ItemWrite[], now: number): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { subscribed: [], resettled: [], notCreated: [] };
  const agenda = new Map<string, ItemWrite[]>();
  const replan = new Set<string>();
  for (const write of writes) {
    const [kind, conferenceId, sessionId] = write.key;
    if (kind === 'star' || kind === 'note' || kind === 'remind') {
      const id = JSON.stringify([conferenceId, sessionId]);
      agenda.set(id, [...(agenda.get(id) ?? []), write]);
    } else if (kind === 'watch' && sessionId !== undefined) await writeWatch(db, conferenceId, sessionId, write);
    else if (kind === 'prefs') {
      const value = write.value as ItemValue<'prefs'> | undefined;
      if (value) await db.prefs.put({ conferenceId, ...value });
      else await db.prefs.delete(conferenceId);
      replan.add(conferenceId);
    } else if (kind === 'sub') await writeSub(db, conferenceId, write.value as ItemValue<'sub'> | undefined, now, outcome);
  }
  for (const group of agenda.values()) {
    const [, conferenceId, sessionId] = group[0]!.key;
    if (sessionId === undefined) continue;
    await writeAgenda(db, conferenceId, sessionId, group, now);
    replan.add(conferenceId);
  }
  for (const conferenceId of replan) await replanReminders(db, conferenceId, now);
  return outcome;
}

async function writeAgenda(db: LanyardDb, conferenceId: string, sessionId: string, group: readonly ItemWrite[], now: number): Promise<void> {
  const existing = await db.agenda.get([conferenceId, sessionId]);
  const hint = group.find((w) => w.identity)?.identity;
  const entry: AgendaEntry = existing ? { ...existing, updatedAt: now } : { conferenceId, sessionId, identity: hint ?? placeholder(sessionId), updatedAt: now };
  for (const write of group) {
    const kind = write.key[0];
    if (kind === 'star') {
      if (write.value === undefined) delete entry.star;
      else entry.star = write.value as ItemValue<'star'>;
    } else if (kind === 'note') {
      if (write.value === undefined) delete entry.note;
      else entry.note = write.value as ItemValue<'note'>;
    } else if (write.value === undefined) delete entry.reminderMinutes;
    else entry.reminderMinutes = write.value as ItemValue<'remind'>;
  }
  if (entry.star === undefined && !entry.note && entry.reminderMinutes === undefined) await db.agenda.delete([conferenceId, sessionId]);
  else await db.agenda.put(entry);
}

async function writeWatch(db: LanyardDb, conferenceId: string, sessionId: string, write: ItemWrite): Promise<void> {
  const value = write.value as ItemValue<'watch'> | undefined;
  if (!value) {
    await db.watchLater.delete([conferenceId, sessionId]);
    return;
  }
  const existing = await db.watchLater.get([conferenceId, sessionId]);
  const row: WatchLater = { conferenceId, sessionId, identity: existing?.identity ?? write.identity ?? placeholder(sessionId), addedAt: value.addedAt };
  if (value.watchedAt !== undefined) row.watchedAt = value.watchedAt;
  await db.watchLater.put(row);
}

async function writeSub(db: LanyardDb, id: string, value: ItemValue<'sub'> | undefined, now: number, outcome: ApplyOutcome): Promise<void> {
  const existing = await db.subscriptions.get(id);
  if (!value) {
    if (!existing) return;
    await Promise.all([
      db.subscriptions.delete(id),
      db.conferences.delete(id),
      db.schedules.delete(id),
      db.held.delete(id),
      ...CONFERENCE_TABLES.map((table) => db.table(table).where('conferenceId').equals(id).delete()),
    ]);
    return;
  }
  if (existing) {
    const { nextPollAt: _poll, url: _url, fileName: _file, timeZone: _zone, title: _title, live: _live, ...rest } = existing;
    const next: SubscriptionRecord = { ...rest, addedAt: value.addedAt, archived: value.archived };
    if (value.url) next.url = value.url;
    if (value.fileName) next.fileName = value.fileName;
    setSettings(next, value);
    // A new name or zone changes what the stored copy shows: it is read again (outside this transaction).
    if (((existing.title ?? '') !== (next.title ?? '') || (existing.timeZone ?? '') !== (next.timeZone ?? '')) && (await db.conferences.get(id))) outcome.resettled.push(id);
    // Archived elsewhere: no more polls; moved back: poll again from the next tick (as setArchived does).
    if (!value.archived && existing.nextPollAt !== undefined) next.nextPollAt = existing.nextPollAt;
    if (!value.archived && existing.archived && next.source === 'url') next.nextPollAt = now;
    await db.subscriptions.put(next);
    return;
  }
  const sameUrl = value.url ? await db.subscriptions.filter((s) => s.url === value.url).first() : undefined;
  if (value.source !== 'url' || !value.url || sameUrl) {
    outcome.notCreated.push(id);
    return;
  }
  const created: SubscriptionRecord = { id, source: 'url', url: value.url, addedAt: value.addedAt, archived: value.archived, failures: 0 };
  setSettings(created, value);
  await db.subscriptions.put(created);
  outcome.subscribed.push(id);
}
