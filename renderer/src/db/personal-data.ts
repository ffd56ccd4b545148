import type { z } from 'zod';
import {
  AgendaEntrySchema,
  ConferencePrefsSchema,
  emptyPersonalData,
  WatchLaterSchema,
  type PersonalData,
  type PersonalSubscription,
} from '../../../core/personal/model';
import { reattachToStored } from './personal-restore';
import type { LanyardDb, SubscriptionRecord } from './schema';

/** The personal fields of a subscription (sync state such as validators and errors stays local). */
export function personalSubscription(sub: SubscriptionRecord): PersonalSubscription {
  const out: PersonalSubscription = { id: sub.id, source: sub.source, addedAt: sub.addedAt, archived: sub.archived };
  if (sub.url) out.url = sub.url;
  if (sub.fileName) out.fileName = sub.fileName;
  if (sub.timeZone) out.timeZone = sub.timeZone;
  if (sub.title) out.title = sub.title;
  if (sub.live) out.live = { mqtt: sub.live.mqtt, topic: sub.live.topic };
  return out;
}

export interface Collected {
  data: PersonalData;
  /** Rows that do not match the personal-data format and so could not be backed up. */
  skipped: number;
}

function valid<T>(rows: readonly unknown[], schema: z.ZodType<T>): { rows: T[]; skipped: number } {
  const out: T[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else skipped += 1;
  }
  return { rows: out, skipped };
}

/** Everything personal in the database, as one PersonalData (the mirror and the export file). */
export async function collectPersonalData(db: LanyardDb, now: number): Promise<Collected> {
  return db.transaction('r', [db.subscriptions, db.agenda, db.prefs, db.watchLater], async () => {
    const [subs, agenda, prefs, watchLater] = await Promise.all([db.subscriptions.toArray(), db.agenda.toArray(), db.prefs.toArray(), db.watchLater.toArray()]);
    const a = valid(agenda, AgendaEntrySchema);
    const p = valid(prefs, ConferencePrefsSchema);
    const w = valid(watchLater, WatchLaterSchema);
    const data: PersonalData = {
      ...emptyPersonalData(now),
      subscriptions: subs.sort((x, y) => x.addedAt - y.addedAt || (x.id < y.id ? -1 : 1)).map(personalSubscription),
      agenda: a.rows,
      prefs: p.rows,
      watchLater: w.rows,
    };
    return { data, skipped: a.skipped + p.skipped + w.skipped };
  });
}

/** True when the database holds nothing personal at all (a first start, or a wiped store). */
export async function isPersonalStoreEmpty(db: LanyardDb): Promise<boolean> {
  const counts = await Promise.all([db.subscriptions.count(), db.agenda.count(), db.prefs.count(), db.watchLater.count()]);
  return counts.every((n) => n === 0);
}

export interface WriteSummary {
  /** Subscriptions re-created here; they fetch their feed again. */
  subscriptionsAdded: string[];
  /** Subscriptions from a file: their feed cannot be fetched again, the file is needed. */
  needFile: PersonalSubscription[];
  /** The built-in sample was in the data; it comes back from the app's own assets. */
  hasSample: boolean;
}

/**
 * Writes personal rows (from the mirror or an imported file) in one transaction. Agenda,
 * preferences and watch list rows are put as given (the caller merged them already).
 * Subscriptions that are missing are re-created with no stored copy, so sync fetches
 * them again; file and sample subscriptions cannot be fetched and are reported instead.
 */
export async function writePersonalRows(db: LanyardDb, data: PersonalData): Promise<WriteSummary> {
  const summary: WriteSummary = { subscriptionsAdded: [], needFile: [], hasSample: false };
  await db.transaction('rw', [db.subscriptions, db.agenda, db.prefs, db.watchLater], async () => {
    await db.agenda.bulkPut(data.agenda);
    await db.prefs.bulkPut(data.prefs);
    await db.watchLater.bulkPut(data.watchLater);
    for (const sub of data.subscriptions) {
      if (sub.source === 'sample') {
        summary.hasSample = true;
        continue;
      }
      if (await db.subscriptions.get(sub.id)) continue;
      if (sub.source === 'file' || !sub.url) {
        summary.needFile.push(sub);
        continue;
      }
      await db.subscriptions.put({ ...sub, failures: 0 });
      summary.subscriptionsAdded.push(sub.id);
    }
  });
  // Entries written against another revision (an older export, the backup copy) follow their
  // sessions by identity now; conferences not stored yet do so when their first copy arrives.
  const touched = new Set([...data.agenda, ...data.watchLater].map((entry) => entry.conferenceId));
  for (const conferenceId of touched) {
    if (await db.conferences.get(conferenceId)) await reattachToStored(db, conferenceId, Date.now());
  }
  return summary;
}

/** Restores what the user chose for the sample (archived or not) once the sample is back. */
export async function restoreSubscriptionFlags(db: LanyardDb, subs: readonly PersonalSubscription[]): Promise<void> {
  await db.transaction('rw', db.subscriptions, async () => {
    for (const sub of subs) {
      const stored = await db.subscriptions.get(sub.id);
      if (stored && stored.archived !== sub.archived) await db.subscriptions.put({ ...stored, archived: sub.archived });
    }
  });
}

/** What the Your data page counts. */
export async function personalCounts(db: LanyardDb): Promise<{ starred: number; notes: number; watch: number; conferences: number; entries: number }> {
  const entries = await db.agenda.toArray();
  const watch = await db.watchLater.count();
  return { starred: entries.filter((e) => e.star).length, notes: entries.filter((e) => e.note).length, watch, conferences: await db.subscriptions.count(), entries: entries.length + watch + (await db.prefs.count()) };
}

/** Deletes the agenda (stars, notes, reminder overrides), reminder settings and watch list. Subscriptions stay. */
export async function clearPersonalRows(db: LanyardDb): Promise<number> {
  return db.transaction('rw', [db.agenda, db.prefs, db.watchLater], async () => {
    const count = (await db.agenda.count()) + (await db.prefs.count()) + (await db.watchLater.count());
    await Promise.all([db.agenda.clear(), db.prefs.clear(), db.watchLater.clear()]);
    return count;
  });
}
