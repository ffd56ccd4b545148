import type { LanyardDb } from '../db/schema';
import { applyFeedText, type SyncOutcome, type Validators } from './apply';
import type { ApplyRequest } from './worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (outcome: SyncOutcome) => void>();

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; outcome: SyncOutcome }>) => {
      pending.get(event.data.id)?.(event.data.outcome);
      pending.delete(event.data.id);
    };
  }
  return worker;
}

/** Applies a fetched revision in the sync worker (or inline where there are no workers). */
export function runApply(db: LanyardDb, subscriptionId: string, text: string, validators: Validators, now: number): Promise<SyncOutcome> {
  const w = getWorker();
  if (!w) return applyFeedText(db, subscriptionId, text, validators, now);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, subscriptionId, text, validators, now } satisfies ApplyRequest);
  });
}
