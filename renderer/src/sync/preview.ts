import type { LanyardDb } from '../db/schema';
import { measureSince } from '../perf';
import { describeReadError, subscribeCandidate, summarize, type StoreOutcome } from './candidate';
import { readCandidate, type Candidate } from './subscribe';
import { askWorker } from './worker-client';
import type { CandidateBase, FeedSummary } from './worker-protocol';

export type { CandidateBase, FeedSummary } from './worker-protocol';

/** A feed read for the "what is this?" preview, ready to be subscribed to. */
export interface Preview {
  summary: FeedSummary;
  /** Stores it (one transaction). */
  subscribe: (now: number) => Promise<StoreOutcome>;
}

function inline(db: LanyardDb, text: string, base: CandidateBase): { ok: true; preview: Preview } | { ok: false; message: string } {
  let candidate: Candidate;
  try {
    candidate = readCandidate(text, base);
  } catch (error) {
    return { ok: false, message: describeReadError(error) };
  }
  return { ok: true, preview: { summary: summarize(candidate.result), subscribe: (now) => subscribeCandidate(db, candidate, now) } };
}

/**
 * Reads a feed for the preview in the sync worker, so a FOSDEM-size feed never blocks the
 * window; the parsed feed stays in the worker until Subscribe stores it there. Inline where
 * there are no workers. Timed as `lanyard:import-parse` and `lanyard:import-store`.
 */
export async function previewFeed(db: LanyardDb, text: string, base: CandidateBase): Promise<{ ok: true; preview: Preview } | { ok: false; message: string }> {
  const started = performance.now();
  const asked = askWorker({ kind: 'preview', text, base });
  const read = asked ? await asked : undefined;
  const outcome = !read
    ? inline(db, text, base)
    : 'preview' in read
      ? { ok: true as const, preview: { summary: read.preview, subscribe: (now: number) => subscribeInWorker(read.token, now) } }
      : { ok: false as const, message: 'error' in read ? read.error : 'crashed' in read ? read.crashed : 'The feed could not be read' };
  if (outcome.ok) {
    measureSince('lanyard:import-parse', started, { chars: text.length, sessions: outcome.preview.summary.sessions });
    const store = outcome.preview.subscribe;
    outcome.preview.subscribe = async (now) => {
      const storing = performance.now();
      const stored = await store(now);
      if (stored.ok) measureSince('lanyard:import-store', storing, { subscriptionId: stored.id, sessions: outcome.preview.summary.sessions });
      return stored;
    };
  }
  return outcome;
}

async function subscribeInWorker(token: number, now: number): Promise<StoreOutcome> {
  const reply = await askWorker({ kind: 'subscribe', token, now });
  if (reply && 'subscribed' in reply) return { ok: true, id: reply.subscribed };
  if (reply && 'error' in reply) return { ok: false, message: reply.error };
  return { ok: false, message: reply && 'crashed' in reply ? `${reply.crashed}; try again` : 'the sync worker is not available' };
}
