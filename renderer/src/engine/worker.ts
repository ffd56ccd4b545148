/// <reference lib="webworker" />
import '../no-eval';
import { LanyardDb } from '../db/schema';
import { createJobHandlers } from './handlers';
import type { JobReply, JobRequest } from './jobs';

const db = new LanyardDb();
// The database deleted under the app (a storage wipe): close for good rather than quietly
// re-create an empty one that would hide the backup copy from the restore at the next start.
db.on('versionchange', () => {
  db.close({ disableAutoOpen: true });
  return false;
});

/** Parsing, diffing and the writes they lead to run here, off the UI thread: one job at a time. */
const handlers = createJobHandlers(db);

const reply = (message: JobReply): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<JobRequest>) => {
  const { id, kind, args } = event.data;
  const handler = handlers[kind] as (a: unknown) => Promise<unknown>;
  handler(args).then(
    (value) => reply({ id, ok: true, value }),
    (error: unknown) => reply({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
