/// <reference lib="webworker" />
import '../no-eval';
import { LanyardDb } from '../db/schema';
import { createJobHandlers } from './handlers';
import type { JobReply, JobRequest } from './jobs';

/** Parsing, diffing and the writes they lead to run here, off the UI thread: one job at a time. */
const handlers = createJobHandlers(new LanyardDb());

const reply = (message: JobReply): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<JobRequest>) => {
  const { id, kind, args } = event.data;
  const handler = handlers[kind] as (a: unknown) => Promise<unknown>;
  handler(args).then(
    (value) => reply({ id, ok: true, value }),
    (error: unknown) => reply({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
