import sampleText from '../../../assets/sample/centos-connect-2023.lanyard.json?raw';
import type { LanyardDb } from '../db/schema';
import { readCandidate, subscribe } from './subscribe';

/** Adds the built-in CentOS Connect 2023 sample when it is missing (first start, or restoring a wiped store). Runs in the engine: it reads a feed. */
export async function addSample(db: LanyardDb, now: number): Promise<void> {
  if ((await db.subscriptions.where('id').equals('centos-connect-2023').count()) === 0) {
    await subscribe(db, readCandidate(sampleText, { source: 'sample' }), now);
  }
}
