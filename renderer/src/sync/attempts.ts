// What a sync attempt ends in, and the bookkeeping of attempts that store no revision. The UI
// side (the sync service) imports this; reading and storing a revision is sync/apply.ts, in the engine.
import type { FeedDiff } from '../../../core/feed/diff';
import type { HostError } from '../../../core/host/contract';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';

/** How one sync attempt ended (apply, 304, held back, or failed at a stage). */
export type SyncOutcome =
  | { kind: 'updated'; diff: FeedDiff | undefined; sessions: number }
  | { kind: 'unchanged' }
  /** The shrink guard held the revision back: `isNew` only the first time this revision (by ETag or bytes) arrives; `dismissed` when the user already chose to keep the current copy. */
  | { kind: 'held'; message: string; isNew: boolean; dismissed: boolean }
  | { kind: 'failed'; stage: FailureStage; message: string };

/** Where an attempt failed: download, reading the feed, the shrink guard, or the write. */
export type FailureStage = 'fetch' | 'parse' | 'held' | 'store';

/** The HTTP validators a revision came with (stored only after it is). */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface ApplyOptions {
  /** "Apply anyway": the SHA-256 of the held revision the user accepted; only that exact text passes the shrink guard. */
  acceptHeld?: string | undefined;
}

/** The subscription, or an error naming it (an attempt for a conference removed meanwhile). */
export async function subscriptionOf(db: LanyardDb, id: string): Promise<SubscriptionRecord> {
  const sub = await db.subscriptions.get(id);
  if (!sub) throw new Error(`No subscription "${id}"`);
  return sub;
}

/** Records a failed attempt; the stored conference is not touched. */
export async function recordFailure(db: LanyardDb, id: string, stage: FailureStage, error: HostError, now: number): Promise<SyncOutcome> {
  await db.transaction('rw', db.subscriptions, async () => {
    const sub = await subscriptionOf(db, id);
    const lastError: NonNullable<SubscriptionRecord['lastError']> = { at: now, message: error.message, kind: stage };
    if (error.status !== undefined) lastError.status = error.status;
    if (error.retryAfterSeconds !== undefined) lastError.retryAfterSeconds = error.retryAfterSeconds;
    await db.subscriptions.put({ ...sub, lastAttemptAt: now, lastError, failures: stage === 'held' ? sub.failures : sub.failures + 1 });
  });
  return { kind: 'failed', stage, message: error.message };
}

/** The server answered 304: the stored copy is current. */
export async function recordNotModified(db: LanyardDb, id: string, now: number): Promise<SyncOutcome> {
  await db.transaction('rw', db.subscriptions, async () => {
    const { lastError: _dropped, ...sub } = await subscriptionOf(db, id);
    await db.subscriptions.put({ ...sub, lastAttemptAt: now, lastSuccessAt: now, failures: 0 });
  });
  return { kind: 'unchanged' };
}

