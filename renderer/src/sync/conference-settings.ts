import { isFeedError } from '../../../core/errors';
import type { ImportResult } from '../../../core/formats/index';
import { LIMITS } from '../../../core/limits';
import { cleanText } from '../../../core/text/html';
import { isValidTimeZone } from '../../../core/time/zone';
import { loadFeed, storeFeed } from '../db/feeds';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';
import { readWithSettings } from './apply';
import { describeStoreError } from './store-errors';

/** What the subscriber can set on a conference after subscribing. Undefined: as the feed says. */
export interface ConferenceSettings {
  title: string | undefined;
  timeZone: string | undefined;
}

export type SettingsOutcome =
  /** Stored; `reread` when the feed text was read again (a new zone places floating times anew). */
  | { kind: 'saved'; reread: boolean }
  /** Stored on the subscription, but the times can only be read again once the feed text is at hand. */
  | { kind: 'pending'; message: string }
  | { kind: 'failed'; message: string };

const MAX_TITLE = 300;

/**
 * Renames a conference and/or changes its time zone. Both are stored on the subscription, so
 * every later revision is read with them (sync/apply.ts `readWithSettings`). A new zone means
 * reading the feed again: floating local times (FOSDEM XML, Sessionize, xCal) land at other
 * instants. The text comes from the stored copy's source (version 6), else from `fetchText`
 * for a URL; the re-read is stored like a revision, in one transaction, with the user's stars,
 * notes and reminders re-attached, but with no "changed by the organizers" marks: nothing changed
 * in the feed.
 */
export async function changeConferenceSettings(
  db: LanyardDb,
  id: string,
  settings: ConferenceSettings,
  now: number,
  fetchText?: (url: string) => Promise<string | undefined>,
): Promise<SettingsOutcome> {
  const title = cleanText(settings.title)?.slice(0, MAX_TITLE);
  const timeZone = settings.timeZone?.trim() || undefined;
  if (timeZone && !isValidTimeZone(timeZone)) return { kind: 'failed', message: `"${timeZone.slice(0, 60)}" is not a known time zone.` };
  const sub = await db.subscriptions.get(id);
  if (!sub) return { kind: 'failed', message: 'This conference is no longer subscribed.' };
  const { title: _t, timeZone: _z, ...rest } = sub;
  const next: SubscriptionRecord = { ...rest, ...(title ? { title } : {}), ...(timeZone ? { timeZone } : {}) };
  const zoneChanged = (sub.timeZone ?? '') !== (timeZone ?? '');
  const titleChanged = (sub.title ?? '') !== (title ?? '');
  if (!zoneChanged && !titleChanged) return { kind: 'saved', reread: false };
  return storeWithSettings(db, sub, next, zoneChanged, now, fetchText);
}

/**
 * Reads a conference's stored copy again with the name and zone its subscription has now:
 * they were changed on another computer and arrived through the sync folder, which only
 * writes the subscription. Without the stored text, a URL is downloaded in full at the next
 * refresh (as for a change made here); the new name shows at once either way.
 */
export async function resettleConference(db: LanyardDb, id: string, now: number): Promise<SettingsOutcome> {
  const sub = await db.subscriptions.get(id);
  if (!sub) return { kind: 'failed', message: 'This conference is no longer subscribed.' };
  // What it was read with before is not known here: read it again as for a new zone.
  return storeWithSettings(db, sub, sub, true, now);
}

async function storeWithSettings(
  db: LanyardDb,
  sub: SubscriptionRecord,
  next: SubscriptionRecord,
  zoneChanged: boolean,
  now: number,
  fetchText?: (url: string) => Promise<string | undefined>,
): Promise<SettingsOutcome> {
  const { id } = sub;
  const title = next.title;
  let text = (await db.sources.get(id))?.text;
  if (text === undefined && (zoneChanged || !title) && sub.source === 'url' && sub.url && fetchText) text = await fetchText(sub.url).catch(() => undefined);
  if (text === undefined || text.length > LIMITS.maxInputChars) return storeWithoutText(db, sub, next, { zoneChanged, title }, now);

  let result: ImportResult;
  try {
    result = readWithSettings(text, next);
  } catch (error) {
    return { kind: 'failed', message: `The feed could not be read again: ${isFeedError(error) ? error.message : 'unreadable'}. Nothing was changed.` };
  }
  const storedAt = (await db.conferences.get(id))?.storedAt;
  const previous = await loadFeed(db, id);
  try {
    await storeFeed(db, {
      subscription: next, feed: result.feed, format: result.format, warnings: result.warnings, diff: undefined, now,
      previous: previous && storedAt !== undefined ? { feed: previous, storedAt } : undefined,
      source: text,
      keepHeld: true,
    });
  } catch (error) {
    return { kind: 'failed', message: `The change could not be stored: ${describeStoreError(error)}. Nothing was changed.` };
  }
  return { kind: 'saved', reread: true };
}

/**
 * No feed text at hand (a conference stored before version 6 that cannot be fetched now): the
 * settings are kept, a new name is shown at once, and for a URL the validators are dropped so
 * that the next sync downloads the feed in full and reads it with the new settings.
 */
async function storeWithoutText(db: LanyardDb, sub: SubscriptionRecord, next: SubscriptionRecord, change: { zoneChanged: boolean; title: string | undefined }, now: number): Promise<SettingsOutcome> {
  const needsRead = change.zoneChanged || !change.title;
  const { etag: _e, lastModified: _l, ...unvalidated } = next;
  const stored: SubscriptionRecord = needsRead && sub.source === 'url' ? { ...unvalidated, nextPollAt: now } : next;
  await db.transaction('rw', [db.subscriptions, db.conferences], async () => {
    await db.subscriptions.put(stored);
    const record = await db.conferences.get(sub.id);
    if (record && change.title) await db.conferences.put({ ...record, conference: { ...record.conference, title: change.title } });
  });
  if (!needsRead) return { kind: 'saved', reread: false };
  return {
    kind: 'pending',
    message: sub.source === 'url'
      ? 'Saved. The feed could not be fetched just now; its times are read in the new time zone at the next successful refresh.'
      : 'Saved. Lanyard has no copy of this file from before this version; add the file again to read its times in the new time zone.',
  };
}
