import type { LanyardDb } from '../db/schema';
import { measureSince } from '../perf';
import { applyFeedText, recordFailure, type ApplyOptions, type SyncOutcome, type Validators } from './apply';
import type { ApplyRequest } from './worker';

interface Pending {
  resolve: (outcome: SyncOutcome) => void;
  db: LanyardDb;
  subscriptionId: string;
  now: number;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * A worker that fails to load or crashes must not leave a refresh waiting forever: every
 * request in flight is recorded as failed (the stored copy is untouched) and the next one
 * starts a fresh worker.
 */
function failAll(message: string): void {
  worker?.terminate();
  worker = undefined;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) void recordFailure(p.db, p.subscriptionId, 'parse', { message }, p.now).then(p.resolve, () => p.resolve({ kind: 'failed', stage: 'parse', message }));
}

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; outcome: SyncOutcome }>) => {
      pending.get(event.data.id)?.resolve(event.data.outcome);
      pending.delete(event.data.id);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      failAll(`The sync worker stopped (${event.message || 'it could not be started'}); the stored copy is unchanged.`);
    };
    worker.onmessageerror = () => failAll('The sync worker sent an unreadable answer; the stored copy is unchanged.');
  }
  return worker;
}

/** Applies a fetched revision in the sync worker (or inline where there are no workers). */
export function runApply(db: LanyardDb, subscriptionId: string, text: string, validators: Validators, now: number, options: ApplyOptions = {}): Promise<SyncOutcome> {
  const started = performance.now();
  const w = getWorker();
  const done = (outcome: SyncOutcome): SyncOutcome => {
    measureSince('lanyard:sync-apply', started, { subscriptionId, outcome: outcome.kind, chars: text.length });
    return outcome;
  };
  if (!w) return applyFeedText(db, subscriptionId, text, validators, now, options).then(done);
  const id = nextId++;
  return new Promise<SyncOutcome>((resolve) => {
    pending.set(id, { resolve, db, subscriptionId, now });
    w.postMessage({ id, subscriptionId, text, validators, now, options } satisfies ApplyRequest);
  }).then(done);
}
