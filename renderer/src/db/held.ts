import type { FeedWarning } from '../../../core/errors';
import type { FeedDiff } from '../../../core/feed/diff';
import { LIMITS } from '../../../core/limits';
import type { HeldRevisionRecord, LanyardDb, SubscriptionRecord } from './schema';

/** A revision the shrink guard stopped, as the sync found it. */
export interface HoldInput {
  conferenceId: string;
  text: string;
  hash: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  revision?: string | undefined;
  before: number;
  after: number;
  diff: FeedDiff;
  now: number;
  /** What the model's boundary left out of it (impossible dates…): often why it shrank. */
  leftOut?: FeedWarning[] | undefined;
}

/** What became of a hold: a revision not seen before, the same one again, or one the user already dismissed. */
export type HoldResult = 'new' | 'again' | 'dismissed';

/** Whether a fetched revision is the one already held: the same ETag, or the same bytes. */
function isSameRevision(held: Pick<HeldRevisionRecord, 'hash' | 'etag'>, hash: string, etag: string | undefined): boolean {
  return held.hash === hash || (etag !== undefined && etag !== '' && held.etag === etag);
}

export function getHeld(db: LanyardDb, conferenceId: string): Promise<HeldRevisionRecord | undefined> {
  return db.held.get(conferenceId);
}

/**
 * Keeps a held-back revision and records the check on the subscription, in one transaction.
 * The check itself succeeded (the server answered with a readable feed), so the failure count
 * is reset; the stored copy is not touched. The same revision arriving again (same ETag or
 * bytes) only refreshes `lastSeenAt` and its validators, so polling never offers it twice.
 */
export async function holdRevision(db: LanyardDb, input: HoldInput): Promise<HoldResult> {
  if (input.text.length > LIMITS.maxInputChars) throw new Error(`A held revision is larger than the feed cap (${input.text.length} characters)`);
  const id = input.conferenceId;
  return db.transaction('rw', [db.subscriptions, db.held], async () => {
    const sub = await db.subscriptions.get(id);
    if (!sub) throw new Error(`No subscription "${id}"`);
    const { lastError: _dropped, ...rest } = sub;
    await db.subscriptions.put({ ...rest, lastAttemptAt: input.now, lastSuccessAt: input.now, failures: 0 } satisfies SubscriptionRecord);
    const existing = await db.held.get(id);
    if (existing && isSameRevision(existing, input.hash, input.etag)) {
      const seen: HeldRevisionRecord = { ...existing, lastSeenAt: input.now };
      if (input.etag) seen.etag = input.etag;
      if (input.lastModified) seen.lastModified = input.lastModified;
      await db.held.put(seen);
      return existing.dismissedAt === undefined ? 'again' : 'dismissed';
    }
    const record: HeldRevisionRecord = {
      conferenceId: id, text: input.text, hash: input.hash, arrivedAt: input.now, lastSeenAt: input.now,
      before: input.before, after: input.after, counts: input.diff.counts, changes: input.diff.changes, notifiedAt: 0,
    };
    if (input.etag) record.etag = input.etag;
    if (input.lastModified) record.lastModified = input.lastModified;
    if (input.revision) record.revision = input.revision;
    if (input.leftOut?.length) record.leftOut = input.leftOut;
    await db.held.put(record);
    return 'new';
  });
}

/** A 304 answered to the held revision's validators: it is still what the server has. */
export async function touchHeld(db: LanyardDb, conferenceId: string, now: number): Promise<void> {
  await db.held.update(conferenceId, { lastSeenAt: now });
}

/**
 * "Keep the current copy": the held revision (only the one the user looked at, by hash) stays
 * recorded as dismissed, so polls that bring it again pass silently; a different revision is
 * checked afresh.
 */
export async function dismissHeld(db: LanyardDb, conferenceId: string, hash: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.held, async () => {
    const held = await db.held.get(conferenceId);
    if (!held || held.hash !== hash) return false;
    // Dismissed before any window told the user: nothing left to tell.
    await db.held.put({ ...held, dismissedAt: now, notifiedAt: held.notifiedAt || now });
    return true;
  });
}

/** Undoes "Keep the current copy" while that revision is still the one held. */
export async function offerHeldAgain(db: LanyardDb, conferenceId: string, hash: string): Promise<boolean> {
  return db.transaction('rw', db.held, async () => {
    const held = await db.held.get(conferenceId);
    if (!held || held.hash !== hash) return false;
    const { dismissedAt: _d, ...rest } = held;
    await db.held.put(rest);
    return true;
  });
}

/**
 * The validators to send when polling: the held revision's while one is held (or dismissed),
 * so a server that still has it answers 304 instead of sending it again.
 */
export async function pollValidators(db: LanyardDb, sub: SubscriptionRecord): Promise<{ etag?: string | undefined; lastModified?: string | undefined; isHeld: boolean }> {
  const held = await db.held.get(sub.id);
  if (held && (held.etag || held.lastModified)) return { etag: held.etag, lastModified: held.lastModified, isHeld: true };
  return { etag: sub.etag, lastModified: sub.lastModified, isHeld: false };
}

/** The server answered with the stored copy itself: record the check, and drop a held revision it no longer offers. */
export async function storeUnchanged(db: LanyardDb, sub: SubscriptionRecord): Promise<void> {
  await db.transaction('rw', [db.subscriptions, db.held], async () => {
    await db.subscriptions.put(sub);
    await db.held.delete(sub.id);
  });
}

/** A hold to tell the user about: which conference, and the counts for the sentence. */
export interface HeldNotice {
  conferenceId: string;
  hash: string;
  before: number;
  after: number;
}

/**
 * Claims the holds nobody has notified about yet, in one read-write transaction, so that of
 * several windows (or after a restart) exactly one tells the user, once per held revision.
 * Holds older than `since` (the app was closed for a long time) are claimed silently.
 */
export function claimNewHolds(db: LanyardDb, now: number, since: number): Promise<HeldNotice[]> {
  return db.transaction('rw', db.held, async () => {
    const fresh = await db.held.where('notifiedAt').equals(0).filter((h) => h.dismissedAt === undefined).toArray();
    await Promise.all(fresh.map((h) => db.held.update(h.conferenceId, { notifiedAt: now })));
    return fresh.filter((h) => h.arrivedAt >= since).map(({ conferenceId, hash, before, after }) => ({ conferenceId, hash, before, after }));
  });
}

/** The conferences with a held revision still on offer (not dismissed), read by keys alone: the texts stay on disk. */
export async function offeredHolds(db: LanyardDb): Promise<Set<string>> {
  const [all, dismissed] = await Promise.all([db.held.toCollection().primaryKeys(), db.held.where('dismissedAt').above(0).primaryKeys()]);
  const gone = new Set(dismissed);
  return new Set(all.filter((id) => !gone.has(id)));
}
