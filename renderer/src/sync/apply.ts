// Runs in the engine (engine/handlers.ts): it reads feeds, so the UI never imports it.
import { isFeedError, type FeedErrorCode } from '../../../core/errors';
import { diffFeeds } from '../../../core/feed/diff';
import { importFeed, type ImportResult } from '../../../core/formats/index';
import { BOUNDARY_WARNING_CODES } from '../../../core/model/boundary-codes';
import { heldSentence, suspiciousShrink } from '../../../core/sync/guard';
import { loadFeed, storeFeed } from '../db/feeds';
import { holdRevision, storeUnchanged, type HoldResult } from '../db/held';
import { sha256Hex } from './hash';
import { describeStoreError } from './store-errors';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';
import { recordFailure, subscriptionOf, type ApplyOptions, type SyncOutcome, type Validators } from './attempts';
import { sameExtras } from './same-extras';

/** Feeds that read fine but fail the model's boundary (core/model/boundary.ts). */
const REFUSED_AT_BOUNDARY = new Set<FeedErrorCode>(['invalid-model', 'invalid-time-zone']);

/**
 * Reads a feed text the way this subscription wants it: in the zone the subscriber chose (which
 * re-reads floating local times) and under the name they gave the conference. Every revision
 * goes through here, so both survive whatever the organizers publish next. Throws FeedError.
 */
export function readWithSettings(text: string, sub: Pick<SubscriptionRecord, 'timeZone' | 'title' | 'url'>): ImportResult {
  // The subscription URL is the base for relative links when the feed names no base URL.
  const result = importFeed(text, { ...(sub.timeZone ? { timeZone: sub.timeZone } : {}), ...(sub.url ? { sourceUrl: sub.url } : {}) });
  if (sub.title) result.feed.conference.title = sub.title;
  return result;
}

/**
 * Applies a newly fetched revision: parse, check it is not a broken export, diff it
 * against the stored copy, then write conference, sessions, revision record and the new
 * validators in one transaction. Any failure before the write leaves everything as it was.
 * A revision that loses most of its sessions is held aside (db/held.ts) instead, unless it
 * is exactly the held text the user accepted with "Apply anyway" (`options.acceptHeld`).
 */
export async function applyFeedText(db: LanyardDb, id: string, text: string, validators: Validators, now: number, options: ApplyOptions = {}): Promise<SyncOutcome> {
  const sub = await subscriptionOf(db, id);
  let result: ImportResult;
  try {
    result = readWithSettings(text, sub);
  } catch (error) {
    const message = isFeedError(error) ? error.message : 'the feed could not be read';
    if (isFeedError(error) && REFUSED_AT_BOUNDARY.has(error.code)) {
      // Readable, but impossible as a schedule: held back like any broken revision, with the reason.
      const reason = `${message.charAt(0).toLowerCase()}${message.slice(1)}`;
      return recordFailure(db, id, 'parse', { message: `The new revision was held back, not applied: ${reason}; the previous copy is kept.` }, now);
    }
    return recordFailure(db, id, 'parse', { message: `The new revision could not be read: ${message}` }, now);
  }
  // Read before the copy itself: if anything is stored in between, storeFeed sees a newer
  // stamp and re-attaches the agenda by identity instead of through a stale copy's ids.
  const storedAt = (await db.conferences.get(id))?.storedAt;
  const previous = await loadFeed(db, id);
  const diff = previous ? diffFeeds(previous, result.feed) : undefined;
  const shrink = suspiciousShrink(previous?.sessions.length ?? 0, result.feed.sessions.length);
  if (shrink && previous && diff) {
    const hash = await sha256Hex(text);
    if (options.acceptHeld !== hash) {
      // Kept aside for the user to review, apply anyway or dismiss; the stored copy stays.
      const before = previous.sessions.length;
      const after = result.feed.sessions.length;
      let state: HoldResult;
      try {
        state = await holdRevision(db, {
          conferenceId: id, text, hash, etag: validators.etag, lastModified: validators.lastModified, revision: result.feed.revision, before, after, diff, now,
          leftOut: result.warnings.filter((w) => BOUNDARY_WARNING_CODES.has(w.code)),
        });
      } catch (error) {
        return recordFailure(db, id, 'held', { message: `${shrink} It could not be kept for review: ${describeStoreError(error)}.` }, now);
      }
      return { kind: 'held', message: heldSentence(before, after), isNew: state === 'new', dismissed: state === 'dismissed' };
    }
  }
  const { lastError: _dropped, ...rest } = sub;
  const next: SubscriptionRecord = { ...rest, lastAttemptAt: now, lastSuccessAt: now, failures: 0 };
  if (validators.etag) next.etag = validators.etag;
  else delete next.etag;
  if (validators.lastModified) next.lastModified = validators.lastModified;
  else delete next.lastModified;
  if (previous && diff?.isEmpty && previous.revision === result.feed.revision && sameExtras(previous, result.feed)) {
    // The server is back at the stored copy: a revision held before is no longer on offer.
    await storeUnchanged(db, next);
    return { kind: 'unchanged' };
  }
  next.lastChangeAt = now;
  try {
    await storeFeed(db, {
      subscription: next, feed: result.feed, format: result.format, warnings: result.warnings, diff, now,
      previous: previous && storedAt !== undefined ? { feed: previous, storedAt } : undefined,
      source: text,
    });
  } catch (error) {
    // The transaction rolled back: the previous copy is intact, and the user is told why.
    return recordFailure(db, id, 'store', { message: `The new revision could not be stored: ${describeStoreError(error)}; the previous copy is kept.` }, now);
  }
  return { kind: 'updated', diff, sessions: result.feed.sessions.length };
}
