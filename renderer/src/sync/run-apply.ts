import type { LanyardDb } from '../db/schema';
import { measureSince } from '../perf';
import { applyFeedText, recordFailure, type ApplyOptions, type SyncOutcome, type Validators } from './apply';
import { askWorker } from './worker-client';

/** Applies a fetched revision in the sync worker (or inline where there are no workers). */
export async function runApply(db: LanyardDb, subscriptionId: string, text: string, validators: Validators, now: number, options: ApplyOptions = {}): Promise<SyncOutcome> {
  const started = performance.now();
  const asked = askWorker({ kind: 'apply', subscriptionId, text, validators, now, options });
  let outcome: SyncOutcome;
  if (!asked) outcome = await applyFeedText(db, subscriptionId, text, validators, now, options);
  else {
    const reply = await asked;
    if ('outcome' in reply) outcome = reply.outcome;
    else {
      // The worker crashed (or answered something else): the stored copy is untouched; say so.
      const message = 'crashed' in reply ? `${reply.crashed}; the stored copy is unchanged.` : 'The sync worker gave an unexpected answer; the stored copy is unchanged.';
      outcome = await recordFailure(db, subscriptionId, 'parse', { message }, now).catch((): SyncOutcome => ({ kind: 'failed', stage: 'parse', message }));
    }
  }
  measureSince('lanyard:sync-apply', started, { subscriptionId, outcome: outcome.kind, chars: text.length });
  return outcome;
}
