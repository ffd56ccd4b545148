import type { CandidateBase, Engine, FeedSummary, StoreOutcome } from '../engine/jobs';
import { measureSince } from '../perf';

export type { CandidateBase, FeedSummary } from '../engine/jobs';

/** A feed read for the "what is this?" preview, ready to be subscribed to. */
export interface Preview {
  summary: FeedSummary;
  /** Stores it (one transaction). */
  subscribe: (now: number) => Promise<StoreOutcome>;
}

/**
 * Reads a feed for the preview in the engine (the sync worker), so a FOSDEM-size feed never
 * blocks the window; the parsed feed stays in the engine until Subscribe stores it there.
 * Timed as `lanyard:import-parse` and `lanyard:import-store`.
 */
export async function previewFeed(engine: Engine, text: string, base: CandidateBase): Promise<{ ok: true; preview: Preview } | { ok: false; message: string }> {
  const started = performance.now();
  const key = crypto.randomUUID();
  const read = await engine.run('preview', { key, text, base }, { holds: key });
  if (!read.ok) return { ok: false, message: read.message };
  if (!read.value.ok) return read.value;
  const { summary } = read.value;
  measureSince('lanyard:import-parse', started, { chars: text.length, sessions: summary.sessions });
  const subscribe = async (now: number): Promise<StoreOutcome> => {
    const storing = performance.now();
    const stored = await engine.run('subscribe', { key, now }, { needs: key });
    if (!stored.ok) return { ok: false, message: stored.reason === 'gone' ? stored.message : `${stored.message}; try again` };
    if (stored.value.ok) measureSince('lanyard:import-store', storing, { subscriptionId: stored.value.id, sessions: summary.sessions });
    return stored.value;
  };
  return { ok: true, preview: { summary, subscribe } };
}
