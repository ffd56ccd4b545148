import type { Engine } from '../engine/jobs';
import type { LanyardDb } from '../db/schema';
import { measureSince } from '../perf';
import { recordFailure, type ApplyOptions, type SyncOutcome, type Validators } from './attempts';

/**
 * Applies a fetched revision in the engine (the sync worker). When the engine gives no outcome
 * (the worker crashed, or its watchdog stopped a job that ran past its budget) the stored copy
 * is untouched: the failure is recorded for this subscription alone, in words.
 */
export async function runApply(engine: Engine, db: LanyardDb, subscriptionId: string, text: string, validators: Validators, now: number, options: ApplyOptions = {}): Promise<SyncOutcome> {
  const started = performance.now();
  const answer = await engine.run('apply', { subscriptionId, text, validators, now, options });
  let outcome: SyncOutcome;
  if (answer.ok) outcome = answer.value;
  else {
    const message = answer.reason === 'failed' ? answer.message : `${answer.message}; the stored copy is unchanged.`;
    outcome = await recordFailure(db, subscriptionId, 'parse', { message }, now).catch((): SyncOutcome => ({ kind: 'failed', stage: 'parse', message }));
  }
  measureSince('lanyard:sync-apply', started, { subscriptionId, outcome: outcome.kind, chars: text.length });
  return outcome;
}
