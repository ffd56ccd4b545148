import { importFeed, type ImportResult } from '../../../core/formats/index';
import { nextPollDelay } from '../../../core/sync/schedule';
import type { LiveChannel } from '../../../core/model/schema';
import { storeFeed } from '../db/feeds';
import type { LanyardDb, SubscriptionRecord } from '../db/schema';

export interface Candidate {
  result: ImportResult;
  /** The feed text it was read from, stored with the copy (a change of zone reads it again). */
  text: string;
  source: 'sample' | 'url' | 'file';
  url?: string | undefined;
  fileName?: string | undefined;
  timeZone?: string | undefined;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** A live channel carried by the subscription link, already checked. */
  live?: LiveChannel | undefined;
}

/** Reads a feed for the "what is this?" preview shown before subscribing. Throws FeedError. */
export function readCandidate(text: string, base: Omit<Candidate, 'result' | 'text'>): Candidate {
  // The subscription URL is the base for relative links when the feed names no base URL.
  return { ...base, text, result: importFeed(text, { ...(base.timeZone ? { timeZone: base.timeZone } : {}), ...(base.url ? { sourceUrl: base.url } : {}) }) };
}

async function freeId(db: LanyardDb, wanted: string): Promise<string> {
  const base = wanted.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'conference';
  let id = base;
  for (let n = 2; await db.subscriptions.get(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The subscription already following this URL, if any. */
async function findByUrl(db: LanyardDb, url: string): Promise<SubscriptionRecord | undefined> {
  return db.subscriptions.filter((s) => s.url === url).first();
}

/** Adds a previewed conference; returns its id. Subscribing twice to one URL returns the existing one. */
export async function subscribe(db: LanyardDb, candidate: Candidate, now: number): Promise<string> {
  if (candidate.url) {
    const existing = await findByUrl(db, candidate.url);
    if (existing) return existing.id;
  }
  const id = await freeId(db, candidate.result.feed.conference.id);
  const subscription: SubscriptionRecord = { id, source: candidate.source, addedAt: now, archived: 0, failures: 0, lastSuccessAt: now, lastAttemptAt: now, lastChangeAt: now };
  if (candidate.url) subscription.url = candidate.url;
  if (candidate.fileName) subscription.fileName = candidate.fileName;
  if (candidate.timeZone) subscription.timeZone = candidate.timeZone;
  if (candidate.live) subscription.live = candidate.live;
  if (candidate.etag) subscription.etag = candidate.etag;
  if (candidate.lastModified) subscription.lastModified = candidate.lastModified;
  const { result } = candidate;
  if (candidate.source === 'url') {
    // Just fetched: the next look follows the conference's pace, not the next sync tick.
    const starts = result.feed.sessions.map((s) => Date.parse(s.start));
    const ends = result.feed.sessions.map((s) => Date.parse(s.end));
    const conferenceStart = starts.length ? Math.min(...starts) : Date.parse(`${result.feed.conference.start}T00:00:00Z`);
    const conferenceEnd = ends.length ? Math.max(...ends) : Date.parse(`${result.feed.conference.end}T23:59:59Z`);
    const delay = nextPollDelay({ now, conferenceStart, conferenceEnd, failures: 0, random: Math.random() });
    if (delay !== undefined) subscription.nextPollAt = now + delay;
  }
  await storeFeed(db, { subscription, feed: result.feed, format: result.format, warnings: result.warnings, diff: undefined, now, source: candidate.text });
  return id;
}
