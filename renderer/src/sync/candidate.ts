// Run by the engine (engine/handlers.ts): it reads feeds, so the UI never imports it.
import { isFeedError } from '../../../core/errors';
import type { ImportResult } from '../../../core/formats/index';
import type { LanyardDb } from '../db/schema';
import { describeStoreError } from './store-errors';
import { subscribe, type Candidate } from './subscribe';
import type { FeedSummary, StoreOutcome } from '../engine/jobs';

/** The preview's small summary of a parsed feed. */
export function summarize(result: ImportResult): FeedSummary {
  const { feed } = result;
  const { id, title, start, end, timeZone } = feed.conference;
  return {
    conference: { id, title, start, end, timeZone },
    sessions: feed.sessions.length,
    speakers: feed.speakers.length,
    rooms: feed.rooms.length,
    format: result.format,
    formatLabel: result.formatLabel,
    warnings: result.warnings,
  };
}

/** Why a feed could not be read, in words. */
export function describeReadError(error: unknown): string {
  if (isFeedError(error)) return error.message;
  return error instanceof Error ? error.message : 'The feed could not be read';
}

/** Subscribes to a candidate, turning a failed write into words (nothing was stored). */
export async function subscribeCandidate(db: LanyardDb, candidate: Candidate, now: number): Promise<StoreOutcome> {
  try {
    return { ok: true, id: await subscribe(db, candidate, now) };
  } catch (error) {
    return { ok: false, message: describeStoreError(error) };
  }
}
