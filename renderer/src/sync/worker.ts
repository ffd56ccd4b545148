/// <reference lib="webworker" />
import '../no-eval';
import { LanyardDb } from '../db/schema';
import { applyFeedText, type ApplyOptions, type Validators } from './apply';

/** Parsing, diffing and the write run here, off the UI thread. */
const db = new LanyardDb();

export interface ApplyRequest {
  id: number;
  subscriptionId: string;
  text: string;
  validators: Validators;
  now: number;
  options?: ApplyOptions;
}

self.onmessage = (event: MessageEvent<ApplyRequest>) => {
  const { id, subscriptionId, text, validators, now, options } = event.data;
  applyFeedText(db, subscriptionId, text, validators, now, options).then(
    (outcome) => self.postMessage({ id, outcome }),
    (error: unknown) => self.postMessage({ id, outcome: { kind: 'failed', stage: 'parse', message: error instanceof Error ? error.message : String(error) } }),
  );
};
