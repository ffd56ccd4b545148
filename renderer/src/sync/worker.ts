/// <reference lib="webworker" />
import '../no-eval';
import { LanyardDb } from '../db/schema';
import { applyFeedText } from './apply';
import { describeReadError, subscribeCandidate, summarize } from './candidate';
import { readCandidate, type Candidate } from './subscribe';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Parsing, diffing and the write run here, off the UI thread. */
const db = new LanyardDb();

/** Previewed feeds waiting for Subscribe, newest last; only a few are kept. */
const previews = new Map<number, Candidate>();
const KEEP_PREVIEWS = 3;
let nextToken = 1;

const reply = (message: WorkerReply): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  if (request.kind === 'apply') {
    const { subscriptionId, text, validators, now, options } = request;
    applyFeedText(db, subscriptionId, text, validators, now, options).then(
      (outcome) => reply({ id, outcome }),
      (error: unknown) => reply({ id, outcome: { kind: 'failed', stage: 'parse', message: error instanceof Error ? error.message : String(error) } }),
    );
  } else if (request.kind === 'preview') {
    try {
      const candidate = readCandidate(request.text, request.base);
      const token = nextToken++;
      previews.set(token, candidate);
      for (const old of previews.keys()) if (previews.size > KEEP_PREVIEWS) previews.delete(old);
      reply({ id, preview: summarize(candidate.result), token });
    } catch (error) {
      reply({ id, error: describeReadError(error) });
    }
  } else {
    const candidate = previews.get(request.token);
    if (!candidate) return reply({ id, error: 'the preview is gone; read the feed again' });
    void subscribeCandidate(db, candidate, request.now).then((stored) => {
      if (stored.ok) previews.delete(request.token);
      reply(stored.ok ? { id, subscribed: stored.id } : { id, error: stored.message });
    });
  }
};
